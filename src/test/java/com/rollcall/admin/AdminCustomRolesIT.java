package com.rollcall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Custom roles: created, scored, edited, first-class in effective access, never deleted while in use. */
@ExtendWith(RollcallServer.class)
class AdminCustomRolesIT {
    private final Tenant tenant = TestTenants.create("Custom roles");
    private final ScimClient scim = ScimClient.forTenant(tenant);
    private final ScimClient admin = new ScimClient(RollcallServer.get().baseUrl() + "api/admin/v1/", tenant.token());

    private ScimClient.Response send(String method, String path, String json) {
        HttpRequest.Builder request = admin.request(path);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return admin.send(request);
    }

    private long builtIn(String name) {
        for (JsonValue role : admin.get("roles").json().getJsonArray("roles")) {
            if (role.asJsonObject().getString("name").equals(name)) {
                return role.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aCustomRoleIsScoredMappedExplainedAndProtectedWhileInUse() {
        ScimClient.Response created = send("POST", "roles", "{\"name\":\"Regional Publisher\",\"scope\":\"SUB_ACCOUNT\","
                + "\"permissions\":[\"PUBLISH_CONTENT\",\"EDIT_CONTENT\"]}");
        assertEquals(201, created.status(), created.toString());
        long role = created.json().getJsonNumber("id").longValue();
        assertEquals(100, created.json().getInt("score"));
        assertEquals(409, send("POST", "roles", "{\"name\":\"regional publisher\",\"scope\":\"SUB_ACCOUNT\",\"permissions\":[\"VIEW_REPORTS\"]}").status());
        assertEquals(409, send("POST", "roles", "{\"name\":\"EDITOR\",\"scope\":\"SUB_ACCOUNT\",\"permissions\":[\"VIEW_REPORTS\"]}").status(),
                "built-in names are taken too");

        ScimClient.Response edited = send("PUT", "roles/" + role, "{\"name\":\"Regional Publisher\",\"scope\":\"SUB_ACCOUNT\","
                + "\"permissions\":[\"PUBLISH_CONTENT\",\"EDIT_CONTENT\",\"VIEW_REPORTS\"]}");
        assertEquals(200, edited.status(), edited.toString());
        assertEquals(120, edited.json().getInt("score"));
        assertEquals(403, send("PUT", "roles/" + builtIn("Editor"), "{\"name\":\"Editor\",\"scope\":\"SUB_ACCOUNT\","
                + "\"permissions\":[\"VIEW_REPORTS\"]}").status(), "built-in roles are read-only");
        assertEquals(403, send("DELETE", "roles/" + builtIn("Editor"), null).status());

        long nordics = send("POST", "sub-accounts", "{\"name\":\"Nordics\"}").json().getJsonNumber("id").longValue();
        String ann = scim.post("Users", "{\"userName\":\"ann.custom@example.com\"}").json().getString("id");
        String group = scim.post("Groups", "{\"displayName\":\"Publishers\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");
        String editors = scim.post("Groups", "{\"displayName\":\"Nordic editors\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");
        long mapping = send("POST", "groups/" + group + "/mappings", "{\"roleId\":" + role + ",\"subAccountId\":" + nordics + "}")
                .json().getJsonNumber("id").longValue();
        assertEquals(201, send("POST", "groups/" + editors + "/mappings", "{\"roleId\":" + builtIn("Editor")
                + ",\"subAccountId\":" + nordics + "}").status());
        var nordicsAccess = admin.get("users/" + ann + "/effective-access").json().getJsonArray("subAccounts").getJsonObject(0);
        assertEquals("Editor", nordicsAccess.getJsonObject("role").getString("name"), "Editor 140 beats Regional Publisher 120");

        ScimClient.Response inUse = send("DELETE", "roles/" + role, null);
        assertEquals(409, inUse.status(), inUse.toString());
        assertTrue(inUse.json().getString("message").contains("Publishers"), "the refusal names where it is used");
        assertEquals(200, send("DELETE", "groups/" + group + "/mappings/" + mapping, null).status());
        assertEquals(204, send("DELETE", "roles/" + role, null).status());
        assertTrue(admin.get("roles").json().getJsonArray("roles").stream()
                .noneMatch(r -> r.asJsonObject().getString("name").equals("Regional Publisher")));
    }

    @Test
    void invalidCustomRolesAre400() {
        assertEquals(400, send("POST", "roles", "{\"name\":\"Flags\",\"scope\":\"SUB_ACCOUNT\",\"permissions\":[\"VIEW_REPORTS\"],"
                + "\"groupManager\":true}").status());
        assertEquals(400, send("POST", "roles", "{\"name\":\"Empty\",\"scope\":\"SUB_ACCOUNT\",\"permissions\":[]}").status());
        assertEquals(400, send("POST", "roles", "{\"name\":\"Unknown\",\"scope\":\"SUB_ACCOUNT\",\"permissions\":[\"FLY\"]}").status());
        assertEquals(400, send("POST", "roles", "{\"name\":\"Scope\",\"scope\":\"GALAXY\",\"permissions\":[\"VIEW_REPORTS\"]}").status());
        assertEquals(400, send("POST", "roles", "{\"scope\":\"ENTERPRISE\",\"permissions\":[\"VIEW_REPORTS\"]}").status());
        assertEquals(404, send("DELETE", "roles/999999", null).status());
    }

    @Test
    void aSubAccountRoleCannotGrantEnterpriseWidePermissions() {
        var refused = send("POST", "roles", "{\"name\":\"Shadow Admin\",\"scope\":\"SUB_ACCOUNT\",\"permissions\":"
                + "[\"MANAGE_ENTERPRISE_SETTINGS\",\"MANAGE_ROLES\",\"VIEW_REPORTS\"]}");
        assertEquals(400, refused.status(), refused.toString());
        String message = refused.json().getString("message");
        assertTrue(message.contains("Manage enterprise settings") && message.contains("Manage roles"), message);
        assertEquals(201, send("POST", "roles", "{\"name\":\"Shadow Admin\",\"scope\":\"ENTERPRISE\",\"permissions\":"
                + "[\"MANAGE_ENTERPRISE_SETTINGS\",\"MANAGE_ROLES\",\"VIEW_REPORTS\"]}").status(),
                "the same permissions on an enterprise role are fine");
        String reader = send("POST", "roles", "{\"name\":\"Reader Plus\",\"scope\":\"SUB_ACCOUNT\",\"permissions\":"
                + "[\"VIEW_REPORTS\"]}").json().get("id").toString();
        assertEquals(400, send("PUT", "roles/" + reader, "{\"name\":\"Reader Plus\",\"scope\":\"SUB_ACCOUNT\","
                + "\"permissions\":[\"VIEW_REPORTS\",\"VIEW_AUDIT_LOG\"]}").status(), "and not by an edit either");
    }
}
