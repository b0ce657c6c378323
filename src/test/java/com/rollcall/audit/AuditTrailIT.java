package com.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PRODUCT.md rule 9: every SCIM write leaves exactly one audit event — actor (the API client), action,
 * resource, before and after, caller address, request id — in the same transaction; a failed write
 * leaves none.
 */
@ExtendWith(RollcallServer.class)
class AuditTrailIT {
    private final Tenant tenant = TestTenants.create("Audit");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    record Event(String actorType, String actorId, String action, String resourceType, String resourceId,
            JsonObject before, JsonObject after, String address, String requestId) {
    }

    private List<Event> events() throws SQLException {
        List<Event> events = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT actor_type, actor_id, action, resource_type, resource_id, "
                     + "before_state, after_state, caller_address, request_id FROM audit_event WHERE enterprise_id = ? ORDER BY id")) {
            s.setLong(1, tenant.enterpriseId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            json(rs.getString(6)), json(rs.getString(7)), rs.getString(8), rs.getString(9)));
                }
            }
        }
        return events;
    }

    private static JsonObject json(String text) {
        return text == null ? null : Json.createReader(new StringReader(text)).readObject();
    }

    private ScimClient.Response patch(String path, String operations) {
        return scim.send(scim.request(path).header("Content-Type", "application/scim+json").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{\"Operations\":" + operations + "}")));
    }

    @Test
    void everyWritePathLeavesExactlyOneEventWithBeforeAndAfter() throws SQLException {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"audited@example.com\",\"title\":\"One\"}");
        String user = created.json().getString("id");
        assertEquals(200, patch("Users/" + user, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Two\"}]").status());
        assertEquals(200, scim.send(scim.request("Users/" + user).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"userName\":\"audited@example.com\",\"title\":\"Three\"}"))).status());
        String group = scim.post("Groups", "{\"displayName\":\"Audited\"}").json().getString("id");
        assertEquals(204, patch("Groups/" + group, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]").status());
        assertEquals(204, scim.send(scim.request("Groups/" + group).DELETE()).status());
        assertEquals(204, scim.send(scim.request("Users/" + user).DELETE()).status());

        List<Event> events = events();
        assertEquals(List.of("USER_CREATED", "USER_PATCHED", "USER_REPLACED", "GROUP_CREATED", "GROUP_PATCHED",
                "GROUP_DELETED", "USER_DELETED"), events.stream().map(Event::action).toList());
        for (Event event : events) {
            assertEquals("API_CLIENT", event.actorType());
            assertEquals(Long.toString(tenant.apiClientId()), event.actorId());
            assertNotNull(event.address(), "the caller's address as the server sees it");
            assertNotNull(event.requestId());
        }
        assertNull(events.get(0).before());
        assertEquals("One", events.get(0).after().getString("title"));
        assertEquals("One", events.get(1).before().getString("title"));
        assertEquals("Two", events.get(1).after().getString("title"));
        assertEquals("Three", events.get(2).after().getString("title"));
        assertEquals(1, events.get(4).after().getInt("membersAdded"));
        assertNull(events.get(6).after());
        assertEquals(user, events.get(6).resourceId());
        assertEquals(created.header("X-Request-Id").orElseThrow(), events.get(0).requestId(), "request ids tie logs to events");
    }

    @Test
    void aFailedWriteLeavesNoEvent() throws SQLException {
        String user = scim.post("Users", "{\"userName\":\"failing@example.com\"}").json().getString("id");
        int before = events().size();
        assertEquals(409, scim.post("Users", "{\"userName\":\"FAILING@example.com\"}").status());
        assertEquals(400, patch("Users/" + user, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"},"
                + "{\"op\":\"replace\",\"path\":\"nosuch\",\"value\":\"y\"}]").status());
        assertEquals(400, scim.post("Groups", "{\"displayName\":\"Bad\",\"members\":[{\"value\":\"ghost\"}]}").status());
        assertEquals(before, events().size());
        assertTrue(events().stream().noneMatch(e -> e.action().equals("USER_PATCHED")));
    }
}
