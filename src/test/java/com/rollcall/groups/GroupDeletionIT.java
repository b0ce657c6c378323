package com.rollcall.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, item 4: when the IdP deletes a group, the SCIM contract holds (204, then 404 to every read, filter, list,
 * PATCH, PUT and DELETE of that id; a new group may take its name and externalId), its members lose the roles it gave
 * at once (stored roles, the admin API's effective access, seats), and the admin's mappings are kept, inactive — by
 * SQL and through the admin API — and listed in the GROUP_DELETED audit event.
 */
@ExtendWith(RollcallServer.class)
class GroupDeletionIT {
    private final Tenant tenant = TestTenants.create("Group deletion");
    private final ScimClient scim = ScimClient.forTenant(tenant);
    private final ScimClient admin = TestTenants.admin(tenant);

    @Test
    void aDeletedGroupIs404ToEveryScimReadFilterListAndWrite() {
        String ann = user("ann.gone");
        String group = group("Field Sales", "ext-field-sales", ann);
        String parent = group("All Sales", null);
        assertEquals(204, patch("Groups/" + parent, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + group + "\",\"type\":\"Group\"}]}").status());
        assertEquals(1, memberCount(parent), "Ann's group is a member of All Sales");

        assertEquals(204, delete("Groups/" + group).status());

        for (String read : List.of("Groups/" + group, "Groups/" + group + "?excludedAttributes=members",
                "Groups/" + group + "?attributes=displayName")) {
            ScimClient.Response answer = scim.get(read);
            assertEquals(404, answer.status(), read + " -> " + answer);
            assertTrue(answer.contentType().startsWith("application/scim+json"), answer.toString());
        }
        for (String filter : List.of("id eq \"" + group + "\"", "displayName eq \"Field Sales\"",
                "externalId eq \"ext-field-sales\"", "members.value eq \"" + ann + "\"")) {
            JsonObject found = scim.get("Groups?excludedAttributes=members&filter="
                    + URLEncoder.encode(filter, StandardCharsets.UTF_8)).json();
            assertEquals(0, found.getInt("totalResults"), filter + " -> " + found);
        }
        assertFalse(ids(scim.get("Groups?count=100").json()).contains(group), "not in the plain list");
        assertEquals(0, scim.post("Groups/.search", "{\"filter\":\"externalId eq \\\"ext-field-sales\\\"\"}").json()
                .getInt("totalResults"), "nor in .search");
        assertEquals(0, scim.post(".search", "{\"filter\":\"displayName eq \\\"Field Sales\\\"\"}").json()
                .getInt("totalResults"), "nor in the root .search");
        assertEquals(404, patch("Groups/" + group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + ann + "\"}]}").status(), "PATCH");
        assertEquals(404, scim.send(scim.request("Groups/" + group).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Field Sales\"}"))).status(), "PUT");
        assertEquals(404, delete("Groups/" + group).status(), "a second DELETE");

        JsonObject annNow = scim.get("Users/" + ann).json();
        assertTrue(!annNow.containsKey("groups") || annNow.getJsonArray("groups").isEmpty(), "Ann's groups: " + annNow);
        assertEquals(0, memberCount(parent), "the deleted group left All Sales, whose count follows");
        JsonObject allSales = scim.get("Groups/" + parent).json();
        assertEquals(0, allSales.getJsonArray("members").size(), allSales.toString());
        ScimClient.Response asMember = patch("Groups/" + parent, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + group + "\",\"type\":\"Group\"}]}");
        assertEquals(400, asMember.status(), "a deleted group is no member to add: " + asMember);
        assertEquals(200, scim.get("Users/" + ann).status(), "users stay");
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_group WHERE scim_id = ? AND deleted_at IS NOT NULL",
                group), "the row is kept, soft-deleted");
    }

    @Test
    void theIdpMayCreateANewGroupWithTheDeletedOnesNameAndExternalId() {
        String old = group("Marketing", "ext-marketing");
        assertEquals(204, delete("Groups/" + old).status());

        ScimClient.Response again = scim.post("Groups", "{\"displayName\":\"Marketing\",\"externalId\":\"ext-marketing\"}");

        assertEquals(201, again.status(), again.toString());
        String fresh = again.json().getString("id");
        assertFalse(fresh.equals(old), "a new resource, never the deleted one");
        assertEquals(List.of(fresh), ids(scim.get("Groups?filter=" + URLEncoder.encode("externalId eq \"ext-marketing\"",
                StandardCharsets.UTF_8)).json()));
        assertEquals(List.of(fresh), ids(scim.get("Groups?excludedAttributes=members&filter="
                + URLEncoder.encode("displayName eq \"marketing\"", StandardCharsets.UTF_8)).json()));
        ScimClient.Response clash = scim.post("Groups", "{\"displayName\":\"Other\",\"externalId\":\"ext-marketing\"}");
        assertEquals(409, clash.status(), "the live group holds the externalId again: " + clash);
        assertEquals("uniqueness", clash.json().getString("scimType"));
    }

    @Test
    void membersLoseItsRolesAtOnceItsMappingsAreKeptInactiveAndTheAuditListsThem() {
        long emea = TestTenants.subAccount(tenant, "EMEA");
        String ann = user("ann.roles");
        String bob = user("bob.roles");
        String editors = group("Editors", "ext-editors", ann, bob);
        String integrations = group("Integrations", null, bob);
        long editor = TestTenants.mapGroup(tenant, editors, "Editor", emea).getJsonNumber("id").longValue();
        long enterpriseAdmin = TestTenants.mapGroup(tenant, editors, "Enterprise Admin", null).getJsonNumber("id").longValue();
        TestTenants.mapGroup(tenant, integrations, "Enterprise Integrations Manager", null);
        assertEquals(3, storedRows(ann), "Enterprise Admin at the enterprise level and inherited, and Editor in EMEA");
        assertEquals("Editor", roleIn(admin.get("users/" + ann + "/effective-access").json(), "EMEA"));
        assertTrue(holdsSeat(bob), "Bob's Editor and Enterprise Admin consume a license");
        long seatsBefore = seatsUsed();

        assertEquals(204, delete("Groups/" + editors).status());

        assertEquals(0, storedRows(ann), "Ann's roles came only from the deleted group: gone in the same request");
        JsonObject annAccess = admin.get("users/" + ann + "/effective-access").json();
        assertEquals(JsonValue.NULL, annAccess.getJsonObject("enterpriseLevel").get("role"), annAccess.toString());
        assertEquals(null, roleIn(annAccess, "EMEA"));
        assertEquals(1, storedRows(bob), "Bob keeps what Integrations gives");
        assertEquals("Enterprise Integrations Manager", admin.get("users/" + bob + "/effective-access").json()
                .getJsonObject("enterpriseLevel").getJsonObject("role").getString("name"));
        assertFalse(holdsSeat(bob), "left with a role that consumes no license, Bob's seat is freed");
        assertEquals(seatsBefore - 1, seatsUsed());
        assertTrue(holdsSeat(ann), "a user with no role still holds a seat");

        assertEquals(2, TestTenants.number("SELECT COUNT(*) FROM group_mapping m JOIN user_group g ON g.id = m.group_id "
                + "WHERE g.scim_id = ? AND m.deactivated_at IS NOT NULL", editors), "both mappings kept, inactive");
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM group_mapping m JOIN user_group g ON g.id = m.group_id "
                + "WHERE g.scim_id = ? AND m.deactivated_at IS NULL", editors));
        assertEquals(404, admin.get("groups/" + editors + "/mappings").status(), "the group's mapping editor is gone");
        JsonObject deleted = admin.get("deleted-groups/" + editors).json();
        assertEquals("Editors", deleted.getString("displayName"));
        assertEquals("ext-editors", deleted.getString("externalId"));
        assertEquals(Set.of(editor, enterpriseAdmin), mappingIds(deleted));
        JsonObject listed = admin.get("deleted-groups").json();
        assertEquals(1, listed.getInt("totalResults"), listed.toString());
        assertEquals(editors, listed.getJsonArray("groups").getJsonObject(0).getString("id"));

        JsonObject event = onlyEvent("GROUP_DELETED", editors);
        assertEquals(2, event.getJsonObject("before").getInt("memberCount"));
        assertEquals(2, event.getJsonObject("after").getInt("memberCount"));
        List<String> described = new ArrayList<>();
        event.getJsonObject("after").getJsonArray("mappingsDeactivated")
                .forEach(m -> described.add(m.asJsonObject().getString("mapping")));
        assertEquals(List.of("Editor in EMEA", "Enterprise Admin (enterprise level)"), described);
        JsonObject first = event.getJsonObject("after").getJsonArray("mappingsDeactivated").getJsonObject(0);
        assertEquals("SUB_ACCOUNT", first.getString("level"));
        assertEquals(emea, first.getJsonNumber("subAccountId").longValue());
        assertEquals(editor, first.getJsonNumber("mappingId").longValue());
    }

    @Test
    void aRoleKeptByADeletedGroupCannotBeDeletedAndItsHoldersAreNotRecomputedForIt() {
        long custom = admin.send(admin.request("roles").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Kept Role\",\"scope\":\"ENTERPRISE\","
                        + "\"permissions\":[\"VIEW_AUDIT_LOG\"]}"))).json().getJsonNumber("id").longValue();
        String carl = user("carl.kept");
        String auditors = group("Auditors", null, carl);
        TestTenants.mapGroup(tenant, auditors, "Kept Role", null);
        assertEquals(204, delete("Groups/" + auditors).status());
        assertEquals(0, storedRows(carl));

        ScimClient.Response refused = admin.send(admin.request("roles/" + custom).DELETE());

        assertEquals(409, refused.status(), "a kept mapping still points at the role: " + refused);
        assertTrue(refused.json().getString("message").contains("Auditors"), refused.toString());
    }

    // --- helpers ---

    private String user(String name) {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"" + name + "@example.test\"}");
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private String group(String displayName, String externalId, String... members) {
        StringBuilder json = new StringBuilder("{\"displayName\":\"").append(displayName).append('"');
        if (externalId != null) {
            json.append(",\"externalId\":\"").append(externalId).append('"');
        }
        json.append(",\"members\":[");
        for (int i = 0; i < members.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"value\":\"").append(members[i]).append("\"}");
        }
        ScimClient.Response created = scim.post("Groups", json.append("]}").toString());
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private ScimClient.Response patch(String path, String operation) {
        return scim.send(scim.request(path).header("Content-Type", "application/scim+json").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[" + operation + "]}")));
    }

    private ScimClient.Response delete(String path) {
        return scim.send(scim.request(path).DELETE());
    }

    private static List<String> ids(JsonObject list) {
        List<String> ids = new ArrayList<>();
        list.getJsonArray("Resources").forEach(r -> ids.add(r.asJsonObject().getString("id")));
        return ids;
    }

    private static long memberCount(String group) {
        return TestTenants.number("SELECT member_count FROM user_group WHERE scim_id = ?", group);
    }

    private static long storedRows(String user) {
        return TestTenants.number("SELECT COUNT(*) FROM user_effective_role r JOIN user_account u ON u.id = r.user_id "
                + "WHERE u.scim_id = ?", user);
    }

    private static boolean holdsSeat(String user) {
        return TestTenants.number("SELECT CASE WHEN holds_seat THEN 1 ELSE 0 END FROM user_account WHERE scim_id = ?",
                user) == 1;
    }

    private long seatsUsed() {
        return TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    /** The role's name in the sub-account of the effective-access document; null when none. */
    private static String roleIn(JsonObject access, String subAccount) {
        for (JsonValue entry : access.getJsonArray("subAccounts")) {
            JsonObject level = entry.asJsonObject();
            if (level.getJsonObject("subAccount").getString("name").equals(subAccount)) {
                return level.get("role") == JsonValue.NULL ? null : level.getJsonObject("role").getString("name");
            }
        }
        throw new AssertionError("no sub-account " + subAccount + " in " + access);
    }

    private static Set<Long> mappingIds(JsonObject deletedGroup) {
        Set<Long> ids = new TreeSet<>();
        deletedGroup.getJsonArray("keptMappings").forEach(m -> ids.add(m.asJsonObject().getJsonNumber("id").longValue()));
        return ids;
    }

    private JsonObject onlyEvent(String action, String resourceId) {
        JsonObject page = admin.get("audit-events?action=" + action + "&resourceId=" + resourceId).json();
        assertEquals(1, page.getInt("totalResults"), page.toString());
        return page.getJsonArray("events").getJsonObject(0);
    }
}
