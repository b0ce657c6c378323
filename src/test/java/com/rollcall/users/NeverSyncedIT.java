package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PRODUCT.md rule 7: passwords, authentication settings, role permissions and account access never
 * come through SCIM: sent, they are ignored, never stored, never echoed (and never fail the request).
 */
@ExtendWith(RollcallServer.class)
class NeverSyncedIT {
    private static final List<String> SECRETS = List.of("Pa55word!", "AdminRoleSecret", "EntitlementSecret",
            "CertSecret", "MfaSecret", "AccessSecret");

    @Test
    void credentialsRolesEntitlementsAndAccessAreIgnored() throws SQLException {
        var tenant = TestTenants.create("Never synced");
        ScimClient scim = ScimClient.forTenant(tenant);
        ScimClient.Response created = scim.post("Users", """
                {"userName":"tries@example.com","password":"Pa55word!",
                 "roles":"[{\\"value\\":\\"AdminRoleSecret\\",\\"primary\\":true}]",
                 "entitlements":[{"value":"EntitlementSecret"}],
                 "x509Certificates":[{"value":"CertSecret"}],
                 "urn:example:auth:2.0:User":{"mfa":"MfaSecret"},
                 "subAccountAccess":"AccessSecret"}""");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().getString("id");

        ScimClient.Response patched = scim.send(scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Operations\":[{\"op\":\"replace\",\"path\":\"password\","
                        + "\"value\":\"Pa55word!\"},{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"AdminRoleSecret\"}]}]}")));
        assertEquals(200, patched.status(), patched.toString());

        for (JsonObject echoed : List.of(created.json(), patched.json(), scim.get("Users/" + id).json())) {
            for (String secret : SECRETS) {
                assertFalse(echoed.toString().contains(secret), secret + " echoed");
            }
            assertFalse(echoed.containsKey("password"));
            assertFalse(echoed.containsKey("roles"));
        }
        try (Connection c = TestDatabase.connect()) {
            for (String table : List.of("user_account", "user_multi_value", "audit_event")) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table + " WHERE enterprise_id = "
                        + tenant.enterpriseId())) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            String value = String.valueOf(rs.getObject(i));
                            for (String secret : SECRETS) {
                                assertFalse(value.contains(secret), secret + " stored in " + table);
                            }
                        }
                    }
                }
            }
        }
    }
}
