package com.rollcall.users;

import static com.rollcall.testing.ScimCalls.filter;
import static com.rollcall.testing.ScimCalls.groupIds;
import static com.rollcall.testing.ScimCalls.ids;
import static com.rollcall.testing.ScimCalls.patch;
import static com.rollcall.testing.ScimCalls.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.Payloads;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimCalls;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PRODUCT.md rules 2 and 3 on the paths the IdPs really take: Entra and Okta look a user up with a filter, and when
 * that finds the manual user they never POST it — Entra PATCHes it, Okta PUTs it. That first write links the manual
 * user exactly as an adopting create does: same id, SCIM-sourced, history and groups kept, one USER_LINKED event
 * naming the client and the identifier that matched, no second license. A POST still links when the lookup found
 * nothing (another userName) but the enterprise's identifier matches.
 */
@ExtendWith(RollcallServer.class)
class LinkingIT {
    private static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static String source(String scimId) {
        return TestTenants.text("SELECT source FROM user_account WHERE scim_id = ?", scimId);
    }

    private static long seats(Tenant tenant) {
        return TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    private static boolean holdsSeat(String scimId) {
        return TestTenants.number("SELECT CASE WHEN holds_seat THEN 1 ELSE 0 END FROM user_account WHERE scim_id = ?",
                scimId) == 1;
    }

    private static long events(Tenant tenant, String action) {
        return TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = ?",
                tenant.enterpriseId(), action);
    }

    private static long users(Tenant tenant) {
        return TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    /** The user's USER_LINKED audit event: its actor and states. */
    private record Linked(String actorType, String actorId, String actorName, JsonObject before, JsonObject after) {
        JsonObject link() {
            return after.getJsonObject("linked");
        }
    }

    private static Linked linkedEvent(String scimId) {
        String where = " FROM audit_event WHERE action = 'USER_LINKED' AND resource_type = 'User' AND resource_id = ?";
        assertEquals(1, TestTenants.number("SELECT COUNT(*)" + where, scimId), "exactly one USER_LINKED event");
        return new Linked(TestTenants.text("SELECT actor_type" + where, scimId),
                TestTenants.text("SELECT actor_id" + where, scimId), TestTenants.text("SELECT actor_name" + where, scimId),
                json(TestTenants.text("SELECT before_state" + where, scimId)),
                json(TestTenants.text("SELECT after_state" + where, scimId)));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String linkedAt(String scimId) {
        return TestTenants.text("SELECT linked_at FROM user_account WHERE scim_id = ?", scimId);
    }

    private static void assertLinkedBy(Tenant tenant, String scimId, String request, String matchedBy, String value) {
        Linked event = linkedEvent(scimId);
        assertEquals("API_CLIENT", event.actorType());
        assertEquals(Long.toString(tenant.apiClientId()), event.actorId());
        assertEquals(Map.of("client", "Test IdP", "request", request, "matchedBy", matchedBy, "value", value),
                Map.of("client", event.link().getString("client"), "request", event.link().getString("request"),
                        "matchedBy", event.link().getString("matchedBy"), "value", event.link().getString("value")),
                event.after().toString());
        assertFalse(event.before().containsKey("linked"), "before is the manual user");
        assertEquals("SCIM", source(scimId));
        assertNotNull(linkedAt(scimId), "linked_at is stamped");
        assertEquals("Test IdP", TestTenants.text("SELECT linked_by FROM user_account WHERE scim_id = ?", scimId));
    }

    private static Map<String, String> entraPatch(String externalId, String givenName, String familyName, String title) {
        return Map.of("externalId", externalId, "givenName", givenName, "familyName", familyName,
                "displayName", givenName + " " + familyName, "title", title);
    }

    @Test
    void entraFindsTheManualUserByUserNameAndItsPatchLinksItKeepingIdHistoryGroupsAndSeat() {
        Tenant tenant = TestTenants.create("Linking Entra userName");
        ScimClient scim = ScimClient.forTenant(tenant);
        String manual = TestTenants.manualUser(tenant, "ann.manual@example.com", "Ann.Manual@Example.com", null, true);
        String group = scim.post("Groups", "{\"displayName\":\"Kept\",\"members\":[{\"value\":\"" + manual + "\"}]}")
                .json().getString("id");
        assertEquals("MANUAL", source(manual), "a group write is not a write to the user");
        assertEquals(1, seats(tenant));

        JsonObject lookup = filter(scim, "Users", "userName eq \"ANN.MANUAL@example.com\"");
        assertEquals(List.of(manual), ids(lookup), "Entra's lookup finds the manual user");
        ScimClient.Response patched = patch(scim, "Users/" + manual, Payloads.read("entra/patch-user-after-match.json",
                entraPatch("aad-0001", "Ann", "Manual", "Analyst")));

        assertEquals(200, patched.status(), patched.toString());
        assertEquals(manual, patched.json().getString("id"), "same id");
        assertEquals("aad-0001", patched.json().getString("externalId"), "the write's own changes apply");
        assertEquals("Analyst", patched.json().getString("title"));
        assertTrue(patched.json().getBoolean("active"), "an active user stays active");
        assertEquals(Set.of(group), groupIds(patched.json()), "its groups are kept");
        assertEquals(1, seats(tenant), "no second license");
        assertTrue(holdsSeat(manual));
        assertEquals(1, users(tenant));
        assertLinkedBy(tenant, manual, "PATCH", "email", "ann.manual@example.com");
        Linked event = linkedEvent(manual);
        assertFalse(event.before().containsKey("externalId"), "before is the manual user as it was");
        assertEquals("aad-0001", event.after().getString("externalId"), "one event: the link and the write's changes");
        assertEquals(0, events(tenant, "USER_PATCHED"));
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE resource_id = ? AND action = 'USER_CREATED'",
                manual), "its history is kept");

        ScimClient.Response again = patch(scim, "Users/" + manual, Payloads.read("entra/patch-user-active.json",
                Map.of("active", "False")));
        assertEquals(200, again.status(), again.toString());
        assertEquals(1, events(tenant, "USER_PATCHED"), "later writes are ordinary SCIM writes");
        assertEquals(1, events(tenant, "USER_LINKED"), "linked once");
        assertEquals(0, seats(tenant));
    }

    @Test
    void entraMatchingOnTheEmployeeNumberLinksByItsPatch() {
        Tenant tenant = TestTenants.create("Linking Entra employee number");
        TestTenants.identifierRule(tenant, "EMPLOYEE_ID");
        ScimClient scim = ScimClient.forTenant(tenant);
        String manual = TestTenants.manualUser(tenant, "bob.local", null, "E-42", true);

        assertEquals(List.of(), ids(filter(scim, "Users", "userName eq \"bob@corp.example\"")), "not found by userName");
        JsonObject lookup = filter(scim, "Users", ENTERPRISE_URN + ":employeeNumber eq \"E-42\"");
        assertEquals(List.of(manual), ids(lookup), "the customer's matching attribute finds the manual user");
        ScimClient.Response patched = patch(scim, "Users/" + manual, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:"
                + "2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\",\"value\":{\"userName\":\"bob@corp.example\","
                + "\"displayName\":\"Bob Builder\",\"emails[type eq \\\"work\\\"].value\":\"bob@corp.example\"}}]}");

        assertEquals(200, patched.status(), patched.toString());
        assertEquals(manual, patched.json().getString("id"));
        assertEquals("bob@corp.example", patched.json().getString("userName"), "the IdP's attributes now apply");
        assertLinkedBy(tenant, manual, "PATCH", "employeeNumber", "E-42");
        assertEquals(1, seats(tenant));
        assertEquals(1, users(tenant));
    }

    @Test
    void entraMatchingOnTheWorkEmailFindsTheManualUser() {
        Tenant tenant = TestTenants.create("Linking Entra email");
        ScimClient scim = ScimClient.forTenant(tenant);
        String manual = TestTenants.manualUser(tenant, "carol", "Carol@Example.com", null, true);

        assertEquals(List.of(manual), ids(filter(scim, "Users", "emails[type eq \"work\"].value eq \"carol@example.com\"")));
        ScimClient.Response patched = patch(scim, "Users/" + manual, Payloads.read("entra/patch-user-after-match.json",
                entraPatch("aad-carol", "Carol", "Jones", "Engineer")));

        assertEquals(200, patched.status(), patched.toString());
        assertLinkedBy(tenant, manual, "PATCH", "email", "carol@example.com");
    }

    @Test
    void oktaFindsTheManualUserByUserNameAndItsPutLinksItEvenWhenNothingElseChanges() {
        Tenant tenant = TestTenants.create("Linking Okta");
        ScimClient scim = ScimClient.forTenant(tenant);
        String manual = TestTenants.manualUser(tenant, "dana@okta.local", "dana@okta.local", null, true);

        JsonObject lookup = filter(scim, "Users", "userName eq \"dana@okta.local\"", "startIndex=1&count=100");
        assertEquals(List.of(manual), ids(lookup));
        Map<String, String> values = Map.of("id", manual, "userName", "dana@okta.local", "givenName", "Dana",
                "familyName", "Scully", "externalId", "00u-dana");
        ScimClient.Response replaced = put(scim, "Users/" + manual, Payloads.read("okta/replace-user.json", values));

        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals(manual, replaced.json().getString("id"));
        assertEquals("00u-dana", replaced.json().getString("externalId"));
        assertLinkedBy(tenant, manual, "PUT", "email", "dana@okta.local");
        assertEquals(1, seats(tenant), "no second license");

        ScimClient.Response same = put(scim, "Users/" + manual, Payloads.read("okta/replace-user.json", values));
        assertEquals(200, same.status(), same.toString());
        assertEquals(1, events(tenant, "USER_LINKED"));
        assertEquals(0, events(tenant, "USER_REPLACED"), "a PUT that changes nothing leaves no event");

        Tenant quiet = TestTenants.create("Linking Okta no-op");
        ScimClient quietScim = ScimClient.forTenant(quiet);
        String unchanged = TestTenants.manualUser(quiet, "eve@okta.local", "eve@okta.local", null, true);
        ScimClient.Response noOp = put(quietScim, "Users/" + unchanged, "{\"userName\":\"eve@okta.local\","
                + "\"emails\":[{\"value\":\"eve@okta.local\",\"type\":\"work\",\"primary\":true}],\"active\":true}");
        assertEquals(200, noOp.status(), noOp.toString());
        assertLinkedBy(quiet, unchanged, "PUT", "email", "eve@okta.local");
    }

    @Test
    void anInactiveManualUserStaysInactiveAndSeatlessUnlessTheWriteActivatesIt() {
        Tenant tenant = TestTenants.create("Linking inactive");
        ScimClient scim = ScimClient.forTenant(tenant);
        String sleeper = TestTenants.manualUser(tenant, "sleeper@example.com", "sleeper@example.com", null, false);
        String waking = TestTenants.manualUser(tenant, "waking@example.com", "waking@example.com", null, false);
        assertEquals(0, seats(tenant));

        ScimClient.Response patched = patch(scim, "Users/" + sleeper, Payloads.read("entra/patch-user-after-match.json",
                entraPatch("aad-sleeper", "Sleepy", "Head", "Night shift")));
        assertEquals(200, patched.status(), patched.toString());
        assertFalse(patched.json().getBoolean("active"), "a write that does not activate leaves it inactive");
        assertFalse(holdsSeat(sleeper));
        assertEquals(0, seats(tenant), "and seatless");
        assertLinkedBy(tenant, sleeper, "PATCH", "email", "sleeper@example.com");

        ScimClient.Response activated = patch(scim, "Users/" + waking, Payloads.read("entra/patch-user-active.json",
                Map.of("active", "True")));
        assertEquals(200, activated.status(), activated.toString());
        assertTrue(activated.json().getBoolean("active"));
        assertTrue(holdsSeat(waking), "activation takes a seat");
        assertEquals(1, seats(tenant));
        assertLinkedBy(tenant, waking, "PATCH", "email", "waking@example.com");
    }

    @Test
    void activatingAManualUserAtTheLicenseLimitIsRefusedAndChangesNothing() {
        Tenant tenant = TestTenants.create("Linking at the limit", 1, "scim,admin");
        ScimClient scim = ScimClient.forTenant(tenant);
        TestTenants.manualUser(tenant, "full@example.com", "full@example.com", null, true);
        String sleeper = TestTenants.manualUser(tenant, "sleeper@example.com", "sleeper@example.com", null, false);
        long eventsBefore = TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", tenant.enterpriseId());

        ScimClient.Response refused = patch(scim, "Users/" + sleeper, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:"
                + "2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"},"
                + "{\"op\":\"Add\",\"path\":\"externalId\",\"value\":\"aad-refused\"}]}");

        ScimCalls.assertScimError(refused, 403, null);
        assertTrue(refused.json().getString("detail").contains("license limit"), refused.toString());
        assertEquals("MANUAL", source(sleeper), "still manual");
        assertNull(linkedAt(sleeper));
        assertEquals(0, events(tenant, "USER_LINKED"));
        assertEquals(eventsBefore, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?",
                tenant.enterpriseId()), "nothing audited: nothing changed");
        JsonObject unchanged = scim.get("Users/" + sleeper).json();
        assertFalse(unchanged.getBoolean("active"));
        assertFalse(unchanged.containsKey("externalId"), "the write's other changes were not kept either");
        assertEquals(1, seats(tenant));

        ScimClient.Response okta = put(scim, "Users/" + sleeper, "{\"userName\":\"sleeper@example.com\",\"active\":true}");
        ScimCalls.assertScimError(okta, 403, null);
        assertEquals("MANUAL", source(sleeper));
    }

    @Test
    void aLinkingPatchThatTakesAnotherUsersUserNameIs409AndLinksNothing() {
        Tenant tenant = TestTenants.create("Linking clash on write");
        ScimClient scim = ScimClient.forTenant(tenant);
        String manual = TestTenants.manualUser(tenant, "fay@example.com", "fay@example.com", null, true);
        assertEquals(201, scim.post("Users", "{\"userName\":\"taken@example.com\"}").status());

        ScimClient.Response clash = patch(scim, "Users/" + manual, "{\"Operations\":[{\"op\":\"Replace\",\"path\":\"userName\","
                + "\"value\":\"TAKEN@example.com\"}]}");

        ScimCalls.assertScimError(clash, 409, "uniqueness");
        assertEquals("MANUAL", source(manual));
        assertEquals(0, events(tenant, "USER_LINKED"));
    }

    @Test
    void aScimUserIsNotLinkedByItsWrites() {
        Tenant tenant = TestTenants.create("Linking SCIM user");
        ScimClient scim = ScimClient.forTenant(tenant);
        String id = scim.post("Users", "{\"userName\":\"gil@example.com\"}").json().getString("id");

        assertEquals(200, patch(scim, "Users/" + id, "{\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"X\"}]}")
                .status());
        assertEquals(200, put(scim, "Users/" + id, "{\"userName\":\"gil@example.com\",\"title\":\"Y\"}").status());

        assertEquals(0, events(tenant, "USER_LINKED"));
        assertEquals(List.of(1L, 1L), List.of(events(tenant, "USER_PATCHED"), events(tenant, "USER_REPLACED")));
        assertNull(linkedAt(id));
    }

    @Test
    void aCreateUnderAnotherUserNameLinksByEmailWhenTheLookupFoundNothing() {
        Tenant tenant = TestTenants.create("Linking create");
        ScimClient scim = ScimClient.forTenant(tenant);
        String manual = TestTenants.manualUser(tenant, "hal.manual", "Hal.Manual@Example.com", null, true);

        assertEquals(List.of(), ids(filter(scim, "Users", "userName eq \"hal@corp.example\"")), "Entra's lookup finds nothing");
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"hal@corp.example\",\"externalId\":\"aad-1\","
                + "\"emails\":[{\"value\":\"HAL.MANUAL@example.com\",\"type\":\"work\",\"primary\":true}]}");

        assertEquals(201, created.status(), created.toString());
        assertEquals(manual, created.json().getString("id"), "linked, not duplicated");
        assertTrue(created.json().getBoolean("active"), "an active user stays active");
        assertEquals(1, seats(tenant), "no second license");
        assertEquals(1, users(tenant));
        assertLinkedBy(tenant, manual, "POST", "email", "hal.manual@example.com");
    }

    @Test
    void employeeIdRuleLinksACreateByEmployeeNumber() {
        Tenant tenant = TestTenants.create("Linking employee id");
        TestTenants.identifierRule(tenant, "EMPLOYEE_ID");
        ScimClient scim = ScimClient.forTenant(tenant);
        String manual = TestTenants.manualUser(tenant, "ivy.local", null, "E-43", true);

        ScimClient.Response created = scim.post("Users", "{\"userName\":\"ivy@corp.example\","
                + "\"" + ENTERPRISE_URN + "\":{\"employeeNumber\":\"e-43 \"}}");

        assertEquals(201, created.status(), created.toString());
        assertEquals(manual, created.json().getString("id"));
        assertEquals("ivy@corp.example", created.json().getString("userName"), "the IdP's attributes now apply");
        assertLinkedBy(tenant, manual, "POST", "employeeNumber", "E-43");
    }

    @Test
    void twoUsersWithOneIdentifierAreTwoLookupResultsA409ForACreateAndAClashTheReadinessReportExplains() {
        Tenant tenant = TestTenants.create("Linking clash");
        ScimClient scim = ScimClient.forTenant(tenant);
        String one = TestTenants.manualUser(tenant, "dup.one", "dup@example.com", null, true);
        String two = TestTenants.manualUser(tenant, "dup.two", "DUP@example.com", null, true);

        JsonObject lookup = filter(scim, "Users", "emails[type eq \"work\"].value eq \"dup@example.com\"");
        assertEquals(2, lookup.getInt("totalResults"), "what Entra sees: two matches, so it reports multiple matches "
                + "and writes to neither");
        assertEquals(Set.of(one, two), Set.copyOf(ids(lookup)));

        ScimClient.Response clash = scim.post("Users", "{\"userName\":\"dup@example.com\"}");
        ScimCalls.assertScimError(clash, 409, "uniqueness");
        assertTrue(clash.json().getString("detail").contains("dup.one") && clash.json().getString("detail").contains("dup.two"));
        assertEquals(2, users(tenant));
        assertEquals(List.of("MANUAL", "MANUAL"), List.of(source(one), source(two)));

        JsonObject clashes = JsonClient.admin(tenant).get("migration-readiness").json().getJsonObject("emailClashes");
        assertEquals(1, clashes.getInt("count"));
        String advice = clashes.getString("advice");
        assertTrue(advice.contains("multiple matches") && advice.contains("Keep the email on the one user who is that person"),
                advice);
    }

    @Test
    void identifierChangesUpdateTheSameRecordAndKeepItsGroups() {
        Tenant tenant = TestTenants.create("Identifier change");
        ScimClient scim = ScimClient.forTenant(tenant);
        String id = scim.post("Users", "{\"userName\":\"old.name@example.com\",\"emails\":[{\"value\":\"old.name@example.com\","
                + "\"type\":\"work\"}],\"" + ENTERPRISE_URN + "\":{\"employeeNumber\":\"1\"}}").json().getString("id");
        String group = scim.post("Groups", "{\"displayName\":\"Kept\",\"members\":[{\"value\":\"" + id + "\"}]}").json().getString("id");

        ScimClient.Response renamed = patch(scim, "Users/" + id, "{\"Operations\":["
                + "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"new.name@example.com\"},"
                + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"new.name@example.com\"},"
                + "{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE_URN + ":employeeNumber\",\"value\":\"2\"}]}");

        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(id, renamed.json().getString("id"));
        assertEquals(group, renamed.json().getJsonArray("groups").getJsonObject(0).getString("value"), "memberships intact");
        assertEquals(1, users(tenant));
    }
}
