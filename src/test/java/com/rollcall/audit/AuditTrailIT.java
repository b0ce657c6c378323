package com.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TenantSnapshot;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PRODUCT.md rule 9: every SCIM write leaves exactly one audit event — actor (the API client), action,
 * resource, before and after, caller address, request id — in the same transaction; a failed write
 * leaves none, whether it fails in validation, before anything is written, or at the license limit, after
 * its rows and its audit event are written (then every table of the enterprise is as it was).
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

    /**
     * A failure after the writes, not before them: a create refused at the license limit is refused once its
     * user row, its multi-valued rows and its audit event are written (the seat is taken last). All of it must
     * roll back: every table of the enterprise is as it was, but for the refusal record.
     */
    @Test
    void aCreateRefusedAtTheLicenseLimitAfterItsInsertsLeavesEveryTableAsItWas() {
        Tenant full = TestTenants.create("Audit late create", 1, "scim,admin");
        ScimClient idp = ScimClient.forTenant(full);
        assertEquals(201, idp.post("Users", "{\"userName\":\"first@example.com\"}").status());
        String sleeper = TestTenants.manualUser(full, "sleeper", "sleeper@example.com", null, false);

        Map<String, List<String>> before = TenantSnapshot.full(full);
        ScimClient.Response refused = idp.post("Users", "{\"userName\":\"second@example.com\",\"externalId\":\"x-2\","
                + "\"title\":\"Late\",\"emails\":[{\"value\":\"second@example.com\",\"type\":\"work\",\"primary\":true},"
                + "{\"value\":\"second@home.example\",\"type\":\"home\"}],\"phoneNumbers\":[{\"value\":\"+1 555 0100\","
                + "\"type\":\"work\"}],\"addresses\":[{\"locality\":\"Redmond\",\"type\":\"work\"}],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"E-2\"}}");
        assertRefused(refused);
        TenantSnapshot.assertOnlyARefusalWasAdded(before, TenantSnapshot.full(full), "SCIM create at the limit");

        before = TenantSnapshot.full(full);
        assertRefused(idp.post("Users", "{\"userName\":\"sleeper@example.com\",\"active\":true,"
                + "\"emails\":[{\"value\":\"sleeper@example.com\",\"type\":\"work\"}]}"));
        TenantSnapshot.assertOnlyARefusalWasAdded(before, TenantSnapshot.full(full),
                "SCIM create that would link (and so reactivate) the inactive manual user " + sleeper);

        before = TenantSnapshot.full(full);
        ScimClient admin = TestTenants.admin(full);
        ScimClient.Response manual = admin.send(admin.request("users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"manual@example.com\","
                        + "\"emails\":[{\"value\":\"manual@example.com\"}]}")));
        assertEquals(403, manual.status(), manual.toString());
        TenantSnapshot.assertOnlyARefusalWasAdded(before, TenantSnapshot.full(full), "manual create (admin API) at the limit");
    }

    /** A reactivation refused at the limit, with other changes in the same request, changes nothing at all. */
    @Test
    void aReactivationRefusedAtTheLicenseLimitLeavesEveryTableAsItWas() {
        Tenant full = TestTenants.create("Audit late reactivation", 1, "scim,admin");
        ScimClient idp = ScimClient.forTenant(full);
        assertEquals(201, idp.post("Users", "{\"userName\":\"holder@example.com\"}").status());
        ScimClient.Response created = idp.post("Users", "{\"userName\":\"resting@example.com\",\"active\":false,"
                + "\"title\":\"Before\",\"emails\":[{\"value\":\"resting@example.com\",\"type\":\"work\"}]}");
        assertEquals(201, created.status(), created.toString());
        String resting = created.json().getString("id");
        String group = idp.post("Groups", "{\"displayName\":\"Resting\",\"members\":[{\"value\":\"" + resting + "\"}]}")
                .json().getString("id");
        assertEquals(201, TestTenants.admin(full).send(TestTenants.admin(full).request("groups/" + group + "/mappings")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"roleId\":"
                        + TestTenants.roleId(full, "Editor") + ",\"subAccountId\":" + TestTenants.subAccount(full, "Stores")
                        + "}"))).status());

        Map<String, List<String>> before = TenantSnapshot.full(full);
        assertRefused(patch(idp, "Users/" + resting, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"After\"},"
                + "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"resting@home.example\",\"type\":\"home\"}]},"
                + "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]"));
        TenantSnapshot.assertOnlyARefusalWasAdded(before, TenantSnapshot.full(full), "SCIM PATCH reactivation at the limit");

        before = TenantSnapshot.full(full);
        assertRefused(idp.send(idp.request("Users/" + resting).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"userName\":\"resting@example.com\",\"active\":true,"
                        + "\"title\":\"After\",\"emails\":[{\"value\":\"other@example.com\"}]}"))));
        TenantSnapshot.assertOnlyARefusalWasAdded(before, TenantSnapshot.full(full), "SCIM PUT reactivation at the limit");

        before = TenantSnapshot.full(full);
        ScimClient admin = TestTenants.admin(full);
        ScimClient.Response manual = admin.send(admin.request("users/" + resting + "/reactivate")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, manual.status(), manual.toString());
        TenantSnapshot.assertOnlyARefusalWasAdded(before, TenantSnapshot.full(full), "reactivation (admin API) at the limit");
    }

    /**
     * A mapping or membership change that would make a license-exempt user (an Integrations Manager) need a
     * seat beyond the limit is refused after the mapping row or the membership change and the recomputed
     * effective roles are written: all of it rolls back.
     */
    @Test
    void aMappingOrMembershipChangeRefusedAtTheLicenseLimitLeavesEveryTableAsItWas() {
        Tenant full = TestTenants.create("Audit late mapping", 2, "scim,admin");
        ScimClient idp = ScimClient.forTenant(full);
        String ivy = idp.post("Users", "{\"userName\":\"ivy@example.com\"}").json().getString("id");
        assertEquals(201, idp.post("Users", "{\"userName\":\"joe@example.com\"}").status());
        String integrations = idp.post("Groups", "{\"displayName\":\"Integrations\",\"members\":[{\"value\":\"" + ivy
                + "\"}]}").json().getString("id");
        TestTenants.mapGroup(full, integrations, "Enterprise Integrations Manager", null);
        assertEquals(201, idp.post("Users", "{\"userName\":\"kim@example.com\"}").status(), "Ivy's seat went to Kim");
        long stores = TestTenants.subAccount(full, "Stores");

        Map<String, List<String>> before = TenantSnapshot.full(full);
        ScimClient admin = TestTenants.admin(full);
        ScimClient.Response mapping = admin.send(admin.request("groups/" + integrations + "/mappings")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"roleId\":"
                        + TestTenants.roleId(full, "Editor") + ",\"subAccountId\":" + stores + "}")));
        assertEquals(403, mapping.status(), mapping.toString());
        TenantSnapshot.assertOnlyARefusalWasAdded(before, TenantSnapshot.full(full),
                "mapping that would make Ivy consume a license at the limit");

        before = TenantSnapshot.full(full);
        assertRefused(patch(idp, "Groups/" + integrations, "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ivy
                + "\\\"]\"}]"));
        TenantSnapshot.assertOnlyARefusalWasAdded(before, TenantSnapshot.full(full),
                "Ivy leaving the Integrations group at the limit (PATCH)");

        before = TenantSnapshot.full(full);
        assertRefused(idp.send(idp.request("Groups/" + integrations).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Integrations (renamed)\",\"members\":[]}"))));
        TenantSnapshot.assertOnlyARefusalWasAdded(before, TenantSnapshot.full(full),
                "the Integrations group emptied and renamed at the limit (PUT)");
    }

    private static void assertRefused(ScimClient.Response response) {
        assertEquals(403, response.status(), response.toString());
        assertTrue(response.json().getString("detail").contains("license limit"), response.toString());
    }

    private static ScimClient.Response patch(ScimClient client, String path, String operations) {
        return client.send(client.request(path).header("Content-Type", "application/scim+json").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":" + operations + "}")));
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
