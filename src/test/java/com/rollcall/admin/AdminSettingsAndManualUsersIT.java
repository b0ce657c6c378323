package com.rollcall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PRODUCT.md rules 1, 5 and 6 through the admin API: the provisioning mode switch (audited), license
 * usage with refusals, and locked editing of SCIM-sourced users in Managed in Connected System mode.
 */
@ExtendWith(RollcallServer.class)
class AdminSettingsAndManualUsersIT {
    private final Tenant tenant = TestTenants.create("Admin settings", 2, "scim,admin");
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

    @Test
    void switchingTheProvisioningModeIsAuditedAndLocksScimUsers() {
        String scimUser = scim.post("Users", "{\"userName\":\"idp.user@example.com\",\"title\":\"From IdP\"}").json().getString("id");
        ScimClient.Response manualCreated = send("POST", "users", "{\"userName\":\"manual.user@example.com\"}");
        assertEquals(201, manualCreated.status(), manualCreated.toString());
        String manualUser = manualCreated.json().getString("id");

        ScimClient.Response platformEdit = send("PUT", "users/" + scimUser, "{\"userName\":\"idp.user@example.com\",\"title\":\"Edited\"}");
        assertEquals(200, platformEdit.status(), platformEdit.toString());
        assertTrue(platformEdit.json().getBoolean("mayBeOverwrittenByIdp"), "platform mode: allowed, flagged");

        ScimClient.Response switched = send("PATCH", "settings", "{\"provisioningMode\":\"MANAGED_IN_CONNECTED_SYSTEM\"}");
        assertEquals(200, switched.status(), switched.toString());
        assertEquals("MANAGED_IN_CONNECTED_SYSTEM", send("GET", "settings", null).json().getString("provisioningMode"));
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                + "AND action = 'PROVISIONING_MODE_CHANGED'", tenant.enterpriseId()));

        ScimClient.Response locked = send("PUT", "users/" + scimUser, "{\"userName\":\"idp.user@example.com\",\"title\":\"Again\"}");
        assertEquals(403, locked.status(), locked.toString());
        assertTrue(locked.json().getString("message").contains("identity provider"), locked.toString());
        assertEquals(403, send("POST", "users/" + scimUser + "/deactivate", null).status());
        assertEquals("Edited", scim.get("Users/" + scimUser).json().getString("title"), "nothing changed");

        ScimClient.Response manualEdit = send("PUT", "users/" + manualUser, "{\"userName\":\"manual.user@example.com\",\"title\":\"Fine\"}");
        assertEquals(403, manualEdit.status(), "rule 1: no user is edited by hand in connected mode, manual ones neither");
        assertTrue(manualEdit.json().getString("message").contains("linked to the identity provider's user"), manualEdit.toString());

        assertEquals(200, scim.send(scim.request("Users/" + scimUser).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"IdP wins\"}]}"))).status(),
                "SCIM keeps working in both modes");

        String group = scim.post("Groups", "{\"displayName\":\"Locked group\"}").json().getString("id");
        ScimClient.Response lockedMembership = send("POST", "groups/" + group + "/members", "{\"userId\":\"" + scimUser + "\"}");
        assertEquals(403, lockedMembership.status(), lockedMembership.toString());
        assertEquals(200, send("POST", "groups/" + group + "/members", "{\"userId\":\"" + manualUser + "\"}").status(),
                "manual users can be placed in groups");
        assertEquals(1, scim.get("Groups/" + group).json().getJsonArray("members").size());

        assertEquals(200, send("PATCH", "settings", "{\"provisioningMode\":\"MANAGED_IN_PLATFORM\"}").status());
        assertEquals(200, send("POST", "groups/" + group + "/members", "{\"userId\":\"" + scimUser + "\"}").status());
        assertEquals(true, send("DELETE", "groups/" + group + "/members/" + manualUser, null).json().getBoolean("changed"));
        assertEquals(1, scim.get("Groups/" + group).json().getJsonArray("members").size());
        assertEquals(200, send("PUT", "users/" + scimUser, "{\"userName\":\"idp.user@example.com\",\"title\":\"Unlocked\"}").status());
        ScimClient.Response manualAgain = send("PUT", "users/" + manualUser, "{\"userName\":\"manual.user@example.com\",\"title\":\"Fine\"}");
        assertEquals(200, manualAgain.status(), manualAgain.toString());
        assertFalse(manualAgain.json().getBoolean("mayBeOverwrittenByIdp"));
    }

    @Test
    void connectedModeRefusesAddingAndEditingUsersByHandWithTheReasonAndSwitchingBackAllowsIt() {
        String manualUser = send("POST", "users", "{\"userName\":\"kept.manual@example.com\"}").json().getString("id");
        assertEquals(200, send("PATCH", "settings", "{\"provisioningMode\":\"MANAGED_IN_CONNECTED_SYSTEM\"}").status());
        long users = TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", tenant.enterpriseId());
        long events = TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", tenant.enterpriseId());

        ScimClient.Response refused = send("POST", "users", "{\"userName\":\"by.hand@example.com\"}");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("forbidden", refused.json().getString("code"));
        String reason = refused.json().getString("message");
        assertTrue(reason.contains("'Managed in Connected System'") && reason.contains("your identity provider adds them")
                && reason.contains("Assign the person to Rollcall in your identity provider")
                && reason.contains("switch provisioning back to 'Managed in Platform'"), reason);
        assertEquals(403, send("POST", "users/" + manualUser + "/deactivate", null).status(), "a manual user is locked too");
        assertEquals(403, send("PUT", "users/" + manualUser, "{\"userName\":\"kept.manual@example.com\",\"title\":\"X\"}")
                .status());
        assertEquals(users, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", tenant.enterpriseId()),
                "nothing added");
        assertEquals(events, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?",
                tenant.enterpriseId()), "nothing changed, nothing audited");
        assertEquals(201, scim.post("Users", "{\"userName\":\"from.idp@example.com\"}").status(), "the IdP adds users");

        assertEquals(200, send("PATCH", "settings", "{\"provisioningMode\":\"MANAGED_IN_PLATFORM\"}").status());
        assertEquals(200, send("POST", "users/" + manualUser + "/deactivate", null).status(), "editing works again");
        assertEquals(201, send("POST", "users", "{\"userName\":\"by.hand@example.com\"}").status(), "and adding");
    }

    @Test
    void licenseUsageShowsRefusalsAndManualWritesObeyTheLimit() {
        assertEquals(201, send("POST", "users", "{\"userName\":\"seat1@example.com\"}").status());
        String second = send("POST", "users", "{\"userName\":\"seat2@example.com\"}").json().getString("id");
        ScimClient.Response refused = send("POST", "users", "{\"userName\":\"seat3@example.com\"}");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(403, scim.post("Users", "{\"userName\":\"seat4@example.com\"}").status());

        JsonObject license = send("GET", "license", null).json();
        assertEquals(2, license.getInt("used"));
        assertEquals(2, license.getInt("limit"));
        assertTrue(license.getBoolean("limitReached"));
        assertEquals(2, license.getInt("refusedRequests"));
        assertTrue(license.containsKey("lastRefusedAt"));

        assertEquals(200, send("POST", "users/" + second + "/deactivate", null).status());
        assertEquals(1, send("GET", "license", null).json().getInt("used"));
        TestTenants.licenseLimit(tenant, 5);
        assertEquals(5, send("GET", "license", null).json().getInt("limit"), "the operator's limit is what the API shows");
    }

    @Test
    void theEnterpriseCannotSetItsOwnLicenseLimit() {
        long events = TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", tenant.enterpriseId());
        for (String body : List.of("{\"licenseLimit\":10000000}", "{\"licenseLimit\":3}", "{\"licenseLimit\":\"many\"}",
                "{\"provisioningMode\":\"MANAGED_IN_CONNECTED_SYSTEM\",\"licenseLimit\":9}")) {
            ScimClient.Response refused = send("PATCH", "settings", body);
            assertEquals(403, refused.status(), body + " -> " + refused);
            assertEquals("forbidden", refused.json().getString("code"));
            assertTrue(refused.json().getString("message").contains("set by the operator"), refused.toString());
        }
        assertFalse(send("GET", "settings", null).json().containsKey("licenseLimit"), "settings are the enterprise's own");
        assertEquals(2, send("GET", "license", null).json().getInt("limit"));
        assertEquals("MANAGED_IN_PLATFORM", send("GET", "settings", null).json().getString("provisioningMode"),
                "a refused request changes nothing else either");
        assertEquals(events, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?",
                tenant.enterpriseId()), "nothing audited: nothing changed");
    }

    private long events(String action) {
        return TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = ? "
                + "AND actor_type = 'API_CLIENT'", tenant.enterpriseId(), action);
    }

    @Test
    void everyManualWriteLeavesExactlyOneAuditEventAndAFailedOneNone() {
        String id = send("POST", "users", "{\"userName\":\"audited.manual@example.com\",\"title\":\"A\"}").json().getString("id");
        assertEquals(200, send("PUT", "users/" + id, "{\"userName\":\"audited.manual@example.com\",\"title\":\"B\"}").status());
        assertEquals(200, send("POST", "users/" + id + "/deactivate", null).status());
        assertEquals(200, send("POST", "users/" + id + "/reactivate", null).status());
        assertEquals(200, send("PATCH", "settings", "{\"identifierRule\":\"EMPLOYEE_ID\"}").status());
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L), List.of(events("USER_CREATED"), events("USER_EDITED"),
                events("USER_DEACTIVATED"), events("USER_REACTIVATED"), events("IDENTIFIER_RULE_CHANGED")));
        long all = TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", tenant.enterpriseId());

        assertEquals(400, send("PUT", "users/" + id, "{\"title\":\"no userName\"}").status());
        assertEquals(409, send("POST", "users", "{\"userName\":\"AUDITED.manual@example.com\"}").status());
        assertEquals(200, send("PUT", "users/" + id, "{\"userName\":\"audited.manual@example.com\",\"title\":\"B\"}").status(),
                "a no-op edit");
        assertEquals(all, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", tenant.enterpriseId()),
                "failed and no-op writes leave no event");
    }

    @Test
    void badSettingsAre400AndTheScimOnlyTokenCannotUseTheAdminApi() {
        assertEquals(400, send("PATCH", "settings", "{\"provisioningMode\":\"SOMETIMES\"}").status());
        assertEquals(400, send("PATCH", "settings", "{\"identifierRule\":42}").status());
        Tenant scimOnly = TestTenants.create("Admin scim only", 5, "scim");
        ScimClient scimOnlyAdmin = new ScimClient(RollcallServer.get().baseUrl() + "api/admin/v1/", scimOnly.token());
        assertEquals(403, scimOnlyAdmin.get("settings").status());
    }
}
