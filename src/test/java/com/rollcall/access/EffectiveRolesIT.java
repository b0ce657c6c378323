package com.rollcall.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Materialised effective roles (PRODUCT.md rule 8) kept current in the transaction of every SCIM membership
 * change and mapping change, and license consumption following the roles (rule 5): a user whose only
 * roles consume no license holds no seat.
 */
@ExtendWith(RollcallServer.class)
class EffectiveRolesIT {
    private final Tenant tenant = TestTenants.create("Effective roles", 3, "scim,admin");
    private final ScimClient scim = ScimClient.forTenant(tenant);
    private final ScimClient admin = new ScimClient(RollcallServer.get().baseUrl() + "api/admin/v1/", tenant.token());

    @Test
    void storedRolesFollowScimMembershipAndMappingChangesAtOnce() {
        long emea = post("sub-accounts", "{\"name\":\"EMEA\"}").json().getJsonNumber("id").longValue();
        String ann = user("ann.stored");
        String bob = user("bob.stored");
        String editors = scim.post("Groups", "{\"displayName\":\"Editors\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");
        assertEquals(0, storedRows(ann), "a group without mappings gives no role");

        JsonObject preview = admin.get("groups/" + editors + "/mappings/preview?roleId=" + roleId("Editor")
                + "&subAccountId=" + emea + "&change=add").json();
        assertEquals(1, preview.getInt("usersWhoseRoleChanges"), preview.toString());
        assertTrue(preview.getBoolean("exact"));
        JsonObject change = preview.getJsonArray("changes").getJsonObject(0);
        assertEquals(ann, change.getString("userId"), "the preview names who gains which role where: " + preview);
        assertEquals("in EMEA", change.getString("where"));
        assertTrue(change.isNull("before"));
        assertEquals("Editor", change.getString("after"));
        assertEquals(0, preview.getInt("licenseShortfall"), "Ann already holds a seat");
        JsonObject added = post("groups/" + editors + "/mappings", "{\"roleId\":" + roleId("Editor") + ",\"subAccountId\":"
                + emea + "}").json();
        assertEquals(1, added.getInt("usersChanged"), "the preview was right");
        assertEquals(JsonValue.NULL, added.get("remapJob"), "a small group is remapped in the request");
        assertEquals(roleId("Editor"), storedRole(ann, emea));
        assertEquals(0, storedRows(bob));

        patch(editors, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}");
        assertEquals(roleId("Editor"), storedRole(bob, emea), "a SCIM member add gives the role in the same request");

        String admins = scim.post("Groups", "{\"displayName\":\"Admins\"}").json().getString("id");
        post("groups/" + admins + "/mappings", "{\"roleId\":" + roleId("Enterprise Admin") + "}");
        patch(admins, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}");
        assertEquals(roleId("Enterprise Admin"), storedRole(bob, 0), "enterprise level");
        assertEquals(roleId("Editor"), storedRole(bob, emea), "the explicit Editor beats the inherited Enterprise Admin");

        patch(editors, "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + bob + "\\\"]\"}");
        assertEquals(-1, storedRole(bob, emea), "no explicit candidate left: no EMEA row");
        assertEquals(roleId("Enterprise Admin"), storedRole(bob, -1), "EMEA inherits Enterprise Admin, as every "
                + "sub-account without its own mapping");
        assertEquals(roleId("Enterprise Admin"), storedRole(bob, 0));

        long mapping = added.getJsonNumber("id").longValue();
        JsonObject removed = admin.send(admin.request("groups/" + editors + "/mappings/" + mapping).DELETE()).json();
        assertEquals(1, removed.getInt("usersChanged"));
        assertEquals(0, storedRows(ann), "the removed mapping takes the role away at once");

        String carl = user("carl.deleted");
        patch(admins, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + carl + "\"}]}");
        assertEquals(2, storedRows(carl), "Enterprise Admin at the enterprise level and inherited in every sub-account");
        assertEquals(204, scim.send(scim.request("Users/" + carl).DELETE()).status());
        assertEquals(0, storedRows(carl), "a deleted user leaves its groups and so its roles");

        assertEquals(204, scim.send(scim.request("Groups/" + admins).DELETE()).status());
        assertEquals(0, storedRows(bob), "deleting a mapped group takes its roles away");
    }

    @Test
    void usersWhoseOnlyRoleConsumesNoLicenseHoldNoSeat() {
        String integrations = scim.post("Groups", "{\"displayName\":\"Integrations\"}").json().getString("id");
        post("groups/" + integrations + "/mappings", "{\"roleId\":" + roleId("Enterprise Integrations Manager") + "}");
        String ivy = user("ivy.integrations");
        String joe = user("joe.staff");
        String kim = user("kim.staff");
        assertEquals(3, seatsUsed());
        assertEquals(403, scim.post("Users", "{\"userName\":\"lou.refused@example.com\"}").status(), "3 of 3 in use");

        patch(integrations, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ivy + "\"}]}");
        assertEquals(2, seatsUsed(), "an Integrations Manager consumes no license");
        assertEquals(Set.of(joe, kim), seatHolders(), "Ivy's seat was freed, nobody else's");
        patch("Users/" + ivy, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}", true);
        patch("Users/" + ivy, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}", true);
        assertEquals(2, seatsUsed(), "deactivated and reactivated, she still needs no seat");
        String lou = user("lou.fits");
        assertEquals(3, seatsUsed());

        ScimClient.Response refused = patchResponse(integrations,
                "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + ivy + "\\\"]\"}");
        assertEquals(403, refused.status(), "leaving the group would need a fourth license: " + refused.text());
        assertTrue(refused.json().getString("detail").contains("license limit"), refused.text());
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM group_membership m JOIN user_account u ON u.id = m.user_id "
                + "WHERE u.scim_id = ?", ivy), "nothing changed");
        assertEquals(3, seatsUsed());
        assertEquals(Set.of(joe, kim, lou), seatHolders(), "the refused change moved no seat");

        patch("Users/" + kim, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}", true);
        assertEquals(2, seatsUsed());
        patch(integrations, "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + ivy + "\\\"]\"}");
        assertEquals(3, seatsUsed(), "back to an ordinary user, Ivy takes a seat again");
        assertEquals(Set.of(ivy, joe, lou), seatHolders(), "Ivy is back among the seat holders, with Joe and Lou; "
                + "Kim, deactivated, holds none");
        assertEquals(3, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ? AND holds_seat",
                tenant.enterpriseId()), "the counter equals the users holding a seat");
    }

    /**
     * Rule 8 as sharpened: an Integrations Manager who is also mapped explicitly to a sub-account as a Contributor
     * is a Contributor there (the enterprise role gives nothing inside sub-accounts), and so needs a license
     * (rule 5: only when every role held consumes none is a user exempt).
     */
    @Test
    void anIntegrationsManagerWithAnExplicitRoleIsThatRoleThereAndNeedsALicense() {
        Tenant other = TestTenants.create("RoleLevels", 10, "scim,admin");
        ScimClient otherScim = ScimClient.forTenant(other);
        JsonClient otherAdmin = JsonClient.admin(other);
        long emea = TestTenants.subAccount(other, "EMEA");
        long retail = TestTenants.subAccount(other, "Retail");
        String ops = otherScim.post("Groups", "{\"displayName\":\"Ops\"}").json().getString("id");
        String writers = otherScim.post("Groups", "{\"displayName\":\"Writers\"}").json().getString("id");
        TestTenants.mapGroup(other, ops, "Enterprise Integrations Manager", null);
        TestTenants.mapGroup(other, writers, "Contributor", emea);
        String ivy = otherScim.post("Users", "{\"userName\":\"ivy.ops@example.com\"}").json().getString("id");
        addMember(otherScim, ops, ivy);
        assertEquals(0, TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?",
                other.enterpriseId()), "an Integrations Manager alone holds no seat");

        addMember(otherScim, writers, ivy);
        JsonObject access = otherAdmin.get("users/" + ivy + "/effective-access").json();
        JsonObject inEmea = in(access, "EMEA");
        assertEquals("Contributor", inEmea.getJsonObject("role").getString("name"), inEmea.toString());
        assertEquals("SINGLE_CANDIDATE", inEmea.getString("rule"));
        assertTrue(inEmea.getString("explanation").contains("gives nothing inside sub-accounts"), inEmea.toString());
        assertEquals("NO_SUB_ACCOUNT_ACCESS", inEmea.getJsonArray("candidates").getJsonObject(1).getString("asideBecause"));
        JsonObject inRetail = in(access, "Retail");
        assertTrue(inRetail.isNull("role"), "nothing is inherited into Retail: " + inRetail);
        assertEquals("NOTHING_INHERITED", inRetail.getString("rule"));
        // the role history says what changed where, and why, newest first
        JsonObject latest = access.getJsonArray("history").getJsonObject(0);
        assertEquals("in EMEA", latest.getString("where"), access.getJsonArray("history").toString());
        assertTrue(latest.isNull("before"));
        assertEquals("Contributor", latest.getString("after"));
        assertEquals("membership of group 'Writers' changed", latest.getString("cause"));
        assertEquals("API_CLIENT", latest.getString("actorType"));
        JsonObject first = access.getJsonArray("history").getJsonObject(1);
        assertEquals("at the enterprise level", first.getString("where"));
        assertEquals("Enterprise Integrations Manager", first.getString("after"));
        assertEquals(1, TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?",
                other.enterpriseId()), "a Contributor needs a license");
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE scim_id = ? AND holds_seat "
                + "AND NOT license_exempt", ivy));
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM user_effective_role e JOIN user_account u ON u.id = "
                + "e.user_id WHERE u.scim_id = ? AND e.scope_key = ?", ivy, retail), "no row for Retail");
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM user_effective_role e JOIN user_account u ON u.id = "
                + "e.user_id WHERE u.scim_id = ? AND e.scope_key = -1", ivy), "nothing inherited, no inherited row");
    }

    private static void addMember(ScimClient client, String group, String user) {
        ScimClient.Response r = client.send(client.request("Groups/" + group).header("Content-Type", "application/scim+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:"
                        + "api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":"
                        + "[{\"value\":\"" + user + "\"}]}]}")));
        assertEquals(204, r.status(), r.toString());
    }

    private static JsonObject in(JsonObject access, String subAccount) {
        return access.getJsonArray("subAccounts").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonObject("subAccount").getString("name").equals(subAccount)).findFirst().orElseThrow();
    }

    /** The SCIM ids of the tenant's users that hold a seat. */
    private Set<String> seatHolders() {
        Set<String> holders = new TreeSet<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT scim_id FROM user_account WHERE enterprise_id = ? AND holds_seat")) {
            s.setLong(1, tenant.enterpriseId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    holders.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return holders;
    }

    @Test
    void editingACustomRolesScoreRecomputesItsHolders() {
        long retail = post("sub-accounts", "{\"name\":\"Retail\"}").json().getJsonNumber("id").longValue();
        long custom = post("roles", "{\"name\":\"Store Lead\",\"scope\":\"SUB_ACCOUNT\",\"permissions\":[\"VIEW_REPORTS\"]}")
                .json().getJsonNumber("id").longValue();
        String max = user("max.custom");
        String leads = scim.post("Groups", "{\"displayName\":\"Leads\",\"members\":[{\"value\":\"" + max + "\"}]}")
                .json().getString("id");
        String contributors = scim.post("Groups", "{\"displayName\":\"Contributors\",\"members\":[{\"value\":\"" + max
                + "\"}]}").json().getString("id");
        post("groups/" + leads + "/mappings", "{\"roleId\":" + custom + ",\"subAccountId\":" + retail + "}");
        post("groups/" + contributors + "/mappings", "{\"roleId\":" + roleId("Contributor") + ",\"subAccountId\":" + retail
                + "}");
        assertEquals(roleId("Contributor"), storedRole(max, retail), "Contributor outscores a reports-only custom role");

        String all = "\"MANAGE_ACCOUNT_SETTINGS\",\"PUBLISH_CONTENT\",\"MANAGE_AUDIENCES\",\"EDIT_CONTENT\","
                + "\"CREATE_CONTENT\",\"VIEW_REPORTS\"";
        ScimClient.Response edited = admin.send(admin.request("roles/" + custom).header("Content-Type", "application/json")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"name\":\"Store Lead\",\"scope\":\"SUB_ACCOUNT\","
                        + "\"permissions\":[" + all + "]}")));
        assertEquals(200, edited.status(), edited.text());
        assertEquals(custom, storedRole(max, retail), "with every permission the custom role now wins");
        assertEquals(409, admin.send(admin.request("roles/" + custom).header("Content-Type", "application/json")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"name\":\"Store Lead\",\"scope\":\"ENTERPRISE\","
                        + "\"permissions\":[" + all + "]}"))).status(), "a mapped role keeps its scope");
    }

    private String user(String name) {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"" + name + "@example.com\"}");
        assertEquals(201, created.status(), created.text());
        return created.json().getString("id");
    }

    private ScimClient.Response post(String path, String json) {
        ScimClient.Response response = admin.send(admin.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertTrue(response.status() == 201 || response.status() == 200, path + " " + json + " → " + response.text());
        return response;
    }

    private void patch(String group, String operation) {
        ScimClient.Response response = patchResponse(group, operation);
        assertTrue(response.status() == 200 || response.status() == 204, response.text());
    }

    private ScimClient.Response patchResponse(String group, String operation) {
        return patchPath("Groups/" + group, operation);
    }

    private void patch(String path, String operation, boolean user) {
        ScimClient.Response response = patchPath(path, operation);
        assertEquals(200, response.status(), response.text());
    }

    private ScimClient.Response patchPath(String path, String operation) {
        return scim.send(scim.request(path).header("Content-Type", "application/scim+json").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[" + operation + "]}")));
    }

    private long roleId(String name) {
        for (JsonValue role : admin.get("roles").json().getJsonArray("roles")) {
            if (role.asJsonObject().getString("name").equals(name)) {
                return role.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError("no role " + name);
    }

    private long storedRows(String userScimId) {
        return TestTenants.number("SELECT COUNT(*) FROM user_effective_role e JOIN user_account u ON u.id = e.user_id "
                + "WHERE u.scim_id = ?", userScimId);
    }

    /** The stored role id in the scope (0 = enterprise level), or -1 without a row. */
    private long storedRole(String userScimId, long scope) {
        return TestTenants.number("SELECT COALESCE(MAX(e.role_id), -1) FROM user_effective_role e JOIN user_account u "
                + "ON u.id = e.user_id WHERE u.scim_id = ? AND e.scope_key = ?", userScimId, scope);
    }

    private long seatsUsed() {
        return TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", tenant.enterpriseId());
    }
}
