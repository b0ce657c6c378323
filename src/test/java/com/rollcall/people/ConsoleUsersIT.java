package com.rollcall.people;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/admin/v1/console-users} over HTTP: invitations (one-time links, hashed), roles, disabling and removing
 * with the rules that keep an enterprise administrable, who may manage people, and offboarding that follows the IdP
 * (a SCIM deactivation or deletion disables the console login of the same email, in the same transaction).
 */
@ExtendWith(RollcallServer.class)
class ConsoleUsersIT {
    private final Tenant tenant = TestTenants.create("People");
    private final JsonClient admin = JsonClient.admin(tenant);

    @Test
    void anInvitationIsALoginWithoutPasswordAndALinkShownOnce() {
        String email = "Kim." + UUID.randomUUID() + "@Example.com";
        ScimClient.Response invited = admin.post("console-users", "{\"email\": \"" + email + "\", \"displayName\": "
                + "\"Kim Lee\", \"role\": \"INTEGRATIONS_MANAGER\"}");
        assertEquals(201, invited.status(), invited.toString());
        JsonObject user = invited.json().getJsonObject("consoleUser");
        assertEquals(email, user.getString("login"));
        assertEquals("INVITED", user.getString("status"));
        assertEquals("INTEGRATIONS_MANAGER", user.getString("role"));
        assertEquals("Test IdP", user.getString("invitedBy"), "the API client that invited");
        assertFalse(user.isNull("invitationExpiresAt"));
        String link = invited.json().getJsonObject("invitation").getString("link");
        String token = link.substring(link.indexOf("token=") + 6);
        assertTrue(link.startsWith(RollcallServer.get().baseUrl() + "invitation.xhtml?token=rc_"), link);

        ScimClient.Response list = admin.get("console-users");
        assertFalse(list.text().contains(token), "the list never shows a link");
        assertTrue(list.json().getJsonArray("consoleUsers").getValuesAs(JsonObject.class).stream()
                .anyMatch(u -> u.getString("login").equals(email) && u.getString("status").equals("INVITED")));
        assertEquals(List.of(), columnsHolding(token.substring(3)), "nothing stores the link's token in clear");
        // the same email, in any case, cannot be invited twice
        assertError(admin.post("console-users", "{\"email\": \"" + email.toLowerCase() + "\", \"role\": "
                + "\"ENTERPRISE_ADMIN\"}"), 409, "conflict");
        // sending again gives a new link
        ScimClient.Response again = admin.post("console-users/" + user.getString("id") + "/invitation", "{}");
        assertEquals(201, again.status(), again.toString());
        assertNotEquals(link, again.json().getJsonObject("invitation").getString("link"));
        assertTrue(auditActions().containsAll(List.of("CONSOLE_USER_INVITED", "CONSOLE_USER_INVITATION_RESENT")));
    }

    @Test
    void badInvitationsAreA400NamingTheFieldAndCreateNothing() {
        long before = consoleUsers();
        for (String body : List.of("{}", "{\"email\": \"x@example.com\"}", "{\"email\": \"not an email\", \"role\": "
                + "\"ENTERPRISE_ADMIN\"}", "{\"email\": \"x@example.com\", \"role\": \"OWNER\"}", "{\"email\": 5, \"role\": "
                + "\"ENTERPRISE_ADMIN\"}", "{\"email\": \"" + "a".repeat(300) + "@example.com\", \"role\": \"ENTERPRISE_ADMIN\"}")) {
            assertError(admin.post("console-users", body), 400, "invalid_request");
        }
        assertEquals(before, consoleUsers());
    }

    @Test
    void theLastActiveEnterpriseAdminCannotBeDemotedDisabledOrRemoved() {
        String adminId = idOf(tenant.adminLogin());
        assertError(admin.patch("console-users/" + adminId, "{\"role\": \"INTEGRATIONS_MANAGER\"}"), 409, "conflict");
        assertError(admin.patch("console-users/" + adminId, "{\"disabled\": true}"), 409, "conflict");
        assertError(admin.delete("console-users/" + adminId), 409, "conflict");
        // an invited admin (no password yet) does not count as an active one
        ScimClient.Response invited = admin.post("console-users", "{\"email\": \"second." + UUID.randomUUID()
                + "@example.com\", \"role\": \"ENTERPRISE_ADMIN\"}");
        assertEquals(201, invited.status());
        assertError(admin.patch("console-users/" + adminId, "{\"disabled\": true}"), 409, "conflict");
        // a second active admin makes it possible
        String other = TestTenants.consoleUser(tenant, "ENTERPRISE_ADMIN");
        JsonObject demoted = admin.patch("console-users/" + adminId, "{\"role\": \"INTEGRATIONS_MANAGER\"}").json();
        assertEquals("INTEGRATIONS_MANAGER", demoted.getString("role"));
        assertError(admin.patch("console-users/" + idOf(other), "{\"disabled\": true}"), 409, "conflict");
        assertEquals("ENTERPRISE_ADMIN", admin.patch("console-users/" + adminId, "{\"role\": \"ENTERPRISE_ADMIN\"}").json()
                .getString("role"));
        JsonObject disabled = admin.patch("console-users/" + idOf(other), "{\"disabled\": true}").json();
        assertEquals("DISABLED", disabled.getString("status"));
        assertEquals("ACTIVE", admin.patch("console-users/" + idOf(other), "{\"disabled\": false}").json().getString("status"));
        assertEquals(204, admin.delete("console-users/" + idOf(other)).status());
        assertError(admin.get("console-users/" + idOf(tenant.adminLogin()) + "0"), 404, "not_found");
        assertTrue(auditActions().containsAll(List.of("CONSOLE_USER_ROLE_CHANGED", "CONSOLE_USER_DISABLED",
                "CONSOLE_USER_ENABLED", "CONSOLE_USER_REMOVED")), auditActions().toString());
    }

    @Test
    void onlyAdminsManagePeople() {
        Tenant scimOnly = TestTenants.create("PeopleScim", 10, "scim");
        assertError(JsonClient.admin(scimOnly).get("console-users"), 403, "forbidden");
        assertError(JsonClient.admin(scimOnly).post("console-users", "{\"email\": \"a@example.com\", \"role\": "
                + "\"ENTERPRISE_ADMIN\"}"), 403, "forbidden");
    }

    @Test
    void aScimDeactivationOrDeletionDisablesTheConsoleLoginOfTheSameEmail() {
        String manager = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        String other = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        ScimClient scim = ScimClient.forTenant(tenant);
        // linked through a secondary email, written in another case
        String userId = created(scim, "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": "
                + "\"kim.lee@corp.example\", \"emails\": [{\"value\": \"kim.lee@corp.example\", \"primary\": true}, "
                + "{\"value\": \"" + manager.toUpperCase() + "\"}]}");
        JsonObject linked = find(manager);
        assertEquals("ACTIVE", linked.getString("status"));
        assertEquals(userId, linked.getJsonObject("linkedUser").getString("id"), linked.toString());

        ScimClient.Response deactivated = scim.send(scim.request("Users/" + userId)
                .header("Content-Type", "application/scim+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"schemas\": "
                        + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [{\"op\": \"Replace\", "
                        + "\"path\": \"active\", \"value\": \"False\"}]}")));
        assertEquals(200, deactivated.status(), deactivated.toString());
        JsonObject disabled = find(manager);
        assertEquals("DISABLED", disabled.getString("status"));
        assertTrue(disabled.getString("disabledReason").contains("kim.lee@corp.example"), disabled.toString());
        assertEquals("ACTIVE", find(other).getString("status"), "nobody else");
        // the audit names the IdP's client as the actor of the disabling, in the same log
        assertTrue(auditActions().contains("CONSOLE_USER_DISABLED"));

        // deletion works the same for a login enabled again by an admin
        assertEquals("ACTIVE", admin.patch("console-users/" + disabled.getString("id"), "{\"disabled\": false}").json()
                .getString("status"));
        assertEquals(204, scim.send(scim.request("Users/" + userId).DELETE()).status());
        assertEquals("DISABLED", find(manager).getString("status"));
    }

    @Test
    void aFailedPatchThatNamedActiveFalseLeavesTheLoginAsItWas() {
        // a PATCH that fails validation after setting active=false changes nothing, the login included
        String manager = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        ScimClient scim = ScimClient.forTenant(tenant);
        String userId = created(scim, "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \""
                + manager + "\"}");
        ScimClient.Response refused = scim.send(scim.request("Users/" + userId)
                .header("Content-Type", "application/scim+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"schemas\": "
                        + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [{\"op\": \"replace\", "
                        + "\"path\": \"active\", \"value\": false}, {\"op\": \"replace\", \"path\": \"userName\", "
                        + "\"value\": \"\"}]}")));
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("ACTIVE", find(manager).getString("status"));
    }

    private JsonObject find(String login) {
        return admin.get("console-users").json().getJsonArray("consoleUsers").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("login").equalsIgnoreCase(login)).findFirst().orElseThrow();
    }

    private String idOf(String login) {
        return find(login).getString("id");
    }

    private static String created(ScimClient scim, String json) {
        ScimClient.Response response = scim.post("Users", json);
        assertEquals(201, response.status(), response.toString());
        return response.json().getString("id");
    }

    private long consoleUsers() {
        return admin.get("console-users").json().getInt("totalResults");
    }

    private List<String> auditActions() {
        List<String> actions = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT action FROM audit_event WHERE enterprise_id = ? ORDER BY id")) {
            s.setLong(1, tenant.enterpriseId());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }

    /** Columns of console_user and audit_event of this enterprise whose text contains the value. */
    private List<String> columnsHolding(String value) {
        List<String> found = new ArrayList<>();
        for (String table : List.of("console_user", "audit_event")) {
            try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM " + table + " WHERE enterprise_id = ?")) {
                s.setLong(1, tenant.enterpriseId());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            String text = rows.getString(i);
                            if (text != null && text.contains(value)) {
                                found.add(table + "." + rows.getMetaData().getColumnName(i));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }
}
