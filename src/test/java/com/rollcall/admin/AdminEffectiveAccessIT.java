package com.rollcall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PRODUCT.md rule 8 end to end: groups and memberships made by SCIM, mappings by the admin API,
 * effective access read back with its explanation, and a SCIM membership removal reflected at once.
 */
@ExtendWith(RollcallServer.class)
class AdminEffectiveAccessIT {
    private final Tenant tenant = TestTenants.create("Effective access");
    private final ScimClient scim = ScimClient.forTenant(tenant);
    private final ScimClient admin = new ScimClient(RollcallServer.get().baseUrl() + "api/admin/v1/", tenant.token());

    private ScimClient.Response post(String path, String json) {
        return admin.send(admin.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private long roleId(String name) {
        for (JsonValue role : admin.get("roles").json().getJsonArray("roles")) {
            if (role.asJsonObject().getString("name").equals(name)) {
                return role.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError("no role " + name);
    }

    private JsonObject in(JsonObject access, String subAccount) {
        for (JsonValue entry : access.getJsonArray("subAccounts")) {
            if (entry.asJsonObject().getJsonObject("subAccount").getString("name").equals(subAccount)) {
                return entry.asJsonObject();
            }
        }
        throw new AssertionError("no sub-account " + subAccount);
    }

    @Test
    void explicitLowerRoleOverridesInheritedEnterpriseAdminAndMembershipRemovalIsImmediate() {
        long emea = post("sub-accounts", "{\"name\":\"EMEA\"}").json().getJsonNumber("id").longValue();
        assertEquals(201, post("sub-accounts", "{\"name\":\"Retail\"}").status());
        assertEquals(409, post("sub-accounts", "{\"name\":\"emea\"}").status(), "names are unique case-insensitively");
        String ann = scim.post("Users", "{\"userName\":\"ann.roles@example.com\"}").json().getString("id");
        String editors = scim.post("Groups", "{\"displayName\":\"Editors EMEA\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");
        String readers = scim.post("Groups", "{\"displayName\":\"Readers EMEA\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");
        String admins = scim.post("Groups", "{\"displayName\":\"Admins\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");
        assertEquals(201, post("groups/" + editors + "/mappings", "{\"roleId\":" + roleId("Editor") + ",\"subAccountId\":" + emea + "}").status());
        assertEquals(201, post("groups/" + readers + "/mappings", "{\"roleId\":" + roleId("Reports Only") + ",\"subAccountId\":" + emea + "}").status());
        assertEquals(201, post("groups/" + admins + "/mappings", "{\"roleId\":" + roleId("Enterprise Admin") + "}").status());

        JsonObject access = admin.get("users/" + ann + "/effective-access").json();
        assertEquals("Enterprise Admin", access.getJsonObject("enterpriseLevel").getJsonObject("role").getString("name"));
        JsonObject inEmea = in(access, "EMEA");
        assertEquals("Editor", inEmea.getJsonObject("role").getString("name"), inEmea.toString());
        assertEquals("EXPLICIT_TAKES_PRECEDENCE", inEmea.getString("rule"));
        assertEquals(3, inEmea.getJsonArray("candidates").size(), "every candidate is explained");
        assertTrue(inEmea.getString("explanation").contains("Editor"), inEmea.getString("explanation"));
        assertEquals("Enterprise Admin", in(access, "Retail").getJsonObject("role").getString("name"), "inherited elsewhere");

        assertEquals(204, scim.send(scim.request("Groups/" + editors).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\","
                        + "\"value\":[{\"value\":\"" + ann + "\"}]}]}"))).status());
        JsonObject after = in(admin.get("users/" + ann + "/effective-access").json(), "EMEA");
        assertEquals("Reports Only", after.getJsonObject("role").getString("name"), "the SCIM removal is reflected at once");
    }

    @Test
    void mappingsAreValidatedListedAndRemovable() {
        long emea = post("sub-accounts", "{\"name\":\"Nordics\"}").json().getJsonNumber("id").longValue();
        String group = scim.post("Groups", "{\"displayName\":\"Mapped group\"}").json().getString("id");
        assertEquals(400, post("groups/" + group + "/mappings", "{\"roleId\":" + roleId("Editor") + "}").status(),
                "a sub-account role needs a sub-account");
        assertEquals(400, post("groups/" + group + "/mappings", "{\"roleId\":" + roleId("Enterprise Admin")
                + ",\"subAccountId\":" + emea + "}").status(), "an enterprise role is mapped at the enterprise level");
        assertEquals(400, post("groups/" + group + "/mappings", "{\"roleId\":999999}").status());
        assertEquals(400, post("groups/" + group + "/mappings", "{\"roleId\":\"x\"}").status());
        long id = post("groups/" + group + "/mappings", "{\"roleId\":" + roleId("Editor") + ",\"subAccountId\":" + emea + "}")
                .json().getJsonNumber("id").longValue();
        assertEquals(409, post("groups/" + group + "/mappings", "{\"roleId\":" + roleId("Editor") + ",\"subAccountId\":" + emea + "}").status());
        assertEquals(1, admin.get("groups/" + group + "/mappings").json().getJsonArray("mappings").size());
        assertEquals(200, admin.send(admin.request("groups/" + group + "/mappings/" + id).DELETE()).status());
        assertEquals(0, admin.get("groups/" + group + "/mappings").json().getJsonArray("mappings").size());
        assertEquals(404, admin.get("groups/no-such-group/mappings").status());
        assertEquals(404, admin.get("users/no-such-user/effective-access").status());
        assertTrue(admin.get("roles").json().getString("matrix").contains("Group Manager"));
    }
}
