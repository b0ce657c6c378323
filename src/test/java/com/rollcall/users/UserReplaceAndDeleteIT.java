package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Okta's PUT (full replace, deactivation) and DELETE (soft delete), with If-Match. */
@ExtendWith(RollcallServer.class)
class UserReplaceAndDeleteIT {
    private final Tenant tenant = TestTenants.create("Replace");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    private JsonObject create(String json) {
        ScimClient.Response created = scim.post("Users", json);
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private ScimClient.Response put(String id, String json, String ifMatch) {
        HttpRequest.Builder request = scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return scim.send(request);
    }

    private ScimClient.Response delete(String id, String ifMatch) {
        HttpRequest.Builder request = scim.request("Users/" + id).DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return scim.send(request);
    }

    @Test
    void putReplacesEveryAttributeAndClearsWhatIsNoLongerSent() {
        JsonObject user = create("{\"userName\":\"okta.put@example.com\",\"title\":\"Engineer\",\"nickName\":\"Oki\","
                + "\"name\":{\"givenName\":\"Oki\",\"familyName\":\"Ta\"}}");

        ScimClient.Response replaced = put(user.getString("id"), "{\"userName\":\"okta.put@example.com\","
                + "\"title\":\"Manager\",\"name\":{\"givenName\":\"Oki\",\"familyName\":\"Ta\"},\"active\":true}", null);

        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals("Manager", replaced.json().getString("title"));
        assertFalse(replaced.json().containsKey("nickName"), "not sent in the PUT: cleared");
        assertNotEquals(user.getJsonObject("meta").getString("version"), replaced.json().getJsonObject("meta").getString("version"));
        assertEquals(replaced.json(), scim.get("Users/" + user.getString("id")).json());
    }

    @Test
    void putWithActiveFalseDeactivatesAndKeepsTheUser() {
        JsonObject user = create("{\"userName\":\"okta.off@example.com\"}");
        ScimClient.Response off = put(user.getString("id"), "{\"userName\":\"okta.off@example.com\",\"active\":false}", null);
        assertEquals(200, off.status());
        assertFalse(off.json().getBoolean("active"));
        assertEquals(off.json(), scim.get("Users/" + user.getString("id")).json(), "kept, deactivated");
    }

    @Test
    void putThatChangesNothingKeepsVersionAndLastModified() {
        JsonObject user = create("{\"userName\":\"noop@example.com\",\"title\":\"Same\"}");
        ScimClient.Response same = put(user.getString("id"), "{\"userName\":\"noop@example.com\",\"title\":\"Same\"}", null);
        assertEquals(200, same.status());
        assertEquals(user.getJsonObject("meta"), same.json().getJsonObject("meta"));
    }

    @Test
    void putToAnotherUsersUserNameIs409AndChangesNothing() {
        create("{\"userName\":\"taken@example.com\"}");
        JsonObject mine = create("{\"userName\":\"mine@example.com\"}");
        ScimClient.Response clash = put(mine.getString("id"), "{\"userName\":\"TAKEN@example.com\"}", null);
        assertEquals(409, clash.status(), clash.toString());
        assertEquals("uniqueness", clash.json().getString("scimType"));
        assertEquals("mine@example.com", scim.get("Users/" + mine.getString("id")).json().getString("userName"));
    }

    @Test
    void ifMatchWithAStaleVersionIs412AndAMatchingOneProceeds() {
        JsonObject user = create("{\"userName\":\"etag@example.com\"}");
        String etag = user.getJsonObject("meta").getString("version");

        ScimClient.Response stale = put(user.getString("id"), "{\"userName\":\"etag@example.com\",\"title\":\"x\"}",
                "W/\"999\"");
        assertEquals(412, stale.status(), stale.toString());
        assertEquals("412", stale.json().getString("status"));

        ScimClient.Response fresh = put(user.getString("id"), "{\"userName\":\"etag@example.com\",\"title\":\"x\"}", etag);
        assertEquals(200, fresh.status(), fresh.toString());
        assertEquals(412, delete(user.getString("id"), etag).status(), "the old version no longer matches");
        assertEquals(204, delete(user.getString("id"), fresh.json().getJsonObject("meta").getString("version")).status());
    }

    @Test
    void deleteIsSoftThen404AndTheUserNameCanBeProvisionedAfresh() {
        JsonObject user = create("{\"userName\":\"leaver@example.com\",\"externalId\":\"leaver-1\","
                + "\"emails\":[{\"value\":\"leaver@example.com\",\"type\":\"work\"}],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"L-1\"}}");
        String id = user.getString("id");
        assertEquals(1, seatsUsed());

        assertEquals(204, delete(id, null).status());

        assertEquals(404, scim.get("Users/" + id).status());
        assertEquals(404, delete(id, null).status());
        assertEquals(404, put(id, "{\"userName\":\"leaver@example.com\"}", null).status());
        assertEquals(0, scim.get("Users?filter=userName%20eq%20%22leaver@example.com%22").json().getInt("totalResults"),
                "invisible to SCIM");

        // soft: the row is kept, with its values, marked deleted, inactive, without a seat, and with its
        // identifiers' unique keys freed; its values and its audit history stay in the database
        assertEquals(List.of("deleted", "inactive", "no seat", "leaver@example.com", "-", "leaver-1", "-", "L-1", "-"),
                row(id), "the user's row after the DELETE");
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_multi_value m JOIN user_account u ON u.id = m.user_id "
                + "WHERE u.scim_id = ? AND m.item_value = 'leaver@example.com'", id), "its email is kept");
        assertEquals(0, seatsUsed(), "the seat is freed");
        assertEquals(List.of("USER_CREATED", "USER_DELETED"), auditActions(id), "its history is kept");
        assertEquals("leaver@example.com", json(TestTenants.text("SELECT before_state FROM audit_event WHERE enterprise_id = ? "
                + "AND resource_id = ? AND action = 'USER_DELETED'", tenant.enterpriseId(), id)).getString("userName"),
                "the delete event records what was deleted");

        JsonObject again = create("{\"userName\":\"LEAVER@example.com\",\"externalId\":\"leaver-1\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"L-1\"}}");
        assertNotEquals(id, again.getString("id"), "a new user, never the deleted one brought back");
        assertEquals(List.of("deleted", "inactive", "no seat", "leaver@example.com", "-", "leaver-1", "-", "L-1", "-"),
                row(id), "the deleted row is untouched by the new user that took its identifiers");
        assertEquals(List.of("live", "active", "seat", "LEAVER@example.com", "leaver@example.com", "leaver-1", "leaver-1",
                "L-1", "l-1"), row(again.getString("id")));
        assertEquals(2, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", tenant.enterpriseId()));
    }

    /**
     * The user's row as words: live or deleted, active, seat, then userName, its unique key, externalId, its
     * unique key, employeeNumber and its key ("-" for NULL).
     */
    private List<String> row(String scimId) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT deleted_at, active, holds_seat, user_name, user_name_key, "
                     + "external_id, external_id_key, employee_number, employee_number_key FROM user_account "
                     + "WHERE enterprise_id = ? AND scim_id = ?")) {
            s.setLong(1, tenant.enterpriseId());
            s.setString(2, scimId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return List.of("no row");
                }
                List<String> row = new ArrayList<>(List.of(rs.getObject(1) == null ? "live" : "deleted",
                        rs.getBoolean(2) ? "active" : "inactive", rs.getBoolean(3) ? "seat" : "no seat"));
                for (int i = 4; i <= 9; i++) {
                    row.add(rs.getString(i) == null ? "-" : rs.getString(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> auditActions(String scimId) {
        List<String> actions = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT action FROM audit_event WHERE enterprise_id = ? "
                     + "AND resource_type = 'User' AND resource_id = ? ORDER BY id")) {
            s.setLong(1, tenant.enterpriseId());
            s.setString(2, scimId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }

    private long seatsUsed() {
        return TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    private static JsonObject json(String text) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void deleteRemovesTheUsersMemberships() {
        JsonObject user = create("{\"userName\":\"member.leaver@example.com\"}");
        JsonObject stays = create("{\"userName\":\"member.stays@example.com\"}");
        String group = scim.post("Groups", "{\"displayName\":\"Leavers\",\"members\":[{\"value\":\""
                + user.getString("id") + "\"},{\"value\":\"" + stays.getString("id") + "\"}]}").json().getString("id");

        JsonObject groupBefore = scim.get("Groups/" + group).json();

        assertEquals(204, delete(user.getString("id"), null).status());

        JsonObject read = scim.get("Groups/" + group).json();
        assertEquals(1, read.getJsonArray("members").size());
        assertNotEquals(groupBefore.getJsonObject("meta").getString("version"), read.getJsonObject("meta").getString("version"),
                "the group's membership changed, so its ETag changes");
        assertEquals(stays.getString("id"), read.getJsonArray("members").getJsonObject(0).getString("value"));
    }

    @Test
    void putWithBadInputIs400AndChangesNothing() {
        JsonObject user = create("{\"userName\":\"badput@example.com\",\"title\":\"Kept\"}");
        ScimClient.Response bad = put(user.getString("id"), "{\"title\":\"no userName\"}", null);
        assertEquals(400, bad.status());
        assertEquals("invalidValue", bad.json().getString("scimType"));
        assertEquals(user, scim.get("Users/" + user.getString("id")).json(), "unchanged, version included");
    }
}
