package com.rollcall.idp;

import static com.rollcall.testing.ScimCalls.assertScimError;
import static com.rollcall.testing.ScimCalls.filter;
import static com.rollcall.testing.ScimCalls.groupIds;
import static com.rollcall.testing.ScimCalls.ids;
import static com.rollcall.testing.ScimCalls.memberIds;
import static com.rollcall.testing.ScimCalls.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Payloads;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TenantSnapshot;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PATCH steps of ENTRA.md's lifecycle and its PATCH quirks (Q1-Q7, Q9, Q12), with Entra's own
 * payloads ({@code src/test/resources/scim/entra/patch-*.json}), against RFC 7644 §3.5.2:
 * a user PATCH answers 200 with the whole resource (equal to a GET right after), a group PATCH
 * answers 204 (200 with the resource when {@code attributes=} is given), every change is checked by
 * reading the resource back, and a PATCH that fails changes nothing (§3.5.2: a PATCH is atomic).
 */
@ExtendWith(RollcallServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntraPatchDialectIT {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private Tenant tenant;
    private ScimClient scim;

    @BeforeAll
    void tenant() {
        tenant = TestTenants.create("Entra PATCH");
        scim = ScimClient.forTenant(tenant);
    }

    // ---- helpers ----

    /** A user made from Entra's create payload, with names unique to the test. */
    private JsonObject entraUser(String label) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ScimClient.Response created = scim.post("Users", Payloads.read("entra/create-user.json", Map.of(
                "userName", label + "." + suffix + "@Contoso.onmicrosoft.com", "externalId", UUID.randomUUID().toString(),
                "displayName", label, "workEmail", label + "." + suffix + "@contoso.com",
                "employeeNumber", "EMP-" + suffix, "managerId", UUID.randomUUID().toString())));
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private String plainUser(String json) {
        ScimClient.Response created = scim.post("Users", json);
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private String user(String label) {
        return plainUser("{\"userName\":\"" + label + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com\",\"displayName\":\"" + label + "\"}");
    }

    private String group(String name, String... members) {
        StringBuilder json = new StringBuilder("{\"displayName\":\"" + name + " " + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"members\":[");
        for (int i = 0; i < members.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"value\":\"").append(members[i]).append("\"}");
        }
        ScimClient.Response created = scim.post("Groups", json.append("]}").toString());
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private JsonObject read(String path) {
        ScimClient.Response response = scim.get(path);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    /** A user PATCH that must succeed: 200, the whole resource, equal to a GET right after, ETag = meta.version. */
    private JsonObject patchUser(String id, String body) {
        ScimClient.Response response = patch(scim, "Users/" + id, body);
        assertEquals(200, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("application/scim+json"), response.contentType());
        JsonObject patched = response.json();
        assertEquals(id, patched.getString("id"));
        assertEquals(patched.getJsonObject("meta").getString("version"), response.header("ETag").orElseThrow());
        assertEquals(read("Users/" + id), patched, "the PATCH answer is the stored resource");
        return patched;
    }

    private JsonObject patchUser(String id, String payload, Map<String, String> values) {
        return patchUser(id, Payloads.read(payload, values));
    }

    /** A group PATCH that must succeed: 204 without a body. */
    private void patchGroup(String id, String body) {
        ScimClient.Response response = patch(scim, "Groups/" + id, body);
        assertEquals(204, response.status(), response.toString());
        assertTrue(response.text().isEmpty(), "204 has no body: " + response);
    }

    /** A PATCH that must fail with this status and scimType (null: any) and change nothing at all. */
    private ScimClient.Response assertRefusedAndUnchanged(String path, String body, int status, String scimType) {
        JsonObject before = read(path);
        Map<String, String> snapshot = TenantSnapshot.of(tenant);
        ScimClient.Response response = patch(scim, path, body);
        assertScimError(response, status, scimType);
        assertEquals(before, read(path), "a failed PATCH changes nothing");
        assertEquals(snapshot, TenantSnapshot.of(tenant), "a failed PATCH writes nothing");
        return response;
    }

    private static String op(String op, String path, String valueJson) {
        return "{\"op\":\"" + op + "\"" + (path == null ? "" : ",\"path\":\"" + path.replace("\"", "\\\"") + "\"")
                + (valueJson == null ? "" : ",\"value\":" + valueJson) + "}";
    }

    private static String patchOp(String... operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + String.join(",", operations) + "]}";
    }

    private static List<JsonObject> items(JsonObject user, String attribute, String type) {
        List<JsonObject> found = new ArrayList<>();
        JsonArray values = user.containsKey(attribute) ? user.getJsonArray(attribute) : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue value : values) {
            if (type.equals(value.asJsonObject().getString("type", null))) {
                found.add(value.asJsonObject());
            }
        }
        return found;
    }

    private static String managerOf(JsonObject user) {
        JsonObject extension = user.getJsonObject(ENTERPRISE);
        if (extension == null || !extension.containsKey("manager")) {
            return null;
        }
        return extension.getJsonObject("manager").getString("value");
    }

    // ---- users: Entra's update, dialects, booleans ----

    @Test
    void entraAttributeUpdateWithCapitalisedOpsAnswers200WithTheWholeResource() {
        JsonObject user = entraUser("Update");
        String id = user.getString("id");
        String newEmail = "Update.New." + id.substring(0, 8) + "@contoso.com";

        JsonObject patched = patchUser(id, "entra/patch-user-update.json", Map.of("workEmail", newEmail,
                "familyName", "Vance-Miller", "title", "Regional Retail Manager", "displayName", "Adele Vance-Miller"));

        List<JsonObject> work = items(patched, "emails", "work");
        assertEquals(1, work.size(), "Q5: the existing work email is changed, not duplicated: " + patched);
        assertEquals(newEmail, work.get(0).getString("value"));
        assertEquals("Vance-Miller", patched.getJsonObject("name").getString("familyName"));
        assertEquals("Adele", patched.getJsonObject("name").getString("givenName"), "other sub-attributes stay");
        assertEquals("Regional Retail Manager", patched.getString("title"), "Add on a single value replaces it");
        assertEquals("Adele Vance-Miller", patched.getString("displayName"));
        assertFalse(patched.containsKey("preferredLanguage"), "Remove clears it");
        assertEquals(user.getString("userName"), patched.getString("userName"), "untouched attributes stay");
        assertEquals(user.getJsonArray("phoneNumbers"), patched.getJsonArray("phoneNumbers"));
        assertEquals(user.getJsonObject(ENTERPRISE), patched.getJsonObject(ENTERPRISE));
        assertEquals(user.getJsonObject("meta").getString("created"), patched.getJsonObject("meta").getString("created"));
        assertNotEquals(user.getJsonObject("meta").getString("version"), patched.getJsonObject("meta").getString("version"));
        assertEquals(List.of(id), ids(filter(scim, "Users", "emails[type eq \"work\"].value eq \"" + newEmail + "\"")),
                "matching follows the new email");
    }

    @Test
    void rfcDialectWithLowercaseOpsAndRealBooleansIsAppliedTheSame() {
        JsonObject user = entraUser("Rfc");
        String id = user.getString("id");

        JsonObject patched = patchUser(id, "entra/patch-user-update-rfc.json",
                Map.of("title", "Store Manager", "nickName", "Addy"));

        assertEquals("Store Manager", patched.getString("title"));
        assertEquals("Addy", patched.getString("nickName"));
        assertEquals(JsonValue.FALSE, patched.get("active"));
        assertFalse(patched.containsKey("userType"));
    }

    @Test
    void opsAreCaseInsensitiveWhateverTheLetterCase() {
        String id = user("Ops");
        patchUser(id, patchOp(op("REPLACE", "title", "\"One\""), op("aDd", "nickName", "\"Two\"")));
        JsonObject patched = patchUser(id, patchOp(op("rEmOvE", "nickName", null)));
        assertEquals("One", patched.getString("title"));
        assertFalse(patched.containsKey("nickName"));
    }

    @ParameterizedTest(name = "active \"{0}\"")
    @ValueSource(strings = {"False", "True", "false", "TRUE", "FALSE", "true"})
    void booleanStringsInAnyCaseSetActive(String value) {
        String id = user("Bool");
        boolean expected = Boolean.parseBoolean(value);
        if (expected) {
            patchUser(id, "entra/patch-user-active.json", Map.of("active", "False"));
        }
        JsonObject patched = patchUser(id, "entra/patch-user-active.json", Map.of("active", value));
        assertEquals(expected ? JsonValue.TRUE : JsonValue.FALSE, patched.get("active"), "a JSON boolean, never a string");
    }

    @ParameterizedTest(name = "active {0}")
    @ValueSource(strings = {"\"maybe\"", "\"yes\"", "\"\"", "1", "{\"value\":false}"})
    void anyOtherValueForABooleanIs400InvalidValueAndChangesNothing(String value) {
        String id = user("BadBool");
        assertRefusedAndUnchanged("Users/" + id, patchOp(op("Replace", "active", value)), 400, "invalidValue");
    }

    @Test
    void pathlessReplaceWithAttributePathsAsKeysSetsEachOfThem() {
        JsonObject user = entraUser("Pathless");
        String id = user.getString("id");

        JsonObject patched = patchUser(id, "entra/patch-user-pathless-replace.json", Map.of("displayName", "A. Vance",
                "givenName", "Adela", "employeeNumber", "EMP-99", "department", "Retail Operations"));

        assertEquals("A. Vance", patched.getString("displayName"));
        assertEquals("Adela", patched.getJsonObject("name").getString("givenName"), "Q4: name.givenName as a key");
        assertEquals("Vance", patched.getJsonObject("name").getString("familyName"), "only that sub-attribute changes");
        JsonObject extension = patched.getJsonObject(ENTERPRISE);
        assertEquals("EMP-99", extension.getString("employeeNumber"), "Q4: the full URN path as a key");
        assertEquals("Retail Operations", extension.getString("department"));
        assertEquals(user.getJsonObject(ENTERPRISE).getString("costCenter"), extension.getString("costCenter"));
        assertEquals(managerOf(user), managerOf(patched));
        assertEquals(List.of(id), ids(filter(scim, "Users", ENTERPRISE + ":employeeNumber eq \"EMP-99\"")));
    }

    @Test
    void unknownAttributesInAPathlessReplaceAreIgnored() {
        JsonObject user = entraUser("Unknown");
        JsonObject patched = patchUser(user.getString("id"), "entra/patch-user-pathless-replace-unknown.json",
                Map.of("title", "Buyer"));
        assertEquals("Buyer", patched.getString("title"), "Q8: the known attribute is applied");
        assertFalse(patched.toString().contains("badgeColour"));
        assertFalse(patched.toString().contains("msDS-cloudExtensionAttribute1"));
    }

    // ---- Q5: filtered paths create the element ----

    @Test
    void addOnTheWorkEmailPathCreatesTheWorkEmailWhenThereIsNone() {
        String id = plainUser("{\"userName\":\"q5.email." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com\",\"emails\":[{\"type\":\"home\",\"value\":\"home@example.net\"}]}");
        String work = "q5.work." + id.substring(0, 8) + "@contoso.com";

        JsonObject patched = patchUser(id, "entra/patch-user-add-work-email.json", Map.of("workEmail", work));

        List<JsonObject> works = items(patched, "emails", "work");
        assertEquals(1, works.size(), patched.toString());
        assertEquals(work, works.get(0).getString("value"));
        List<JsonObject> homes = items(patched, "emails", "home");
        assertEquals(1, homes.size(), "the home email stays");
        assertEquals("home@example.net", homes.get(0).getString("value"));
        assertEquals(List.of(id), ids(filter(scim, "Users", "emails[type eq \"work\"].value eq \"" + work + "\"")));

        JsonObject again = patchUser(id, "entra/patch-user-add-work-email.json", Map.of("workEmail", "q5.second@contoso.com"));
        assertEquals(1, items(again, "emails", "work").size(), "a second Add replaces the value, one work email");
        assertEquals("q5.second@contoso.com", items(again, "emails", "work").get(0).getString("value"));
    }

    @Test
    void replaceOnTheWorkEmailPathCreatesItForAUserWithoutEmails() {
        String id = user("NoEmail");
        JsonObject patched = patchUser(id, patchOp(op("Replace", "emails[type eq \"work\"].value", "\"created@contoso.com\"")));
        assertEquals("created@contoso.com", items(patched, "emails", "work").get(0).getString("value"));
    }

    @Test
    void filteredPathsOnPhoneNumbersAndAddressesCreateOneElementEach() {
        String id = user("Contact");

        JsonObject patched = patchUser(id, "entra/patch-user-add-contact-details.json", Map.of("mobile", "+44 7700 900123",
                "streetAddress", "1 Poultry", "locality", "London", "postalCode", "EC2R 8EJ"));

        List<JsonObject> mobiles = items(patched, "phoneNumbers", "mobile");
        assertEquals(1, mobiles.size(), patched.toString());
        assertEquals("+44 7700 900123", mobiles.get(0).getString("value"));
        List<JsonObject> addresses = items(patched, "addresses", "work");
        assertEquals(1, addresses.size(), "three Adds on one filtered path build one address: " + patched);
        assertEquals("1 Poultry", addresses.get(0).getString("streetAddress"));
        assertEquals("London", addresses.get(0).getString("locality"));
        assertEquals("EC2R 8EJ", addresses.get(0).getString("postalCode"));
    }

    // ---- Q6: manager in every form ----

    static Stream<Arguments> managerForms() {
        List<Arguments> forms = new ArrayList<>();
        for (String path : List.of(ENTERPRISE + ":manager", "manager")) {
            for (String payload : List.of("entra/patch-user-manager-plain.json", "entra/patch-user-manager-object.json",
                    "entra/patch-user-manager-array.json")) {
                forms.add(Arguments.of(path, payload));
            }
        }
        return forms.stream();
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("managerForms")
    void managerIsAcceptedAsPlainIdObjectOrArrayAtEitherPath(String path, String payload) {
        String manager = user("Manager");
        String id = user("Report");

        JsonObject patched = patchUser(id, payload, Map.of("path", path, "managerId", manager));

        assertEquals(manager, managerOf(patched), patched.toString());
        assertEquals(List.of(id), ids(filter(scim, "Users", ENTERPRISE + ":manager.value eq \"" + manager + "\"")));
    }

    @Test
    void removingTheManagerClearsIt() {
        JsonObject user = entraUser("NoManager");
        assertTrue(managerOf(user) != null);
        JsonObject patched = patchUser(user.getString("id"), Payloads.read("entra/patch-user-remove-manager.json"));
        assertNull(managerOf(patched), patched.toString());
        assertEquals(user.getJsonObject(ENTERPRISE).getString("employeeNumber"),
                patched.getJsonObject(ENTERPRISE).getString("employeeNumber"), "the rest of the extension stays");
    }

    // ---- Q7 roles, Q9 rename ----

    @Test
    void rolesInAPatchAreIgnoredAndTheOtherOperationsApplied() {
        JsonObject user = entraUser("Roles");
        JsonObject patched = patchUser(user.getString("id"), "entra/patch-user-roles.json", Map.of("title", "Approver"));
        assertEquals("Approver", patched.getString("title"));
        assertFalse(patched.containsKey("roles"), "Q7: roles never come from SCIM");
    }

    @Test
    void userNameRenameByPatchMovesMatchingAndAClashIs409ChangingNothing() {
        JsonObject user = entraUser("Rename");
        String id = user.getString("id");
        String oldName = user.getString("userName");
        String newName = "Renamed." + id.substring(0, 8) + "@Fabrikam.com";

        JsonObject patched = patchUser(id, "entra/patch-user-rename.json", Map.of("userName", newName));

        assertEquals(newName, patched.getString("userName"));
        assertEquals(0, filter(scim, "Users", "userName eq \"" + oldName + "\"").getInt("totalResults"));
        assertEquals(List.of(id), ids(filter(scim, "Users", "userName eq \"" + newName.toUpperCase() + "\"")));
        assertEquals(newName.toLowerCase(), patchUser(id, "entra/patch-user-rename.json",
                Map.of("userName", newName.toLowerCase())).getString("userName"), "a case-only rename is no clash");

        JsonObject other = entraUser("Other");
        assertRefusedAndUnchanged("Users/" + other.getString("id"),
                Payloads.read("entra/patch-user-rename.json", Map.of("userName", newName.toUpperCase())), 409, "uniqueness");
    }

    // ---- deprovisioning keeps memberships ----

    @Test
    void deactivateAndReactivateKeepGroupMemberships() {
        JsonObject user = entraUser("Leaver");
        String id = user.getString("id");
        String colleague = user("Colleague");
        String sales = group("Sales", id, colleague);
        String all = group("All staff", id);

        JsonObject off = patchUser(id, "entra/patch-user-active.json", Map.of("active", "False"));

        assertEquals(JsonValue.FALSE, off.get("active"));
        assertEquals(Set.of(sales, all), groupIds(off), "lifecycle 5: memberships of inactive users are kept");
        assertEquals(Set.of(id, colleague), memberIds(read("Groups/" + sales)));
        assertEquals(List.of(id), ids(filter(scim, "Users", "userName eq \"" + user.getString("userName") + "\"")),
                "still found by matching, so Entra never re-creates it");

        JsonObject on = patchUser(id, "entra/patch-user-active.json", Map.of("active", "True"));

        assertEquals(JsonValue.TRUE, on.get("active"));
        assertEquals(Set.of(sales, all), groupIds(on), "Entra does not restore memberships: they must still be there");
        assertEquals(Set.of(id), memberIds(read("Groups/" + all)));
        assertEquals(2, TenantSnapshot.memberCount(sales));
    }

    // ---- groups ----

    @Test
    void entraAddsMembersInBatchesEachAnswered204() {
        String name = "Batch group " + UUID.randomUUID().toString().substring(0, 8);
        ScimClient.Response created = scim.post("Groups", Payloads.read("entra/create-group.json",
                Map.of("displayName", name, "externalId", UUID.randomUUID().toString())));
        assertEquals(201, created.status(), created.toString());
        String group = created.json().getString("id");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            users.add(user("Batch" + i));
        }

        patchGroup(group, Payloads.read("entra/patch-group-add-members.json",
                Map.of("member1", users.get(0), "member2", users.get(1), "member3", users.get(2))));
        patchGroup(group, Payloads.read("entra/patch-group-add-members.json",
                Map.of("member1", users.get(2), "member2", users.get(3), "member3", users.get(4))));
        patchGroup(group, Payloads.read("entra/patch-group-add-members.json",
                Map.of("member1", users.get(5), "member2", users.get(6), "member3", users.get(6))));
        patchGroup(group, Payloads.read("entra/patch-group-add-member.json", Map.of("member", users.get(0))));

        assertEquals(Set.copyOf(users), memberIds(read("Groups/" + group)), "the union, no duplicates");
        assertEquals(7, TenantSnapshot.memberCount(group));
        assertEquals(Set.of(group), groupIds(read("Users/" + users.get(4))));
        assertEquals(List.of(group), ids(filter(scim, "Groups", "members.value eq \"" + users.get(6) + "\"",
                "excludedAttributes=members")));
    }

    @Test
    void removeMembersWithAValueArrayRemovesOnlyThose() {
        String a = user("RmA");
        String b = user("RmB");
        String c = user("RmC");
        String d = user("RmD");
        String group = group("Remove some", a, b, c, d);

        patchGroup(group, Payloads.read("entra/patch-group-remove-members.json", Map.of("member1", a, "member2", b)));

        assertEquals(Set.of(c, d), memberIds(read("Groups/" + group)), "Q3: never remove all");
        assertEquals(2, TenantSnapshot.memberCount(group));
        assertEquals(200, scim.get("Users/" + a).status(), "leaving a group never deletes the user");
    }

    @Test
    void removeMemberByValueFilterRemovesOnlyIt() {
        String a = user("FiltA");
        String b = user("FiltB");
        String group = group("Remove filtered", a, b);

        patchGroup(group, Payloads.read("entra/patch-group-remove-member-filter.json", Map.of("member", a)));

        assertEquals(Set.of(b), memberIds(read("Groups/" + group)));
        assertEquals(1, TenantSnapshot.memberCount(group));
    }

    @Test
    void removeMembersWithoutValueOrFilterRemovesAll() {
        String a = user("AllA");
        String b = user("AllB");
        String group = group("Remove all", a, b);

        patchGroup(group, Payloads.read("entra/patch-group-remove-all-members.json"));

        JsonObject read = read("Groups/" + group);
        assertTrue(memberIds(read).isEmpty(), read.toString());
        assertEquals(0, TenantSnapshot.memberCount(group));
        assertEquals(200, scim.get("Users/" + a).status());
        assertEquals(200, scim.get("Users/" + b).status());
    }

    @Test
    void replaceMembersSetsExactlyTheGivenMembers() {
        String a = user("RepA");
        String b = user("RepB");
        String c = user("RepC");
        String group = group("Replace members", a, b);

        patchGroup(group, patchOp(op("replace", "members", "[{\"value\":\"" + b + "\"},{\"value\":\"" + c + "\"}]")));

        assertEquals(Set.of(b, c), memberIds(read("Groups/" + group)));
        assertEquals(2, TenantSnapshot.memberCount(group));
    }

    @Test
    void groupRenameAnswers204AndWithAttributes200WithTheResource() {
        String group = group("Rename me");

        patchGroup(group, Payloads.read("entra/patch-group-rename.json", Map.of("displayName", "Renamed " + group)));
        assertEquals("Renamed " + group, read("Groups/" + group).getString("displayName"));

        ScimClient.Response withBody = patch(scim, "Groups/" + group + "?attributes=displayName",
                Payloads.read("entra/patch-group-rename.json", Map.of("displayName", "Again " + group)));
        assertEquals(200, withBody.status(), withBody.toString());
        assertEquals("Again " + group, withBody.json().getString("displayName"));
        assertEquals(group, withBody.json().getString("id"));
    }

    @Test
    void addingAnUnknownMemberIs400NamingItAndAddsNoneOfTheBatch() {
        String a = user("KnownA");
        String b = user("KnownB");
        String group = group("Atomic batch", a);

        ScimClient.Response refused = assertRefusedAndUnchanged("Groups/" + group,
                Payloads.read("entra/patch-group-add-members.json",
                        Map.of("member1", b, "member2", "ghost-" + group, "member3", a)), 400, "invalidValue");

        assertTrue(refused.json().getString("detail").contains("ghost-" + group), "names the id: " + refused);
        assertEquals(Set.of(a), memberIds(read("Groups/" + group)), "the known user of the batch was not added either");
    }

    // ---- failures change nothing ----

    static Stream<Arguments> badUserPatches() {
        return Stream.of(
                Arguments.of("valid op then invalid value", patchOp(op("Replace", "title", "\"Changed\""),
                        op("Replace", "active", "\"maybe\"")), 400, "invalidValue"),
                Arguments.of("remove without path", patchOp(op("Replace", "displayName", "\"Changed\""),
                        op("Remove", null, null)), 400, "noTarget"),
                Arguments.of("replace the id", patchOp(op("Replace", "id", "\"my-own-id\"")), 400, "mutability"),
                Arguments.of("malformed path", patchOp(op("Replace", "title", "\"Changed\""),
                        op("Add", "name..givenName", "\"x@example.com\"")), 400, "invalidPath"),
                // RFC 7644 Table 9 lists invalidFilter for "PATCH (Path Filter)": a broken [ ] is a filter error
                Arguments.of("malformed path filter", patchOp(op("Replace", "title", "\"Changed\""),
                        op("Add", "emails[type eq \"work\".value", "\"x@example.com\"")), 400, "invalidFilter"),
                Arguments.of("userName removed", patchOp(op("Remove", "userName", null)), 400, null),
                Arguments.of("userName too long", patchOp(op("Replace", "userName", "\"" + "x".repeat(301) + "\"")), 400,
                        "invalidValue"),
                Arguments.of("no Operations", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}", 400,
                        "invalidSyntax"),
                Arguments.of("Operations not an array", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"x\"}}", 400, "invalidSyntax"),
                Arguments.of("unknown op", patchOp(op("Move", "title", "\"Changed\"")), 400, null),
                Arguments.of("malformed JSON", "{\"Operations\":[{\"op\":\"Replace\",", 400, "invalidSyntax"),
                Arguments.of("array body", "[" + patchOp(op("Replace", "title", "\"Changed\"")) + "]", 400, "invalidSyntax"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUserPatches")
    void aFailedUserPatchIsAScimErrorAndChangesNothing(String label, String body, int status, String scimType) {
        JsonObject user = entraUser("Failed");
        assertRefusedAndUnchanged("Users/" + user.getString("id"), body, status, scimType);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        JsonObject user = entraUser("Etag");
        String id = user.getString("id");
        JsonObject changed = patchUser(id, patchOp(op("Replace", "title", "\"First\"")));

        ScimClient.Response stale = patch(scim, "Users/" + id, patchOp(op("Replace", "title", "\"Second\"")),
                user.getJsonObject("meta").getString("version"));

        assertScimError(stale, 412, null);
        assertEquals(changed, read("Users/" + id));
        ScimClient.Response fresh = patch(scim, "Users/" + id, patchOp(op("Replace", "title", "\"Second\"")),
                changed.getJsonObject("meta").getString("version"));
        assertEquals(200, fresh.status(), fresh.toString());
    }

    @Test
    void patchOnUnknownDeletedOrForeignIdsIs404AndTouchesNothing() {
        Tenant other = TestTenants.create("Entra PATCH other");
        ScimClient theirs = ScimClient.forTenant(other);
        String theirUser = theirs.post("Users", "{\"userName\":\"theirs.patch@example.com\"}").json().getString("id");
        String theirGroup = theirs.post("Groups", "{\"displayName\":\"Theirs\",\"members\":[{\"value\":\"" + theirUser
                + "\"}]}").json().getString("id");
        String deleted = user("Deleted");
        assertEquals(204, com.rollcall.testing.ScimCalls.delete(scim, "Users/" + deleted).status());
        Map<String, String> before = TenantSnapshot.of(other);
        JsonObject theirUserBefore = theirs.get("Users/" + theirUser).json();

        String deactivate = Payloads.read("entra/patch-user-active.json", Map.of("active", "False"));
        for (String id : List.of(theirUser, deleted, UUID.randomUUID().toString())) {
            assertScimError(patch(scim, "Users/" + id, deactivate), 404, null);
        }
        assertScimError(patch(scim, "Groups/" + theirGroup, Payloads.read("entra/patch-group-remove-all-members.json")),
                404, null);
        String mine = group("Mine");
        assertRefusedAndUnchanged("Groups/" + mine, Payloads.read("entra/patch-group-add-member.json",
                Map.of("member", theirUser)), 400, "invalidValue");

        assertEquals(before, TenantSnapshot.of(other));
        assertEquals(theirUserBefore, theirs.get("Users/" + theirUser).json());
        assertEquals(Set.of(theirUser), memberIds(theirs.get("Groups/" + theirGroup).json()));
    }
}
