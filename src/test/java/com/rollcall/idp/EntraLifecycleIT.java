package com.rollcall.idp;

import static com.rollcall.testing.ScimCalls.assertListResponse;
import static com.rollcall.testing.ScimCalls.assertScimError;
import static com.rollcall.testing.ScimCalls.delete;
import static com.rollcall.testing.ScimCalls.encode;
import static com.rollcall.testing.ScimCalls.filter;
import static com.rollcall.testing.ScimCalls.ids;
import static com.rollcall.testing.ScimCalls.memberIds;
import static com.rollcall.testing.ScimCalls.patch;
import static com.rollcall.testing.ScimCalls.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Payloads;
import com.rollcall.testing.RawHttp;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TenantSnapshot;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays the lifecycle of ENTRA.md ("The lifecycle Entra drives") with Entra's own payloads
 * ({@code src/test/resources/scim/entra/}): test connection, matching, create, read by the cached id, rename,
 * group lookup and create, delete. Each test is one step with the state it needs made by itself, on its own
 * enterprise, so any test runs alone and a failure stays where it happened. The PATCH steps are in
 * {@link EntraPatchDialectIT}.
 */
@ExtendWith(RollcallServer.class)
class EntraLifecycleIT {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PASSWORD = "Q7x!pR2#vLw9-Entra-Initial";

    private final Tenant tenant = TestTenants.create("Entra lifecycle");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    /** Adele, as Entra's attribute mappings send her: mixed-case UPN, an objectId as externalId. */
    private final String userName = "Adele.Vance@Contoso.onmicrosoft.com";
    private final String externalId = UUID.randomUUID().toString();
    private final String workEmail = "Adele.Vance@contoso.com";
    private final String employeeNumber = "EMP-00417";
    private final String managerId = UUID.randomUUID().toString();
    private final String renamedUserName = "Adele.Vance@Fabrikam.com";
    private final String groupName = "Retail Managers (Americas)";
    private final String groupExternalId = UUID.randomUUID().toString();

    private Map<String, String> adele(String withUserName, String withExternalId) {
        return Map.of("userName", withUserName, "externalId", withExternalId, "displayName", "Adele Vance",
                "workEmail", workEmail, "employeeNumber", employeeNumber, "managerId", managerId);
    }

    /** Adele created with Entra's payload; her SCIM form as the create answered it. */
    private JsonObject createAdele() {
        ScimClient.Response response = scim.post("Users", Payloads.read("entra/create-user.json", adele(userName, externalId)));
        assertEquals(201, response.status(), response.toString());
        return response.json();
    }

    /** The group created with Entra's payload; its id. */
    private String createGroup() {
        ScimClient.Response response = scim.post("Groups", Payloads.read("entra/create-group.json",
                Map.of("displayName", groupName, "externalId", groupExternalId)));
        assertEquals(201, response.status(), response.toString());
        return response.json().getString("id");
    }

    private JsonObject match(String filter) {
        return filter(scim, "Users", filter);
    }

    private void assertFindsOnly(String expectedId, String filter) {
        JsonObject found = match(filter);
        assertEquals(1, found.getInt("totalResults"), filter + " -> " + found);
        assertEquals(List.of(expectedId), ids(found), filter);
    }

    private void assertFindsNothing(String filter) {
        JsonObject found = match(filter);
        assertEquals(0, found.getInt("totalResults"), filter + " -> " + found);
        assertEquals(List.of(), ids(found), filter);
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    @Test
    void testConnectionWithARandomUserNameIsAnEmptyListResponseWithOrWithoutUserAgentAndDialectFlag() {
        String probe = "userName eq " + quoted(UUID.randomUUID().toString());

        JsonObject plain = match(probe);
        assertEquals(0, plain.getInt("totalResults"));
        assertEquals(1, plain.getInt("startIndex"));

        // Q12: the flag travels in the tenant URL's query string and reaches us as an unknown parameter.
        for (String query : List.of("aadOptscim062020&filter=", "aadOptscim062020=&filter=", "filter=")) {
            String path = "Users?" + query + encode(probe) + (query.equals("filter=") ? "&aadOptscim062020" : "");
            ScimClient.Response flagged = scim.get(path);
            assertEquals(200, flagged.status(), path + " -> " + flagged);
            assertListResponse(flagged.json());
            assertEquals(0, flagged.json().getInt("totalResults"), path);
        }

        // Q13: no User-Agent (and no Accept) at all: written by hand, java.net.http always sends one.
        RawHttp.Response bare = RawHttp.send("GET", "Users?filter=" + encode(probe), tenant, Map.of(), null);
        assertEquals(200, bare.status(), bare.toString());
        assertTrue(bare.header("Content-Type").startsWith("application/scim+json"), bare.toString());
        assertEquals(0, bare.json().getInt("totalResults"));
    }

    @Test
    void matchingBeforeTheCreateFindsNothingOnAnyMatchingAttribute() {
        assertFindsNothing("userName eq " + quoted(userName));
        assertFindsNothing("externalId eq " + quoted(externalId));
        assertFindsNothing("emails[type eq \"work\"].value eq " + quoted(workEmail));
        assertFindsNothing(ENTERPRISE + ":employeeNumber eq " + quoted(employeeNumber));
        assertFindsNothing("userName eq " + quoted(userName) + " and externalId eq " + quoted(externalId));
    }

    @Test
    void createWithEntrasPayloadIs201WithLocationEtagAndTheStoredUser() {
        String body = Payloads.read("entra/create-user.json", adele(userName, externalId));

        ScimClient.Response response = scim.post("Users", body);

        assertEquals(201, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("application/scim+json"), response.contentType());
        JsonObject created = response.json();
        String userId = created.getString("id");
        assertFalse(userId.isBlank());
        assertEquals(created.getJsonObject("meta").getString("location"), response.header("Location").orElseThrow());
        assertTrue(response.header("Location").orElseThrow().endsWith("/scim/v2/Users/" + userId));
        assertEquals(created.getJsonObject("meta").getString("version"), response.header("ETag").orElseThrow());
        assertEquals("User", created.getJsonObject("meta").getString("resourceType"));

        assertEquals(userName, created.getString("userName"), "stored exactly as sent");
        assertEquals(externalId, created.getString("externalId"));
        assertTrue(created.getBoolean("active"));
        assertEquals("Adele", created.getJsonObject("name").getString("givenName"));
        assertEquals("Retail Manager", created.getString("title"));
        assertEquals(workEmail, created.getJsonArray("emails").getJsonObject(0).getString("value"));
        assertEquals("work", created.getJsonArray("emails").getJsonObject(0).getString("type"));
        assertEquals(2, created.getJsonArray("phoneNumbers").size());
        assertEquals("Redmond", created.getJsonArray("addresses").getJsonObject(0).getString("locality"));
        JsonObject enterprise = created.getJsonObject(ENTERPRISE);
        assertEquals(employeeNumber, enterprise.getString("employeeNumber"));
        assertEquals("Retail", enterprise.getString("department"));
        assertEquals("CC-4711", enterprise.getString("costCenter"));
        assertEquals(managerId, enterprise.getJsonObject("manager").getString("value"));

        List<String> schemas = created.getJsonArray("schemas").getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
        assertTrue(schemas.contains("urn:ietf:params:scim:schemas:core:2.0:User"), schemas.toString());
        assertTrue(schemas.contains(ENTERPRISE), schemas.toString());
        assertFalse(schemas.contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0User"),
                "Q8: the typo URN is ignored, not echoed");
        assertFalse(created.containsKey("roles"), "Q7: roles are never taken from SCIM");
        assertFalse(created.containsKey("password"), "a password is never returned");
        assertFalse(response.text().contains(PASSWORD), "a password is never echoed");
    }

    @Test
    void createWithStringBooleansRolesAsAStringAndAPlainManagerIdIsAccepted() {
        String userId = createAdele().getString("id");
        String body = Payloads.read("entra/create-user-string-booleans.json", Map.of(
                "userName", "Megan.Bowen@Contoso.onmicrosoft.com", "externalId", UUID.randomUUID().toString(),
                "workEmail", "Megan.Bowen@contoso.com", "employeeNumber", "EMP-00418", "managerId", userId));

        ScimClient.Response response = scim.post("Users", body);

        assertEquals(201, response.status(), response.toString());
        JsonObject megan = response.json();
        assertEquals(JsonValue.TRUE, megan.get("active"), "Q2: \"True\" is stored as the boolean true");
        assertEquals(JsonValue.TRUE, megan.getJsonArray("emails").getJsonObject(0).get("primary"));
        assertEquals(userId, megan.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"),
                "Q6: a plain string id is the manager's id");
        assertFalse(megan.containsKey("roles"), "Q7");
        assertFalse(megan.containsKey("nickName"), "Q8: an explicit null is no value");
        assertFalse(response.text().contains("badgeColour"), "Q8: unknown extension attributes are ignored");
        assertFalse(response.text().contains("CustomExtensionName"), "Q8: unknown schema URNs are not echoed");
    }

    @Test
    void readByTheCachedIdReturnsWhatTheCreateReturned() {
        JsonObject created = createAdele();
        String userId = created.getString("id");
        ScimClient.Response read = scim.get("Users/" + userId);

        assertEquals(200, read.status(), read.toString());
        assertEquals(created, read.json());
        assertEquals(created.getJsonObject("meta").getString("version"), read.header("ETag").orElseThrow());
    }

    @Test
    void matchingFindsTheUserByEveryMatchingAttributeWithEntrasCaseRules() {
        String userId = createAdele().getString("id");
        assertFindsOnly(userId, "userName eq " + quoted(userName));
        assertFindsOnly(userId, "userName eq " + quoted(userName.toLowerCase(Locale.ROOT)));
        assertFindsOnly(userId, "userName eq " + quoted(userName.toUpperCase(Locale.ROOT)));
        assertFindsOnly(userId, "externalId eq " + quoted(externalId));
        assertFindsOnly(userId, "externalId eq " + externalId);
        assertFindsNothing("externalId eq " + quoted(externalId.toUpperCase(Locale.ROOT)));
        assertFindsOnly(userId, "emails[type eq \"work\"].value eq " + quoted(workEmail));
        assertFindsOnly(userId, "emails[type eq \"work\"].value eq " + quoted(workEmail.toLowerCase(Locale.ROOT)));
        assertFindsOnly(userId, ENTERPRISE + ":employeeNumber eq " + quoted(employeeNumber));
        assertFindsOnly(userId, ENTERPRISE + ":employeeNumber eq " + quoted(employeeNumber.toLowerCase(Locale.ROOT)));
        assertFindsOnly(userId, "userName eq " + quoted(userName) + " and externalId eq " + quoted(externalId));
        assertFindsOnly(userId, "userName eq " + quoted(userName) + " and active eq true");
        assertFindsNothing("userName eq " + quoted(userName) + " and externalId eq \"someone-else\"");
    }

    @Test
    void aConflictingCreateIs409AndTheConflictingValueIsFindableByAFilter() {
        String userId = createAdele().getString("id");
        long before = TenantSnapshot.liveUsers(tenant);
        String otherCase = userName.toUpperCase(Locale.ROOT);

        ScimClient.Response sameUserName = scim.post("Users",
                Payloads.read("entra/create-user.json", adele(otherCase, UUID.randomUUID().toString())));
        assertScimError(sameUserName, 409, "uniqueness");
        assertFindsOnly(userId, "userName eq " + quoted(otherCase));

        ScimClient.Response sameExternalId = scim.post("Users",
                Payloads.read("entra/create-user.json", adele("Adele.Vance2@Contoso.onmicrosoft.com", externalId)));
        assertScimError(sameExternalId, 409, "uniqueness");
        assertFindsOnly(userId, "externalId eq " + quoted(externalId));

        assertEquals(before, TenantSnapshot.liveUsers(tenant), "no duplicate was created");
    }

    @Test
    void userNameRenameByPutKeepsTheIdMovesMatchingAndFreesTheOldName() {
        JsonObject created = createAdele();
        String userId = created.getString("id");
        ScimClient.Response renamed = put(scim, "Users/" + userId,
                Payloads.read("entra/create-user.json", adele(renamedUserName, externalId)));

        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(userId, renamed.json().getString("id"));
        assertEquals(renamedUserName, renamed.json().getString("userName"));
        assertNotEquals(created.getJsonObject("meta").getString("version"),
                renamed.json().getJsonObject("meta").getString("version"));
        assertEquals(renamed.json(), scim.get("Users/" + userId).json());
        assertFindsNothing("userName eq " + quoted(userName));
        assertFindsOnly(userId, "userName eq " + quoted(renamedUserName.toLowerCase(Locale.ROOT)));
        assertFindsOnly(userId, "externalId eq " + quoted(externalId));

        // Q9: a rename that only changes the letter case is the same user, not a conflict with itself.
        String caseOnly = renamedUserName.toLowerCase(Locale.ROOT);
        ScimClient.Response recased = put(scim, "Users/" + userId,
                Payloads.read("entra/create-user.json", adele(caseOnly, externalId)));
        assertEquals(200, recased.status(), recased.toString());
        assertEquals(caseOnly, recased.json().getString("userName"));

        ScimClient.Response reuse = scim.post("Users", "{\"userName\":\"" + userName + "\"}");
        assertEquals(201, reuse.status(), "the old userName is free again: " + reuse);
        assertEquals(204, delete(scim, "Users/" + reuse.json().getString("id")).status());
    }

    @Test
    void groupLookupFindsNothingThenTheCreateIs201ThenTheLookupFindsItWithoutMembers() {
        String lookup = "displayName eq " + quoted(groupName);
        JsonObject none = filter(scim, "Groups", lookup, "excludedAttributes=members");
        assertEquals(0, none.getInt("totalResults"), none.toString());

        ScimClient.Response response = scim.post("Groups", Payloads.read("entra/create-group.json",
                Map.of("displayName", groupName, "externalId", groupExternalId)));

        assertEquals(201, response.status(), response.toString());
        JsonObject group = response.json();
        String groupId = group.getString("id");
        assertEquals(groupName, group.getString("displayName"));
        assertEquals(groupExternalId, group.getString("externalId"));
        assertTrue(!group.containsKey("members") || group.getJsonArray("members").isEmpty(), group.toString());
        assertTrue(response.header("Location").orElseThrow().endsWith("/scim/v2/Groups/" + groupId));
        assertEquals(group.getJsonObject("meta").getString("version"), response.header("ETag").orElseThrow());
        assertFalse(response.text().contains("ADSCIM"), "Q8: Microsoft's group URN is ignored");

        JsonObject found = filter(scim, "Groups", lookup, "excludedAttributes=members");
        assertEquals(List.of(groupId), ids(found));
        JsonObject listed = found.getJsonArray("Resources").getJsonObject(0);
        assertFalse(listed.containsKey("members"), "Q11: " + listed);
        assertEquals(groupName, listed.getString("displayName"));
        assertEquals(List.of(groupId), ids(filter(scim, "Groups",
                "displayName eq " + quoted(groupName.toUpperCase(Locale.ROOT)), "excludedAttributes=members")));
        assertEquals(List.of(groupId), ids(filter(scim, "Groups", "externalId eq " + quoted(groupExternalId))));

        ScimClient.Response read = scim.get("Groups/" + groupId + "?excludedAttributes=members");
        assertEquals(200, read.status(), read.toString());
        assertFalse(read.json().containsKey("members"), read.toString());
    }

    /**
     * Q11, proved on the database rather than on the answer's shape: while another session holds the membership
     * table locked for writing (MariaDB's LOCK TABLES ... WRITE), every statement that reads it waits for the lock.
     * Entra's lookups and reads with {@code excludedAttributes=members} answer at once all the same; a read with
     * the members, the control, waits until the table is unlocked.
     */
    @Test
    void excludedAttributesMembersNeverReadsTheMembershipTable() throws Exception {
        String userId = createAdele().getString("id");
        String groupId = createGroup();
        assertEquals(204, patch(scim, "Groups/" + groupId, Payloads.read("entra/patch-group-add-member.json",
                Map.of("member", userId))).status());
        String lookup = "Groups?excludedAttributes=members&filter=" + encode("displayName eq " + quoted(groupName));

        try (Connection session = TestDatabase.connect(); Statement sql = session.createStatement()) {
            sql.execute("LOCK TABLES group_membership WRITE");
            try {
                ScimClient.Response found = withoutWaiting(lookup);
                assertEquals(List.of(groupId), ids(found.json()));
                assertFalse(found.json().getJsonArray("Resources").getJsonObject(0).containsKey("members"), found.toString());
                ScimClient.Response read = withoutWaiting("Groups/" + groupId + "?excludedAttributes=members");
                assertEquals(groupName, read.json().getString("displayName"));
                assertFalse(read.json().containsKey("members"), read.toString());
                withoutWaiting("Groups?excludedAttributes=members&startIndex=1&count=10");

                CompletableFuture<ScimClient.Response> withMembers = CompletableFuture.supplyAsync(
                        () -> scim.get("Groups/" + groupId));
                assertThrows(TimeoutException.class, () -> withMembers.get(3, TimeUnit.SECONDS),
                        "the control: a read that needs the members waits for the locked table");
                sql.execute("UNLOCK TABLES");
                ScimClient.Response whole = withMembers.get(60, TimeUnit.SECONDS);
                assertEquals(200, whole.status(), whole.toString());
                assertEquals(Set.of(userId), memberIds(whole.json()), "once unlocked, the members are there");
            } finally {
                sql.execute("UNLOCK TABLES");
            }
        }
    }

    /** A GET that must be answered (200) in well under the time a statement waiting for a lock would take. */
    private ScimClient.Response withoutWaiting(String path) {
        HttpRequest.Builder request = scim.request(path).timeout(Duration.ofSeconds(15)).GET();
        ScimClient.Response response;
        try {
            response = scim.send(request);
        } catch (IllegalStateException e) {
            throw new AssertionError(path + " was not answered within 15 s: it waited for the locked membership table", e);
        }
        assertEquals(200, response.status(), path + " -> " + response);
        return response;
    }

    /**
     * Entra allows two groups of one name (in different OUs): the second, with its own objectId as externalId, is a
     * second group (201), and the displayName lookup finds both. A second create with the same externalId is 409
     * {@code uniqueness}, and the externalId lookup finds the holder, so a tenant matching groups on it PATCHes the
     * holder instead of retrying the create.
     */
    @Test
    void aSecondGroupOfTheSameNameIsASecondGroupButATakenExternalIdIs409AndFindable() {
        String groupId = createGroup();
        ScimClient.Response namesake = scim.post("Groups", Payloads.read("entra/create-group.json",
                Map.of("displayName", groupName.toLowerCase(Locale.ROOT), "externalId", UUID.randomUUID().toString())));
        assertEquals(201, namesake.status(), namesake.toString());
        assertEquals(java.util.Set.of(groupId, namesake.json().getString("id")), java.util.Set.copyOf(ids(filter(scim,
                "Groups", "displayName eq " + quoted(groupName.toLowerCase(Locale.ROOT)), "excludedAttributes=members"))));

        ScimClient.Response again = scim.post("Groups", Payloads.read("entra/create-group.json",
                Map.of("displayName", groupName + " (copy)", "externalId", groupExternalId)));

        assertScimError(again, 409, "uniqueness");
        assertEquals(List.of(groupId), ids(filter(scim, "Groups", "externalId eq " + quoted(groupExternalId),
                "excludedAttributes=members")));
    }

    @Test
    void hardDeleteIs204ThenTheUserIs404AndNoLongerMatches() {
        String userId = createAdele().getString("id");
        ScimClient.Response other = scim.post("Users", "{\"userName\":\"Megan.Bowen@Contoso.onmicrosoft.com\"}");
        assertEquals(201, other.status(), other.toString());
        String meganId = other.json().getString("id");
        ScimClient.Response deleted = delete(scim, "Users/" + userId);

        assertEquals(204, deleted.status(), deleted.toString());
        assertTrue(deleted.text().isEmpty(), "204 has no body");
        assertScimError(scim.get("Users/" + userId), 404, null);
        assertScimError(delete(scim, "Users/" + userId), 404, null);
        assertScimError(put(scim, "Users/" + userId,
                Payloads.read("entra/create-user.json", adele(renamedUserName, externalId))), 404, null);
        assertFindsNothing("userName eq " + quoted(renamedUserName));
        assertFindsNothing("externalId eq " + quoted(externalId));
        assertFindsNothing(ENTERPRISE + ":employeeNumber eq " + quoted(employeeNumber));
        assertEquals(200, scim.get("Users/" + meganId).status(), "other users stay");
    }

    @Test
    void aUserDeletedInRollcallIsCreatedAfreshWhenEntraProvisionsItAgain() {
        String userId = createAdele().getString("id");
        assertEquals(204, delete(scim, "Users/" + userId).status());
        ScimClient.Response again = scim.post("Users",
                Payloads.read("entra/create-user.json", adele(userName, externalId)));

        assertEquals(201, again.status(), again.toString());
        assertNotEquals(userId, again.json().getString("id"), "a new resource, never the deleted one");
        assertFindsOnly(again.json().getString("id"), "externalId eq " + quoted(externalId));
    }

    @Test
    void groupDeleteIs204ThenTheGroupIs404AndNoLongerMatches() {
        String groupId = createGroup();
        ScimClient.Response deleted = delete(scim, "Groups/" + groupId);

        assertEquals(204, deleted.status(), deleted.toString());
        assertScimError(scim.get("Groups/" + groupId), 404, null);
        assertEquals(0, filter(scim, "Groups", "displayName eq " + quoted(groupName), "excludedAttributes=members")
                .getInt("totalResults"));
        assertScimError(delete(scim, "Groups/" + groupId), 404, null);
    }
}
