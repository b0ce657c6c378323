package com.rollcall.operators;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.Operator;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator API ({@code /api/operator/v1}) end to end over HTTP: its own tokens and the whole authentication
 * matrix against the SCIM and admin APIs, onboarding (all or nothing, names unique in any case, every bad field named),
 * listing, license limits (the only place they change), suspension, and the operator's audit trail.
 */
@ExtendWith(RollcallServer.class)
class OperatorApiIT {
    private final JsonClient operator = JsonClient.operator();

    @Test
    void operatorTokensReachOnlyTheOperatorApiAndTenantTokensNeverReachIt() {
        Tenant tenant = TestTenants.create("OperatorMatrix");
        // the operator token is a stranger to the tenant APIs
        ScimClient scimAsOperator = new ScimClient(RollcallServer.get().scimUrl(), Operator.TOKEN);
        ScimClient.Response scim = scimAsOperator.get("Users");
        assertEquals(401, scim.status(), scim.toString());
        assertTrue(scim.header("WWW-Authenticate").orElse("").startsWith("Bearer"), scim.toString());
        assertError(JsonClient.admin(Operator.TOKEN).get("settings"), 401, "unauthorized");
        // a tenant's token (scim and admin scopes) is a stranger here
        assertError(JsonClient.operator(tenant.token()).get("enterprises"), 401, "unauthorized");
        Tenant scimOnly = TestTenants.create("OperatorMatrixScim", 10, "scim");
        assertError(JsonClient.operator(scimOnly.token()).get("enterprises"), 401, "unauthorized");
        // no token, an unknown token, a malformed header
        ScimClient.Response none = JsonClient.operator(null).get("enterprises");
        assertError(none, 401, "unauthorized");
        assertTrue(none.header("WWW-Authenticate").orElse("").startsWith("Bearer"), none.toString());
        assertError(JsonClient.operator("rc_notAnOperatorTokenXXXXXXXXXXXXXXXXXXXXXXXXXXXX").get("enterprises"), 401,
                "unauthorized");
        JsonClient raw = JsonClient.operator(null);
        assertError(raw.send(raw.request("enterprises").header("Authorization", "Basic " + Operator.TOKEN).GET()), 401,
                "unauthorized");
        // and the operator's own token works
        assertEquals(200, operator.get("enterprises").status());
    }

    @Test
    void issuedTokensAreShownOnceWorkAndStopWorkingWhenRevoked() throws SQLException {
        ScimClient.Response issued = operator.post("tokens", "{\"name\": \"Billing automation\"}");
        assertEquals(201, issued.status(), issued.toString());
        String token = issued.json().getString("token");
        String id = issued.json().getString("id");
        assertTrue(token.startsWith(issued.json().getString("tokenHint")));
        assertEquals(200, JsonClient.operator(token).get("enterprises").status());

        ScimClient.Response list = operator.get("tokens");
        assertEquals(200, list.status());
        assertFalse(list.text().contains(token), "a list never shows a token");
        assertFalse(list.text().contains(Operator.TOKEN), "nor the configured one");
        assertTrue(list.json().getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getBoolean("fromEnvironment") && t.isNull("revokedAt")), list.toString());
        // nothing in the table holds a token in clear
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement("SELECT * FROM operator_token");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    String value = rows.getString(column);
                    assertFalse(value != null && (value.contains(token.substring(3)) || value.contains(Operator.TOKEN.substring(3))),
                            "column " + rows.getMetaData().getColumnName(column) + " holds a token");
                }
            }
        }

        ScimClient.Response revoked = operator.delete("tokens/" + id);
        assertEquals(200, revoked.status(), revoked.toString());
        assertFalse(revoked.json().isNull("revokedAt"));
        assertError(JsonClient.operator(token).get("enterprises"), 401, "unauthorized");
        assertEquals(200, operator.delete("tokens/" + id).status(), "revoking again changes nothing");
        assertError(operator.delete("tokens/999999999"), 404, "not_found");
        assertError(operator.delete("tokens/abc"), 404, "not_found");
        assertError(operator.post("tokens", "{\"name\": \"\"}"), 400, "invalid_request");
    }

    @Test
    void theLastLiveOperatorTokenCannotBeRevoked() throws SQLException {
        ScimClient.Response issued = operator.post("tokens", "{\"name\": \"Only one left\"}");
        String token = issued.json().getString("token");
        List<String> others = new ArrayList<>();
        try {
            // revoke every other live token with the new one, then try to revoke the new one with itself
            JsonClient last = JsonClient.operator(token);
            for (JsonObject t : last.get("tokens").json().getJsonArray("tokens").getValuesAs(JsonObject.class)) {
                if (t.isNull("revokedAt") && !t.getString("id").equals(issued.json().getString("id"))) {
                    assertEquals(200, last.delete("tokens/" + t.getString("id")).status());
                    others.add(t.getString("id"));
                }
            }
            assertError(last.delete("tokens/" + issued.json().getString("id")), 409, "conflict");
            assertEquals(200, last.get("enterprises").status(), "the last token still works");
        } finally {
            // the shared server's configured token is used by every other test: put it (and the others) back
            try (Connection c = TestDatabase.connect();
                    PreparedStatement s = c.prepareStatement("UPDATE operator_token SET revoked_at = NULL WHERE id = ?")) {
                for (String id : others) {
                    s.setLong(1, Long.parseLong(id));
                    s.executeUpdate();
                }
            }
        }
        assertEquals(200, operator.get("enterprises").status());
    }

    @Test
    void onboardingCreatesTheEnterpriseItsLicensesAndTheFirstAdminsInvitation() {
        String name = "Acme " + UUID.randomUUID();
        ScimClient.Response created = operator.post("enterprises", Json.createObjectBuilder().add("name", name)
                .add("licenseLimit", 250).add("identifierRule", "EMPLOYEE_ID")
                .add("provisioningMode", "MANAGED_IN_CONNECTED_SYSTEM")
                .add("firstAdminEmail", "it." + UUID.randomUUID() + "@acme.example").add("firstAdminName", "Acme IT").build());
        assertEquals(201, created.status(), created.toString());
        JsonObject enterprise = created.json().getJsonObject("enterprise");
        String id = enterprise.getString("id");
        assertEquals(name, enterprise.getString("name"));
        assertEquals(250, enterprise.getInt("licenseLimit"));
        assertEquals(0, enterprise.getInt("seatsUsed"));
        assertEquals("EMPLOYEE_ID", enterprise.getString("identifierRule"));
        assertEquals("MANAGED_IN_CONNECTED_SYSTEM", enterprise.getString("provisioningMode"));
        assertFalse(enterprise.getBoolean("suspended"));
        assertTrue(enterprise.isNull("lastScimCallAt"));
        assertTrue(created.header("Location").orElse("").endsWith("/enterprises/" + id), created.toString());
        JsonObject invitation = created.json().getJsonObject("invitation");
        String link = invitation.getString("link");
        assertTrue(link.startsWith(RollcallServer.get().baseUrl() + "invitation.xhtml?token=rc_"), link);
        assertEquals(43, link.substring(link.indexOf("token=rc_") + 9).length(), "256 random bits, base64url");
        assertFalse(invitation.getString("expiresAt").isBlank());

        JsonObject read = operator.get("enterprises/" + id).json();
        assertEquals(name, read.getString("name"));
        assertEquals(250, read.getInt("licenseLimit"));
        // the invitation is stored as a hash only, for an invited admin without a password
        assertEquals(List.of("INVITED"), statuses(Long.parseLong(id)));
        assertEquals(0, countWhere("SELECT COUNT(*) FROM console_user WHERE invitation_hash = ?",
                link.substring(link.indexOf("token=") + 6)), "the token is not stored in clear");

        // listed and found by any part of its name, in any case
        JsonObject page = operator.get("enterprises?q=" + name.substring(5, 20).toUpperCase() + "&count=5").json();
        assertEquals(1, page.getInt("totalResults"), page.toString());
        assertEquals(id, page.getJsonArray("enterprises").getJsonObject(0).getString("id"));

        // the enterprise's own log says who did it
        List<String> actions = auditActions(Long.parseLong(id));
        assertTrue(actions.containsAll(List.of("ENTERPRISE_CREATED:OPERATOR", "LICENSE_LIMIT_CHANGED:OPERATOR",
                "CONSOLE_USER_INVITED:OPERATOR")), actions.toString());
    }

    @Test
    void enterpriseNamesAreUniqueInAnyCaseAndATakenAdminEmailLeavesNothingBehind() {
        String name = "Globex " + UUID.randomUUID();
        String email = "admin." + UUID.randomUUID() + "@globex.example";
        assertEquals(201, operator.post("enterprises", onboarding(name, email)).status());
        assertError(operator.post("enterprises", onboarding(name.toUpperCase(), "other." + email)), 409, "conflict");
        // a taken email refuses the whole onboarding: no enterprise, no licenses, no audit
        String second = "Initech " + UUID.randomUUID();
        assertError(operator.post("enterprises", onboarding(second, email.toUpperCase())), 409, "conflict");
        assertEquals(0, countWhere("SELECT COUNT(*) FROM enterprise WHERE name = ?", second));
        assertEquals(201, operator.post("enterprises", onboarding(second, "new." + email)).status(),
                "the name was never taken");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"name\": \"X\"}",
            "{\"name\": \"\", \"licenseLimit\": 5, \"firstAdminEmail\": \"a@b.example\"}",
            "{\"name\": 5, \"licenseLimit\": 5, \"firstAdminEmail\": \"a@b.example\"}",
            "{\"name\": \"N\", \"licenseLimit\": -1, \"firstAdminEmail\": \"a@b.example\"}",
            "{\"name\": \"N\", \"licenseLimit\": 10000001, \"firstAdminEmail\": \"a@b.example\"}",
            "{\"name\": \"N\", \"licenseLimit\": 1.5, \"firstAdminEmail\": \"a@b.example\"}",
            "{\"name\": \"N\", \"licenseLimit\": \"5\", \"firstAdminEmail\": \"a@b.example\"}",
            "{\"name\": \"N\", \"licenseLimit\": 5}",
            "{\"name\": \"N\", \"licenseLimit\": 5, \"firstAdminEmail\": \"not-an-email\"}",
            "{\"name\": \"N\", \"licenseLimit\": 5, \"firstAdminEmail\": \"a@b.example\", \"identifierRule\": \"SSN\"}",
            "{\"name\": \"N\", \"licenseLimit\": 5, \"firstAdminEmail\": \"a@b.example\", \"provisioningMode\": 1}",
            "{\"name\": \"N\", \"licenseLimit\": 5, \"firstAdminEmail\": \"a@b.example\", \"licenseLimt\": 5}",
            "[1, 2]",
            "not json"})
    void badOnboardingInputIsA400NamingTheProblemAndCreatesNothing(String body) {
        long before = countWhere("SELECT COUNT(*) FROM enterprise WHERE name = ?", "N");
        ScimClient.Response response = operator.post("enterprises", body);
        assertError(response, 400, "invalid_request");
        assertEquals(before, countWhere("SELECT COUNT(*) FROM enterprise WHERE name = ?", "N"));
    }

    @Test
    void theLicenseLimitChangesOnlyHereAndALimitBelowUsageSaysSo() {
        Tenant tenant = TestTenants.create("OperatorLimit", 10, "scim,admin");
        for (int i = 0; i < 3; i++) {
            ScimClient.Response user = ScimClient.forTenant(tenant).post("Users", Json.createObjectBuilder()
                    .add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:schemas:core:2.0:User"))
                    .add("userName", "limit" + i + "@example.test").add("active", true).build());
            assertEquals(201, user.status(), user.toString());
        }
        ScimClient.Response lowered = operator.patch("enterprises/" + tenant.enterpriseId(), "{\"licenseLimit\": 2}");
        assertEquals(200, lowered.status(), lowered.toString());
        assertEquals(2, lowered.json().getJsonObject("enterprise").getInt("licenseLimit"));
        assertEquals(3, lowered.json().getJsonObject("enterprise").getInt("seatsUsed"), "nobody lost a seat");
        assertTrue(lowered.json().getString("notice").contains("below the 3 seats in use"), lowered.toString());
        // a new seat is refused, with the usual SCIM 403
        ScimClient.Response refused = ScimClient.forTenant(tenant).post("Users", Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:schemas:core:2.0:User"))
                .add("userName", "one-more@example.test").build());
        assertEquals(403, refused.status(), refused.toString());
        ScimClient.Response raised = operator.patch("enterprises/" + tenant.enterpriseId(),
                "{\"licenseLimit\": 20, \"name\": \"" + tenant.name() + " (renamed)\"}");
        assertEquals(200, raised.status(), raised.toString());
        assertTrue(raised.json().isNull("notice"));
        assertEquals(tenant.name() + " (renamed)", raised.json().getJsonObject("enterprise").getString("name"));
        // the enterprise's own admin API shows it and cannot change it
        assertEquals(20, JsonClient.admin(tenant).get("license").json().getInt("limit"));
        assertError(JsonClient.admin(tenant).patch("settings", "{\"licenseLimit\": 1000}"), 403, "forbidden");
        assertError(operator.patch("enterprises/" + tenant.enterpriseId(), "{}"), 400, "invalid_request");
        assertError(operator.patch("enterprises/" + tenant.enterpriseId(), "{\"licenseLimit\": -5}"), 400, "invalid_request");
        assertError(operator.patch("enterprises/999999999", "{\"licenseLimit\": 5}"), 404, "not_found");
        List<String> actions = auditActions(tenant.enterpriseId());
        assertTrue(actions.containsAll(List.of("LICENSE_LIMIT_CHANGED:OPERATOR", "ENTERPRISE_RENAMED:OPERATOR")),
                actions.toString());
    }

    @Test
    void aSuspendedEnterprisesApisRefuseEveryCallAndNothingIsDeleted() {
        Tenant tenant = TestTenants.create("OperatorSuspend");
        ScimClient scim = ScimClient.forTenant(tenant);
        ScimClient.Response user = scim.post("Users", Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:schemas:core:2.0:User"))
                .add("userName", "kept@example.test").build());
        assertEquals(201, user.status());
        JsonObject suspended = operator.post("enterprises/" + tenant.enterpriseId() + "/suspend",
                "{\"reason\": \"Unpaid invoice\"}").json();
        assertTrue(suspended.getBoolean("suspended"), suspended.toString());
        assertEquals("Unpaid invoice", suspended.getString("suspendedReason"));

        ScimClient.Response scimRefused = scim.get("Users");
        assertEquals(403, scimRefused.status(), scimRefused.toString());
        assertTrue(scimRefused.json().getString("detail").contains("suspended"), scimRefused.toString());
        ScimClient.Response adminRefused = JsonClient.admin(tenant).get("settings");
        assertError(adminRefused, 403, "forbidden");
        assertTrue(adminRefused.json().getString("message").contains("suspended"), adminRefused.toString());
        assertTrue(operator.get("enterprises/" + tenant.enterpriseId()).json().getBoolean("suspended"));

        JsonObject resumed = operator.post("enterprises/" + tenant.enterpriseId() + "/resume", "{}").json();
        assertFalse(resumed.getBoolean("suspended"));
        ScimClient.Response back = scim.get("Users/" + user.json().getString("id"));
        assertEquals(200, back.status(), "the user is still there: " + back);
        assertTrue(auditActions(tenant.enterpriseId()).containsAll(List.of("ENTERPRISE_SUSPENDED:OPERATOR",
                "ENTERPRISE_RESUMED:OPERATOR")));
    }

    @Test
    void theOperatorsTrailListsItsActionsOnEnterprisesAndTokens() {
        ScimClient.Response issued = operator.post("tokens", "{\"name\": \"Trail " + UUID.randomUUID() + "\"}");
        assertEquals(201, issued.status());
        JsonObject trail = operator.get("audit-events?count=20").json();
        List<JsonObject> events = trail.getJsonArray("events").getValuesAs(JsonObject.class);
        assertTrue(events.stream().anyMatch(e -> e.getString("action").equals("OPERATOR_TOKEN_CREATED")
                && e.isNull("enterpriseId") && e.getJsonObject("resource").getString("id").equals(issued.json().getString("id"))),
                trail.toString());
        assertFalse(trail.toString().contains(issued.json().getString("token")));
        assertError(operator.get("audit-events?count=-1"), 400, "invalid_request");
    }

    private static JsonObject onboarding(String name, String email) {
        return Json.createObjectBuilder().add("name", name).add("licenseLimit", 10).add("firstAdminEmail", email).build();
    }

    private static List<String> statuses(long enterpriseId) {
        List<String> statuses = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT password_hash IS NULL, disabled FROM console_user WHERE enterprise_id = ? ORDER BY id")) {
            s.setLong(1, enterpriseId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getBoolean(1) ? "INVITED" : rows.getBoolean(2) ? "DISABLED" : "ACTIVE");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    static long countWhere(String sql, Object parameter) {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The enterprise's audit actions with their actor type ({@code ACTION:ACTOR_TYPE}), oldest first. */
    static List<String> auditActions(long enterpriseId) {
        List<String> actions = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT action, actor_type FROM audit_event WHERE enterprise_id = ? ORDER BY id")) {
            s.setLong(1, enterpriseId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1) + ":" + rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }
}
