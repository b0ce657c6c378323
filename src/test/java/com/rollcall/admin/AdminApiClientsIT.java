package com.rollcall.admin;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /api/admin/v1/api-clients: create (token once), list, revoke; audited; tenant-scoped. */
@ExtendWith(RollcallServer.class)
class AdminApiClientsIT {
    private final Tenant tenant = TestTenants.create("AdminClients");
    private final JsonClient admin = JsonClient.admin(tenant);

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"   \", \"scopes\": [\"scim\"]}", "{\"name\": \"\", \"scopes\": [\"scim\"]}",
            "{\"scopes\": [\"scim\"]}", "{\"name\": null, \"scopes\": [\"scim\"]}"})
    void aClientNeedsANameThatIsNotBlank(String body) {
        assertError(admin.post("api-clients", body), 400, "invalid_request");
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM api_client WHERE enterprise_id = ?", tenant.enterpriseId()),
                "only the tenant's own test client");
    }

    @Test
    void namesAreUniqueAmongTheEnterprisesLiveClientsLetterCaseAndSpacesAside() {
        ScimClient.Response first = admin.post("api-clients", "{\"name\": \"Entra ID\", \"scopes\": [\"scim\"]}");
        assertEquals(201, first.status(), first.toString());
        ScimClient.Response again = admin.post("api-clients", "{\"name\": \"  entra id \", \"scopes\": [\"scim\"]}");
        assertError(again, 409, "conflict");
        assertTrue(again.json().getString("message").contains("already exists"), again.toString());
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM api_client WHERE enterprise_id = ? AND LOWER(name) = ?",
                tenant.enterpriseId(), "entra id"));

        Tenant other = TestTenants.create("AdminClientsOther");
        assertEquals(201, JsonClient.admin(other).post("api-clients", "{\"name\": \"Entra ID\", \"scopes\": [\"scim\"]}")
                .status(), "another enterprise may use the name");

        assertEquals(200, admin.delete("api-clients/" + first.json().getString("id")).status());
        ScimClient.Response afterRevoke = admin.post("api-clients", "{\"name\": \"Entra ID\", \"scopes\": [\"scim\"]}");
        assertEquals(201, afterRevoke.status(), "revoking frees the name: " + afterRevoke);
        assertEquals("Entra ID", afterRevoke.json().getString("name"));
    }

    @Test
    void createAnswersTheTokenOnceAndTheTokenWorksOnScim() throws Exception {
        ScimClient.Response created = admin.post("api-clients", "{\"name\": \"Entra ID\", \"scopes\": [\"scim\"]}");
        assertEquals(201, created.status(), created.toString());
        JsonObject body = created.json();
        String token = body.getString("token");
        assertTrue(token.startsWith("rc_"), token);
        assertEquals("Entra ID", body.getString("name"));
        assertEquals("scim", body.getJsonArray("scopes").getString(0));
        assertEquals(1, body.getJsonArray("scopes").size());
        assertTrue(token.startsWith(body.getString("tokenHint")));
        assertNotNull(body.getString("createdAt"));
        assertTrue(body.isNull("revokedAt"));
        assertTrue(created.header("Location").orElse("").endsWith("/api-clients/" + body.getString("id")));

        assertEquals(200, new ScimClient(RollcallServer.get().scimUrl(), token).get("ServiceProviderConfig").status());
        // a scim-only client may not use the admin API
        assertError(JsonClient.admin(token).get("api-clients"), 403, "forbidden");

        ScimClient.Response list = admin.get("api-clients");
        assertEquals(200, list.status(), list.toString());
        assertFalse(list.text().contains(token), "the list never shows a token");
        assertFalse(list.text().contains(sha256(token)), "nor its hash");
        assertTrue(list.json().getJsonArray("clients").stream()
                .anyMatch(c -> c.asJsonObject().getString("id").equals(body.getString("id"))), list.toString());
        assertFalse(admin.get("api-clients/" + body.getString("id")).text().contains("\"token\""));

        // stored: the SHA-256 of the token and its hint, and in no column anything else derived from it
        Map<String, String> row = row("SELECT * FROM api_client WHERE id = ?", Long.parseLong(body.getString("id")));
        assertEquals(sha256(token), row.remove("token_hash"), "the hash is the SHA-256 of the token, in hex");
        assertEquals(token.substring(0, 7), row.remove("token_hint"), "the hint is the prefix and four characters");
        assertEquals(body.getString("tokenHint"), token.substring(0, 7));
        assertNoTraceOf(token, row, "api_client");
    }

    @Test
    void revokedTokenGets401OnScimAndTheClientStaysListedWithRevokedAt() {
        JsonObject created = admin.post("api-clients", "{\"name\": \"Okta\", \"scopes\": [\"scim\", \"admin\"]}").json();
        String id = created.getString("id");
        ScimClient scim = new ScimClient(RollcallServer.get().scimUrl(), created.getString("token"));
        assertEquals(200, scim.get("ServiceProviderConfig").status());

        ScimClient.Response revoked = admin.delete("api-clients/" + id);
        assertEquals(200, revoked.status(), revoked.toString());
        assertFalse(revoked.json().isNull("revokedAt"));

        assertEquals(401, scim.get("ServiceProviderConfig").status());
        assertError(JsonClient.admin(created.getString("token")).get("api-clients"), 401, "unauthorized");
        JsonObject listed = admin.get("api-clients/" + id).json();
        assertEquals(revoked.json().getString("revokedAt"), listed.getString("revokedAt"));

        // revoking again (POST form) is harmless and keeps the first time
        ScimClient.Response again = admin.post("api-clients/" + id + "/revoke", "{}");
        assertEquals(200, again.status(), again.toString());
        assertEquals(listed.getString("revokedAt"), again.json().getString("revokedAt"));
    }

    @Test
    void createAndRevokeAreAuditedWithTheCallingClientAsActor() throws Exception {
        JsonObject created = admin.post("api-clients", "{\"name\": \"Audited\", \"scopes\": [\"admin\"]}").json();
        String id = created.getString("id");
        String token = created.getString("token");
        admin.delete("api-clients/" + id);
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT action, actor_type, actor_id, request_id, after_state "
                     + "FROM audit_event WHERE enterprise_id = ? AND resource_type = 'ApiClient' AND resource_id = ? ORDER BY id")) {
            s.setLong(1, tenant.enterpriseId());
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("API_CLIENT_CREATED", rs.getString(1));
                assertEquals("API_CLIENT", rs.getString(2));
                assertEquals(Long.toString(tenant.apiClientId()), rs.getString(3));
                assertNotNull(rs.getString(4));
                assertTrue(rs.next());
                assertEquals("API_CLIENT_REVOKED", rs.getString(1));
                assertFalse(rs.next());
            }
        }
        // every column of both events, under whatever key: no token, no hash, nothing else derived from it
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT id FROM audit_event WHERE enterprise_id = ? "
                     + "AND resource_type = 'ApiClient' AND resource_id = ?")) {
            s.setLong(1, tenant.enterpriseId());
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                int events = 0;
                while (rs.next()) {
                    events++;
                    Map<String, String> event = row("SELECT * FROM audit_event WHERE id = ?", rs.getLong(1));
                    assertNoTraceOf(token, event, "audit_event " + event.get("action"));
                }
                assertEquals(2, events);
            }
        }
    }

    /**
     * Fails if any value holds the token, its secret part (or any 8 characters of it), the secret's bytes in
     * another encoding, a common digest of the token (the SHA-256 hex included: it belongs in token_hash only),
     * or the token reversed or in another letter case.
     */
    static void assertNoTraceOf(String token, Map<String, String> values, String where) throws Exception {
        String secret = token.substring(ApiTokens.PREFIX.length());
        byte[] bytes = Base64.getUrlDecoder().decode(secret);
        byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
        List<String> traces = new ArrayList<>(List.of(token, secret, new StringBuilder(token).reverse().toString(),
                HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().encodeToString(utf8), Base64.getUrlEncoder().encodeToString(utf8),
                HexFormat.of().formatHex(utf8)));
        for (String algorithm : List.of("MD5", "SHA-1", "SHA-256", "SHA-512")) {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(utf8);
            traces.add(HexFormat.of().formatHex(digest));
            traces.add(Base64.getEncoder().encodeToString(digest));
            traces.add(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
        for (int from = 0; from + 8 <= secret.length(); from++) {
            traces.add(secret.substring(from, from + 8));
        }
        values.forEach((column, value) -> {
            if (value == null) {
                return;
            }
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            for (String trace : traces) {
                boolean caseFree = trace.length() > 8;
                assertFalse(caseFree ? lower.contains(trace.toLowerCase(java.util.Locale.ROOT)) : value.contains(trace),
                        where + "." + column + " holds something derived from the token: " + value);
            }
        });
    }

    /** One row, every column by its lower-case name, as text. */
    private static Map<String, String> row(String sql, long id) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no row for " + id);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getString(i));
                }
                return row;
            }
        }
    }

    @Test
    void aTokenNeverIssuesOrRevokesAScopeItDoesNotHold() {
        long clients = clientRows();
        long events = TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", tenant.enterpriseId());
        Tenant adminOnly = TestTenants.create("AdminOnlyToken", 10, "admin");
        JsonClient limited = JsonClient.admin(adminOnly);
        for (String scopes : java.util.List.of("[\"scim\"]", "[\"scim\", \"admin\"]")) {
            ScimClient.Response refused = limited.post("api-clients", "{\"name\": \"Escalation\", \"scopes\": " + scopes + "}");
            assertError(refused, 403, "forbidden");
            assertTrue(refused.json().getString("message").contains("'scim' scope"), refused.toString());
        }
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM api_client WHERE enterprise_id = ? AND name = 'Escalation'",
                adminOnly.enterpriseId()), "nothing was created");
        assertEquals(201, limited.post("api-clients", "{\"name\": \"Same scope\", \"scopes\": [\"admin\"]}").status(),
                "a scope it holds is fine");

        // the limited tenant's own first client is given scim too: an admin-only token may not revoke it
        long broad = TestTenants.number("SELECT MIN(id) FROM api_client WHERE enterprise_id = ?", adminOnly.enterpriseId());
        TestTenants.execute("UPDATE api_client SET scopes = 'admin,scim' WHERE id = ?", broad);
        JsonClient second = JsonClient.admin(limited.post("api-clients", "{\"name\": \"Second\", \"scopes\": [\"admin\"]}")
                .json().getString("token"));
        assertError(second.delete("api-clients/" + broad), 403, "forbidden");
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM api_client WHERE id = ? AND revoked_at IS NOT NULL", broad),
                "not revoked");
        assertEquals(clients, clientRows(), "nothing was created in the first tenant");
        assertEquals(events, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?",
                tenant.enterpriseId()));
    }

    private long clientRows() {
        return TestTenants.number("SELECT COUNT(*) FROM api_client WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    @Test
    void anotherEnterprisesClientsAreInvisible() {
        Tenant other = TestTenants.create("AdminClientsOther");
        String foreignId = Long.toString(other.apiClientId());
        assertError(admin.get("api-clients/" + foreignId), 404, "not_found");
        assertError(admin.delete("api-clients/" + foreignId), 404, "not_found");
        assertEquals(200, new ScimClient(RollcallServer.get().scimUrl(), other.token()).get("ServiceProviderConfig").status(),
                "the foreign token still works");
        assertFalse(admin.get("api-clients").json().getJsonArray("clients").stream()
                .anyMatch(c -> c.asJsonObject().getString("id").equals(foreignId)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"scopes\": [\"scim\"]}", "{\"name\": \"\", \"scopes\": [\"scim\"]}",
            "{\"name\": \"   \", \"scopes\": [\"scim\"]}", "{\"name\": \"x\"}", "{\"name\": \"x\", \"scopes\": []}",
            "{\"name\": \"x\", \"scopes\": [\"root\"]}", "{\"name\": null, \"scopes\": [\"scim\"]}"})
    void invalidNameOrScopesIs400(String body) {
        assertError(admin.post("api-clients", body), 400, "invalid_request");
    }

    @Test
    void nameOfMoreThan200CharactersIs400And200IsFine() {
        assertError(admin.post("api-clients", "{\"name\": \"" + "n".repeat(201) + "\", \"scopes\": [\"scim\"]}"), 400, "invalid_request");
        assertEquals(201, admin.post("api-clients", "{\"name\": \"" + "n".repeat(200) + "\", \"scopes\": [\"scim\"]}").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "99999999999999999999999", "1.5"})
    void nonNumericOrUnknownIdIs404(String id) {
        assertError(admin.get("api-clients/" + id), 404, "not_found");
        assertError(admin.delete("api-clients/" + id), 404, "not_found");
    }

    private static String sha256(String token) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
