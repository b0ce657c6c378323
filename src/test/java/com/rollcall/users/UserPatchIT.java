package com.rollcall.users;

import static com.rollcall.testing.ScimCalls.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.rollcall.testing.Parallel;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TenantSnapshot;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PATCH /Users/{id} over HTTP: both dialects, all-or-nothing, no-ops, If-Match, uniqueness. */
@ExtendWith(RollcallServer.class)
class UserPatchIT {
    private final Tenant tenant = TestTenants.create("User patch");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    private JsonObject create(String json) {
        ScimClient.Response created = scim.post("Users", json);
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private ScimClient.Response patch(String id, String operations, String... headers) {
        HttpRequest.Builder request = scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return scim.send(request);
    }

    @Test
    void entraDialectDeactivatesAndUpdatesAttributes() {
        JsonObject user = create("{\"userName\":\"patch.entra@example.com\",\"title\":\"Old\"}");
        ScimClient.Response patched = patch(user.getString("id"), """
                [{"op":"Replace","path":"active","value":"False"},
                 {"op":"Add","path":"title","value":"New"},
                 {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"patch.entra@example.com"},
                 {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"mgr-9"}]""");

        assertEquals(200, patched.status(), patched.toString());
        JsonObject read = scim.get("Users/" + user.getString("id")).json();
        assertEquals(patched.json(), read);
        assertFalse(read.getBoolean("active"));
        assertEquals("New", read.getString("title"));
        assertEquals("work", read.getJsonArray("emails").getJsonObject(0).getString("type"));
        assertEquals("mgr-9", read.getJsonObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                .getJsonObject("manager").getString("value"));
    }

    @Test
    void pathlessReplaceWithPathKeysAndLowercaseRfcOps() {
        JsonObject user = create("{\"userName\":\"pathless@example.com\"}");
        assertEquals(200, patch(user.getString("id"), """
                [{"op":"replace","value":{"displayName":"Pat Less","name.givenName":"Pat",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"E-77"}}]""").status());
        JsonObject read = scim.get("Users/" + user.getString("id")).json();
        assertEquals("Pat Less", read.getString("displayName"));
        assertEquals("Pat", read.getJsonObject("name").getString("givenName"));
        assertEquals("E-77", read.getJsonObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").getString("employeeNumber"));
    }

    @Test
    void aFailingOperationLeavesTheUserUntouched() {
        JsonObject user = create("{\"userName\":\"atomic@example.com\",\"title\":\"Kept\"}");
        ScimClient.Response failed = patch(user.getString("id"), """
                [{"op":"replace","path":"title","value":"Changed"},{"op":"replace","path":"nosuch","value":"x"}]""");
        assertEquals(400, failed.status(), failed.toString());
        assertEquals("invalidPath", failed.json().getString("scimType"));
        assertEquals(user, scim.get("Users/" + user.getString("id")).json());
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        JsonObject user = create("{\"userName\":\"same.patch@example.com\",\"title\":\"Same\"}");
        ScimClient.Response same = patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Same\"}]");
        assertEquals(200, same.status());
        assertEquals(user.getJsonObject("meta"), same.json().getJsonObject("meta"));
    }

    @Test
    void renameToATakenUserNameIs409AndChangesNothing() {
        create("{\"userName\":\"taken.patch@example.com\"}");
        JsonObject user = create("{\"userName\":\"mine.patch@example.com\",\"title\":\"Kept\"}");
        ScimClient.Response clash = patch(user.getString("id"),
                "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Changed\"},"
                + "{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"TAKEN.patch@example.com\"}]");
        assertScimError(clash, 409, "uniqueness");
        assertEquals(user, read(user), "neither the title nor the userName changed; same version");
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        JsonObject user = create("{\"userName\":\"stale.patch@example.com\",\"title\":\"Kept\"}");
        ScimClient.Response stale = patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]",
                "If-Match", "W/\"999\"");
        assertScimError(stale, 412, null);
        assertEquals(user, read(user), "unchanged, same version");

        ScimClient.Response fresh = patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]",
                "If-Match", user.getJsonObject("meta").getString("version"));
        assertEquals(200, fresh.status(), fresh.toString());
        assertEquals(fresh.json(), read(user));
        assertEquals("x", fresh.json().getString("title"));
    }

    @Test
    void returnMinimalIs204WithoutABodyAndThePatchIsApplied() {
        JsonObject user = create("{\"userName\":\"minimal.patch@example.com\",\"title\":\"Old\"}");
        ScimClient.Response minimal = patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]",
                "Prefer", "return=minimal");
        assertEquals(204, minimal.status(), minimal.toString());
        assertEquals("", minimal.text(), "no body");
        JsonObject read = read(user);
        assertEquals("x", read.getString("title"), "applied");
        assertNotEquals(user.getJsonObject("meta").getString("version"), read.getJsonObject("meta").getString("version"));
        assertEquals(read.getJsonObject("meta").getString("version"), minimal.header("ETag").orElse(null),
                "the ETag of the patched user");
    }

    @Test
    void unknownOrDeletedUserIs404AndNothingIsWritten() {
        JsonObject gone = create("{\"userName\":\"gone.patch@example.com\",\"title\":\"Gone\"}");
        assertEquals(204, scim.send(scim.request("Users/" + gone.getString("id")).DELETE()).status());
        Map<String, String> before = TenantSnapshot.of(tenant);

        assertScimError(patch("no-such-user", "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]"), 404, null);
        assertScimError(patch(gone.getString("id"), "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"},"
                + "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]"), 404, null);

        assertEquals(before, TenantSnapshot.of(tenant), "no user, value, audit event or seat was written");
        assertEquals(404, scim.get("Users/" + gone.getString("id")).status(), "the deleted user stays deleted");
        assertEquals("Gone", TestTenants.text("SELECT title FROM user_account WHERE scim_id = ?", gone.getString("id")));
    }

    /**
     * The write is plain SQL (issue 20): a PATCH that only deactivates changes active, the seat, lastModified and the
     * version, and keeps every other column of the row (the roles engine's license exemption, the link to the IdP,
     * the manager...) and every multi-valued row as they were; its SCIM form differs in active and meta alone.
     */
    @Test
    void aPatchOfActiveAloneKeepsEveryOtherColumnAndEveryMultiValuedRow() throws SQLException {
        JsonObject user = create("""
                {"userName":"keep.patch@example.com","externalId":"ext-keep","title":"Kept","displayName":"Keep Me",
                 "name":{"givenName":"Keep","familyName":"Me","formatted":"Keep Me"},"locale":"de-DE",
                 "emails":[{"value":"Keep.Patch@example.com","type":"work","primary":true},
                           {"value":"keep2@example.com","type":"home"}],
                 "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}],
                 "addresses":[{"streetAddress":"1 Road","locality":"Town","postalCode":"12345","country":"DE","type":"work"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-1","department":"Ops",
                   "manager":{"value":"mgr-1"}}}""");
        String id = user.getString("id");
        TestTenants.execute("UPDATE user_account SET license_exempt = TRUE, linked_at = '2026-01-02 03:04:05.678', "
                + "linked_by = 'Okta client' WHERE scim_id = ?", id);
        JsonObject linked = read(user);
        Map<String, String> row = rows("SELECT * FROM user_account WHERE scim_id = ?", id).get(0);
        List<Map<String, String>> values = rows("SELECT v.* FROM user_multi_value v JOIN user_account u ON u.id = v.user_id "
                + "WHERE u.scim_id = ? ORDER BY v.ordinal", id);
        assertEquals(4, values.size());

        ScimClient.Response patched = patch(id, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
        assertEquals(200, patched.status(), patched.toString());

        Map<String, String> after = rows("SELECT * FROM user_account WHERE scim_id = ?", id).get(0);
        for (String changed : List.of("active", "holds_seat", "last_modified", "version")) {
            assertNotEquals(row.remove(key(row, changed)), after.remove(key(after, changed)), changed);
        }
        assertEquals(row, after, "every other column as it was");
        assertEquals(values, rows("SELECT v.* FROM user_multi_value v JOIN user_account u ON u.id = v.user_id "
                + "WHERE u.scim_id = ? ORDER BY v.ordinal", id), "the multi-valued rows as they were");
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE scim_id = ? AND active = FALSE "
                + "AND holds_seat = FALSE AND license_exempt = TRUE AND version = 2", id));
        assertEquals(withoutActiveAndMeta(linked), withoutActiveAndMeta(patched.json()));
        assertEquals(patched.json(), read(user));
        assertEquals("W/\"2\"", patched.json().getJsonObject("meta").getString("version"));
    }

    /**
     * Two PATCHes of one user at once (Entra's sync threads) queue on the user's row lock: both apply, one after the
     * other (versions 2 and 3), neither undoes the other.
     */
    @Test
    void twoConcurrentPatchesOfOneUserBothApplyOneAfterTheOther() {
        JsonObject user = create("{\"userName\":\"twice.patch@example.com\"}");
        String id = user.getString("id");
        List<ScimClient.Response> answers = Parallel.together(2, client -> patch(id, client == 0
                ? "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"From one\"}]"
                : "[{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"twice@example.com\"}]"));
        for (ScimClient.Response answer : answers) {
            assertEquals(200, answer.status(), answer.toString());
        }
        assertEquals(List.of("W/\"2\"", "W/\"3\""), answers.stream()
                .map(answer -> answer.json().getJsonObject("meta").getString("version")).sorted().toList());
        JsonObject read = read(user);
        assertEquals("From one", read.getString("title"));
        assertEquals("twice@example.com", read.getJsonArray("emails").getJsonObject(0).getString("value"));
        assertEquals("W/\"3\"", read.getJsonObject("meta").getString("version"));
    }

    private static JsonObject withoutActiveAndMeta(JsonObject user) {
        return Json.createObjectBuilder(user).remove("active").remove("meta").build();
    }

    /** The column's key as the driver labels it (lower case on MariaDB, upper case on H2). */
    private static String key(Map<String, String> row, String column) {
        return row.containsKey(column) ? column : column.toUpperCase(Locale.ROOT);
    }

    /** Rows of a query, each column by label as text. */
    private static List<Map<String, String>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private JsonObject read(JsonObject user) {
        ScimClient.Response read = scim.get("Users/" + user.getString("id"));
        assertEquals(200, read.status(), read.toString());
        return read.json();
    }

    @Test
    void malformedPatchBodiesAre400() {
        JsonObject user = create("{\"userName\":\"bad.patch@example.com\"}");
        assertEquals("invalidSyntax", patch(user.getString("id"), "[{\"op\":\"explode\",\"path\":\"title\"}]").json().getString("scimType"));
        assertEquals("noTarget", patch(user.getString("id"), "[{\"op\":\"remove\"}]").json().getString("scimType"));
        assertEquals("invalidValue", patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]")
                .json().getString("scimType"));
        assertEquals("mutability", patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]")
                .json().getString("scimType"));
    }
}
