package com.rollcall.admin;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /api/admin/v1/audit-events: filters, paging, newest first, JSON states, tenant isolation. */
@ExtendWith(RollcallServer.class)
class AdminAuditIT {
    private static Tenant tenant;
    private static JsonClient admin;
    private static String annId;
    private static String bobId;

    @BeforeAll
    static void recordSomeHistory() {
        tenant = TestTenants.create("AdminAudit");
        admin = JsonClient.admin(tenant);
        ScimClient scim = ScimClient.forTenant(tenant);
        annId = scim.post("Users", "{\"userName\":\"ann@audit.test\",\"emails\":[{\"value\":\"ann@audit.test\"}]}").json().getString("id");
        bobId = scim.post("Users", "{\"userName\":\"bob@audit.test\"}").json().getString("id");
        assertEquals(200, scim.send(scim.request("Users/" + annId).header("Content-Type", "application/scim+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"))).status());
        assertEquals(201, admin.post("api-clients", "{\"name\":\"Audit bot\",\"scopes\":[\"scim\"]}").status());
    }

    @Test
    void listsEverythingNewestFirstWithActorResourceAndJsonStates() {
        ScimClient.Response response = admin.get("audit-events");
        assertEquals(200, response.status(), response.toString());
        JsonObject page = response.json();
        assertEquals(4, page.getInt("totalResults"), response.toString());
        assertEquals(1, page.getInt("startIndex"));
        assertEquals(4, page.getInt("itemsPerPage"));
        List<JsonObject> events = page.getJsonArray("events").getValuesAs(JsonObject.class);
        assertEquals(List.of("API_CLIENT_CREATED", "USER_PATCHED", "USER_CREATED", "USER_CREATED"),
                events.stream().map(e -> e.getString("action")).toList());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(Instant.parse(events.get(i - 1).getString("occurredAt"))
                    .compareTo(Instant.parse(events.get(i).getString("occurredAt"))) >= 0);
        }
        JsonObject patched = events.get(1);
        assertEquals("API_CLIENT", patched.getJsonObject("actor").getString("type"));
        assertEquals(Long.toString(tenant.apiClientId()), patched.getJsonObject("actor").getString("id"));
        assertEquals("User", patched.getJsonObject("resource").getString("type"));
        assertEquals(annId, patched.getJsonObject("resource").getString("id"));
        assertEquals(JsonValue.ValueType.OBJECT, patched.get("before").getValueType(), "before is JSON, not a string");
        assertTrue(patched.getJsonObject("before").getBoolean("active"));
        assertFalse(patched.getJsonObject("after").getBoolean("active"));
        assertFalse(patched.getString("requestId").isBlank());
        assertFalse(patched.getString("callerAddress").isBlank());
        assertTrue(events.get(3).isNull("before"));
    }

    @Test
    void filtersByResourceActionAndActor() {
        assertEquals(2, admin.get("audit-events?resourceType=User&resourceId=" + annId).json().getInt("totalResults"));
        assertEquals(1, admin.get("audit-events?resourceId=" + bobId).json().getInt("totalResults"));
        assertEquals(2, admin.get("audit-events?action=USER_CREATED").json().getInt("totalResults"));
        assertEquals(4, admin.get("audit-events?actorType=api_client&actorId=" + tenant.apiClientId()).json().getInt("totalResults"));
        assertEquals(0, admin.get("audit-events?actorType=CONSOLE_USER").json().getInt("totalResults"));
        assertEquals(0, admin.get("audit-events?action=NOTHING_LIKE_THIS").json().getJsonArray("events").size());
    }

    @Test
    void filtersByTimeRangeFromInclusiveToExclusive() {
        List<JsonObject> all = admin.get("audit-events").json().getJsonArray("events").getValuesAs(JsonObject.class);
        String newest = all.get(0).getString("occurredAt");
        String oldest = all.get(all.size() - 1).getString("occurredAt");
        assertEquals(4, admin.get("audit-events?from=" + enc(oldest)).json().getInt("totalResults"));
        JsonObject before = admin.get("audit-events?to=" + enc(newest)).json();
        assertTrue(before.getJsonArray("events").stream()
                .noneMatch(e -> e.asJsonObject().getString("occurredAt").equals(newest)), before.toString());
        assertEquals(0, admin.get("audit-events?to=" + enc(oldest)).json().getInt("totalResults"));
        assertEquals(0, admin.get("audit-events?from=2099-01-01T00:00:00Z").json().getInt("totalResults"));
    }

    @Test
    void pagesWithStartIndexAndCount() {
        JsonObject second = admin.get("audit-events?startIndex=2&count=2").json();
        assertEquals(4, second.getInt("totalResults"));
        assertEquals(2, second.getInt("startIndex"));
        assertEquals(2, second.getInt("itemsPerPage"));
        assertEquals(List.of("USER_PATCHED", "USER_CREATED"), second.getJsonArray("events").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("action")).toList());
        assertEquals(0, admin.get("audit-events?startIndex=10").json().getInt("itemsPerPage"));
        assertEquals(0, admin.get("audit-events?count=0").json().getInt("itemsPerPage"));
        assertEquals(4, admin.get("audit-events?count=100000").json().getInt("itemsPerPage"), "count is capped, not refused");
    }

    @Test
    void anotherEnterpriseSeesNoneOfTheseEvents() {
        Tenant other = TestTenants.create("AdminAuditOther");
        JsonClient otherAdmin = JsonClient.admin(other);
        assertEquals(0, otherAdmin.get("audit-events").json().getInt("totalResults"));
        assertEquals(0, otherAdmin.get("audit-events?resourceId=" + annId).json().getInt("totalResults"));
        assertEquals(0, otherAdmin.get("audit-events?actorId=" + tenant.apiClientId()).json().getInt("totalResults"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=yesterday", "to=2026-13-01T00:00:00Z", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "actorType=ROBOT", "startIndex=0", "startIndex=abc", "count=-1", "count=1e3", "startIndex=99999999999"})
    void badParametersAre400InvalidRequest(String query) {
        assertError(admin.get("audit-events?" + query), 400, "invalid_request");
    }

    @Test
    void scimOnlyTokenCannotReadTheAuditLog() {
        Tenant scimOnly = TestTenants.create("AdminAuditScimOnly", 10, "scim");
        assertError(JsonClient.admin(scimOnly.token()).get("audit-events"), 403, "forbidden");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
