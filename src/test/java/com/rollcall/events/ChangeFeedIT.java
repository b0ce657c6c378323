package com.rollcall.events;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Await;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pull side of the change feed ({@code GET /api/admin/v1/events}) and its outbox: each change's events, in order,
 * with the request id that caused them; nothing for a refused or rolled-back change; cursor paging, the long poll,
 * the {@code events} scope, tenant isolation, the 410 past retention, and the operator's feed.
 */
@ExtendWith(RollcallServer.class)
class ChangeFeedIT {
    private final Tenant tenant = TestTenants.create("Feed");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    @Test
    void aUsersLifeIsItsEventsInOrderWithTheRequestIdThatCausedEach() {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"ada@example.test\",\"title\":\"Engineer\"}");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().getString("id");
        ScimClient.Response retitled = Feed.patch(scim, "Users/" + id,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]}");
        assertEquals(200, retitled.status(), retitled.toString());
        assertEquals(200, Feed.patch(scim, "Users/" + id,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}").status());
        assertEquals(200, Feed.patch(scim, "Users/" + id,
                "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":true,\"displayName\":\"Ada\"}}]}").status());
        assertEquals(200, Feed.patch(scim, "Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]}")
                .status(), "a PATCH that changes nothing");
        assertEquals(204, Feed.delete(scim, "Users/" + id).status());

        List<JsonObject> events = Feed.all(tenant);
        assertEquals(List.of("user.created", "user.updated", "user.deactivated", "user.updated", "user.reactivated",
                "user.deleted"), Feed.types(events));
        for (int i = 0; i < events.size(); i++) {
            JsonObject e = events.get(i);
            assertEquals(i + 1, e.getJsonNumber("position").longValue(), "positions 1, 2, 3… : " + e);
            assertEquals(tenant.enterpriseId(), e.getJsonNumber("enterpriseId").longValue());
            assertEquals(id, e.getJsonObject("resource").getString("id"));
            assertEquals("User", e.getJsonObject("resource").getString("type"));
            assertFalse(e.getString("id").isBlank());
        }
        assertEquals("Engineer", events.get(0).getJsonObject("data").getString("title"));
        assertEquals(created.header("X-Request-Id").orElseThrow(), events.get(0).getString("requestId"));
        assertEquals(retitled.header("X-Request-Id").orElseThrow(), events.get(1).getString("requestId"));
        assertEquals(List.of("title"), events.get(1).getJsonObject("data").getJsonArray("changedAttributes")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("Lead", events.get(1).getJsonObject("data").getString("title"));
        assertFalse(events.get(2).getJsonObject("data").getBoolean("active"));
        assertEquals(List.of("displayName"), events.get(3).getJsonObject("data").getJsonArray("changedAttributes")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("ada@example.test", events.get(5).getJsonObject("data").getString("userName"));
    }

    @Test
    void groupsMembershipsMappingsRolesAndModeAreEvents() {
        String ann = Feed.user(scim, "ann@example.test");
        String bob = Feed.user(scim, "bob@example.test");
        ScimClient.Response group = scim.post("Groups", "{\"displayName\":\"Sales\",\"members\":[{\"value\":\"" + ann + "\"}]}");
        assertEquals(201, group.status(), group.toString());
        String groupId = group.json().getString("id");
        JsonObject mapped = TestTenants.mapGroup(tenant, groupId, "Enterprise Admin", null);
        assertEquals(204, Feed.patch(scim, "Groups/" + groupId, "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"" + bob + "\"}]},{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Sales EMEA\"}]}")
                .status());
        assertEquals(204, Feed.patch(scim, "Groups/" + groupId, "{\"Operations\":[{\"op\":\"remove\",\"path\":"
                + "\"members[value eq \\\"" + ann + "\\\"]\"}]}").status());
        ScimClient.Response unmapped = JsonClient.admin(tenant).delete("groups/" + groupId + "/mappings/"
                + mapped.getJsonNumber("id").longValue());
        assertTrue(unmapped.status() == 200 || unmapped.status() == 204, unmapped.toString());
        TestTenants.provisioningMode(tenant, "MANAGED_IN_CONNECTED_SYSTEM");
        assertEquals(204, Feed.delete(scim, "Groups/" + groupId).status());

        List<JsonObject> events = Feed.all(tenant);
        assertEquals(List.of("user.created", "user.created", "group.created", "group.member.added", "mapping.added",
                "role.changed", "group.renamed", "group.member.added", "role.changed", "group.member.removed", "role.changed",
                "mapping.removed", "role.changed", "enterprise.provisioning_mode.changed", "group.member.removed",
                "group.deleted"), Feed.types(events));
        JsonObject added = events.get(3).getJsonObject("data");
        assertEquals(groupId, added.getJsonObject("group").getString("id"));
        assertEquals(ann, added.getJsonObject("user").getString("id"));
        JsonObject mapping = events.get(4).getJsonObject("data");
        assertEquals("Enterprise Admin", mapping.getJsonObject("role").getString("name"));
        assertEquals("ENTERPRISE", mapping.getString("level"));
        JsonObject role = events.get(5).getJsonObject("data");
        assertEquals(ann, role.getJsonObject("user").getString("id"));
        JsonObject change = role.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("scope").equals("ENTERPRISE")).findFirst().orElseThrow();
        assertTrue(role.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("scope").equals("INHERITED")), "Enterprise Admin is inherited by sub-accounts");
        assertTrue(change.isNull("before"), role.toString());
        assertEquals("Enterprise Admin", change.getString("after"));
        assertFalse(role.getString("cause").isBlank());
        assertEquals("Sales", events.get(6).getJsonObject("data").getString("previousDisplayName"));
        assertEquals("Sales EMEA", events.get(6).getJsonObject("data").getString("displayName"));
        assertEquals(bob, events.get(8).getJsonObject("data").getJsonObject("user").getString("id"));
        JsonObject mode = events.get(13).getJsonObject("data");
        assertEquals("MANAGED_IN_PLATFORM", mode.getString("before"));
        assertEquals("MANAGED_IN_CONNECTED_SYSTEM", mode.getString("after"));
    }

    @Test
    void aBackgroundRemapWritesOneRoleChangedPerUserInItsBatches() {
        Tenant big = TestTenants.create("Feed remap", 5_000, "scim,admin");
        ScimClient client = ScimClient.forTenant(big);
        List<String> users = TestTenants.bulkUsers(big, "remap", 1_100);
        ScimClient.Response group = client.post("Groups", "{\"displayName\":\"Everyone\"}");
        String groupId = group.json().getString("id");
        StringBuilder members = new StringBuilder();
        users.forEach(u -> members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(u).append("\"}"));
        assertEquals(204, Feed.patch(client, "Groups/" + groupId, "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                + "\"value\":[" + members + "]}]}").status());
        JsonObject mapped = TestTenants.mapGroup(big, groupId, "Enterprise Admin", null);
        long job = mapped.getJsonObject("remapJob").getJsonNumber("id").longValue();
        Await.until("the remap job done", Duration.ofSeconds(120), () -> JsonClient.admin(big).get("remap-jobs/" + job).json(),
                j -> j.getString("status").equals("DONE"));
        assertEquals(1_100, TestTenants.number("SELECT COUNT(*) FROM change_event WHERE enterprise_id = ? AND event_type = "
                + "'group.member.added'", big.enterpriseId()));
        assertEquals(1_100, TestTenants.number("SELECT COUNT(DISTINCT resource_id) FROM change_event WHERE enterprise_id = ? "
                + "AND event_type = 'role.changed' AND payload LIKE ?", big.enterpriseId(), "%\"remapJobId\":" + job + "%"));
        assertEquals(1_100, TestTenants.number("SELECT COUNT(*) FROM change_event WHERE enterprise_id = ? AND event_type = "
                + "'role.changed'", big.enterpriseId()), "one event per user");
        List<JsonObject> events = Feed.all(big);
        assertEquals(events.size(), events.stream().map(e -> e.getJsonNumber("position").longValue()).distinct().count());
        assertEquals("mapping.added", events.get(1 + 1_100).getString("type"), "after the group and its members");
    }

    @Test
    void aRefusedOrRolledBackChangeWritesNoEventButTheLicenseRefusalIsOne() {
        Tenant small = TestTenants.create("Feed refusals", 1, "scim,admin");
        ScimClient client = ScimClient.forTenant(small);
        String first = Feed.user(client, "one@example.test");
        ScimClient.Response refused = client.post("Users", "{\"userName\":\"two@example.test\"}");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(409, client.post("Users", "{\"userName\":\"ONE@example.test\"}").status());
        ScimClient.Response stale = client.send(client.request("Users/" + first).header("If-Match", "W/\"99\"")
                .header("Content-Type", "application/scim+json").method("PATCH", java.net.http.HttpRequest.BodyPublishers
                        .ofString("{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"X\"}]}")));
        assertEquals(412, stale.status(), stale.toString());
        assertEquals(400, Feed.patch(client, "Users/" + first, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\","
                + "\"value\":\"X\"},{\"op\":\"bogus\"}]}").status(), "all or nothing: a bad second operation");
        ScimClient.Response groupWithUnknownMember = client.post("Groups", "{\"displayName\":\"G\",\"members\":[{\"value\":\""
                + first + "\"},{\"value\":\"no-such-user\"}]}");
        assertEquals(400, groupWithUnknownMember.status(), groupWithUnknownMember.toString());

        List<JsonObject> events = Await.until("the refusal recorded", Duration.ofSeconds(10), () -> Feed.all(small),
                e -> Feed.types(e).contains("license.refused"));
        assertEquals(List.of("user.created", "license.refused"), Feed.types(events));
        JsonObject refusal = events.get(1).getJsonObject("data");
        assertEquals(refused.header("X-Request-Id").orElseThrow(), refusal.getString("requestId"));
        assertEquals(1, refusal.getInt("used"));
        assertEquals(1, refusal.getInt("limit"));
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM change_event WHERE enterprise_id = ? AND event_type = "
                + "'user.created' AND payload LIKE '%two@example.test%'", small.enterpriseId()));
    }

    @Test
    void cursorsPageTheFeedAndBadParametersAreAdminErrors() {
        for (int i = 0; i < 5; i++) {
            Feed.user(scim, "page" + i + "@example.test");
        }
        JsonClient admin = JsonClient.admin(tenant);
        ScimClient.Response first = admin.get("events?limit=2");
        assertEquals(200, first.status(), first.toString());
        assertEquals(2, first.json().getJsonArray("events").size());
        assertTrue(first.json().getBoolean("hasMore"));
        assertEquals("2", first.json().getString("cursor"));
        ScimClient.Response rest = admin.get("events?after=2&limit=10");
        assertEquals(List.of(3L, 4L, 5L), rest.json().getJsonArray("events").stream()
                .map(e -> e.asJsonObject().getJsonNumber("position").longValue()).toList());
        assertFalse(rest.json().getBoolean("hasMore"));
        assertEquals("5", rest.json().getString("cursor"));
        ScimClient.Response none = admin.get("events?after=5");
        assertEquals(0, none.json().getJsonArray("events").size());
        assertEquals("5", none.json().getString("cursor"), "an empty page keeps the cursor");
        assertEquals("5", Feed.cursor(tenant));
        for (String bad : List.of("after=-1", "after=abc", "limit=0", "limit=1001", "limit=x", "wait=31", "wait=-1",
                "after=99999999999999999999")) {
            ScimClient.Response response = admin.get("events?" + bad);
            assertError(response, 400, "invalid_request");
            assertFalse(response.text().contains("Exception"), response.text());
        }
        ScimClient.Response types = admin.get("events/types");
        assertEquals(EventType.values().length, types.json().getJsonArray("types").size());
    }

    @Test
    void aLongPollAnswersWhenTheNextEventCommitsAndAnEmptyOneAfterItsWait() throws Exception {
        String cursor = Feed.cursor(tenant);
        long started = System.nanoTime();
        ScimClient.Response empty = JsonClient.admin(tenant).get("events?wait=1&after=" + cursor);
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, empty.status(), empty.toString());
        assertEquals(0, empty.json().getJsonArray("events").size());
        assertTrue(waited >= 900, "waited " + waited + " ms");

        CompletableFuture<ScimClient.Response> poll = CompletableFuture.supplyAsync(
                () -> JsonClient.admin(tenant).get("events?wait=20&after=" + cursor));
        Thread.sleep(1_500);
        assertFalse(poll.isDone(), "the long poll waits while nothing happens");
        long created = System.nanoTime();
        Feed.user(scim, "poll@example.test");
        ScimClient.Response answer = poll.get(20, java.util.concurrent.TimeUnit.SECONDS);
        long lag = (System.nanoTime() - created) / 1_000_000;
        assertEquals(1, answer.json().getJsonArray("events").size(), answer.toString());
        assertEquals("user.created", answer.json().getJsonArray("events").getJsonObject(0).getString("type"));
        assertTrue(lag < 5_000, "answered " + lag + " ms after the change");
    }

    @Test
    void theEventsScopeReadsTheFeedAndNothingElseAndTenantsSeeOnlyTheirOwn() {
        Feed.user(scim, "mine@example.test");
        Tenant other = TestTenants.create("Feed other", 10, "scim,events");
        Feed.user(ScimClient.forTenant(other), "theirs@example.test");
        JsonClient events = JsonClient.admin(other);
        List<JsonObject> theirs = Feed.all(other);
        assertEquals(List.of("user.created"), Feed.types(theirs));
        assertEquals("theirs@example.test", theirs.get(0).getJsonObject("data").getString("userName"));
        assertEquals(other.enterpriseId(), theirs.get(0).getJsonNumber("enterpriseId").longValue());
        assertError(events.get("users"), 403, "forbidden");
        assertError(events.get("webhooks"), 403, "forbidden");
        assertError(events.post("webhooks", "{\"url\":\"https://example.com/x\"}"), 403, "forbidden");
        Tenant scimOnly = TestTenants.create("Feed scim only", 10, "scim");
        assertError(JsonClient.admin(scimOnly).get("events"), 403, "forbidden");
        assertTrue(Feed.all(tenant).stream().noneMatch(e -> e.toString().contains("theirs@example.test")));
    }

    @Test
    void aCursorOlderThanRetentionIs410WithHowToResync() {
        for (int i = 0; i < 3; i++) {
            Feed.user(scim, "old" + i + "@example.test");
        }
        TestTenants.execute("UPDATE change_event SET occurred_at = ? WHERE enterprise_id = ? AND feed_position <= 2",
                TestDatabase.utcNow().minusDays(40), tenant.enterpriseId());
        Await.until("retention removed the two old events", Duration.ofSeconds(30), () -> TestTenants.number(
                "SELECT COUNT(*) FROM change_event WHERE enterprise_id = ?", tenant.enterpriseId()) == 1);
        ScimClient.Response gone = JsonClient.admin(tenant).get("events?after=1");
        assertError(gone, 410, "gone");
        assertTrue(gone.json().getString("message").contains("export"), gone.toString());
        assertTrue(gone.json().getString("message").contains("events/cursor"), gone.toString());
        assertEquals(200, JsonClient.admin(tenant).get("events?after=2").status(), "the cursor right before the kept ones");
        assertEquals(List.of(3L), Feed.all(tenant).stream().map(e -> e.getJsonNumber("position").longValue()).toList());
    }

    @Test
    void theOperatorReadsEveryEnterprisesFeed() {
        ScimClient.Response start = JsonClient.operator().get("events/cursor");
        assertEquals(200, start.status(), start.toString());
        String cursor = start.json().getString("cursor");
        Feed.user(scim, "op@example.test");
        Tenant other = TestTenants.create("Feed operator other");
        Feed.user(ScimClient.forTenant(other), "op2@example.test");

        ScimClient.Response one = JsonClient.operator().get("events?enterprise=" + tenant.enterpriseId());
        assertEquals(200, one.status(), one.toString());
        assertEquals(List.of("user.created"), one.json().getJsonArray("events").stream()
                .map(e -> e.asJsonObject().getString("type")).toList());
        List<Long> enterprises = Await.until("both events in the operator feed", Duration.ofSeconds(20), () -> {
            List<Long> seen = new java.util.ArrayList<>();
            String after = cursor;
            while (true) {
                JsonObject page = JsonClient.operator().get("events?limit=1000&after=" + after).json();
                page.getJsonArray("events").forEach(e -> seen.add(e.asJsonObject().getJsonNumber("enterpriseId").longValue()));
                after = page.getString("cursor");
                if (!page.getBoolean("hasMore")) {
                    return seen;
                }
            }
        }, seen -> seen.contains(tenant.enterpriseId()) && seen.contains(other.enterpriseId()));
        assertTrue(enterprises.indexOf(tenant.enterpriseId()) < enterprises.indexOf(other.enterpriseId()));
        assertEquals(401, JsonClient.operator(tenant.token()).get("events").status());
        assertError(JsonClient.operator().get("events?after=x"), 400, "invalid_request");
    }
}
