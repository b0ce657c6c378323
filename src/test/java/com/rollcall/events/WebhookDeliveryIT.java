package com.rollcall.events;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.testing.Await;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks against a test receiver ({@link TestReceiver}) on the shared server, whose webhook settings make retries
 * quick ({@link RollcallServer#WEBHOOKS_FOR_TESTS}): order per enterprise, valid signatures, retries after 500s and
 * timeouts, disabling after failing too long and enabling again, nothing for a rolled-back change, tenant isolation,
 * event type filters, resending, and the URLs refused.
 */
@ExtendWith(RollcallServer.class)
class WebhookDeliveryIT {
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final Tenant tenant = TestTenants.create("Webhooks");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    /** Adds an endpoint; answers {id, secret}. */
    private static JsonObject endpoint(Tenant tenant, String url, String... types) {
        var body = ScimJson.object().add("url", url).add("eventTypes", ScimJson.array(List.of(types)))
                .add("description", "test receiver");
        ScimClient.Response created = JsonClient.admin(tenant).post("webhooks", body.build());
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.json().getString("secret").startsWith("whsec_"), created.toString());
        return created.json();
    }

    private static List<TestReceiver.Received> awaitDelivered(TestReceiver receiver, int count) {
        return Await.until(count + " deliveries", DELIVERY, receiver::delivered, d -> d.size() >= count);
    }

    @Test
    void deliversEveryEventInPositionOrderSignedWithTheEndpointsSecret() {
        try (TestReceiver receiver = new TestReceiver()) {
            JsonObject endpoint = endpoint(tenant, receiver.url());
            String secret = endpoint.getString("secret");
            for (int i = 0; i < 8; i++) {
                Feed.user(scim, "hook" + i + "@example.test");
            }
            List<TestReceiver.Received> delivered = awaitDelivered(receiver, 8);
            assertEquals(8, delivered.size());
            long previous = 0;
            for (TestReceiver.Received r : delivered) {
                assertTrue(WebhookSignature.verify(secret, r.signature(), r.body(), Instant.now().getEpochSecond(), 300),
                        "signature " + r.signature());
                JsonObject event = r.json();
                assertEquals(event.getString("id"), r.eventId());
                assertEquals("user.created", r.eventType());
                assertEquals(tenant.enterpriseId(), event.getJsonNumber("enterpriseId").longValue());
                long position = event.getJsonNumber("position").longValue();
                assertTrue(position > previous, "in order: " + position + " after " + previous);
                previous = position;
            }
            assertFalse(WebhookSignature.verify("whsec_wrong", delivered.get(0).signature(), delivered.get(0).body(),
                    Instant.now().getEpochSecond(), 300));
            ScimClient.Response read = JsonClient.admin(tenant).get("webhooks/" + endpoint.getJsonNumber("id"));
            assertFalse(read.json().containsKey("secret"), "the secret is shown once: " + read);
            assertTrue(read.json().getString("secretHint").endsWith(secret.substring(secret.length() - 4)));
            JsonObject deliveries = JsonClient.admin(tenant).get("webhooks/" + endpoint.getJsonNumber("id") + "/deliveries")
                    .json();
            JsonObject last = deliveries.getJsonArray("deliveries").getJsonObject(0);
            assertEquals("DELIVERED", last.getString("outcome"));
            assertEquals(200, last.getInt("responseCode"));
            assertTrue(last.getJsonNumber("latencyMillis").longValue() >= 0);
        }
    }

    @Test
    void retriesAfter500sAndTimeoutsThenGoesOnInOrder() {
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.script(500, 503, TestReceiver.HANG);
            JsonObject endpoint = endpoint(tenant, receiver.url());
            String first = Feed.user(scim, "retry1@example.test");
            String second = Feed.user(scim, "retry2@example.test");
            List<TestReceiver.Received> delivered = awaitDelivered(receiver, 2);
            List<TestReceiver.Received> all = receiver.received();
            assertEquals(List.of(500, 503, TestReceiver.HANG, 200, 200), all.stream().map(TestReceiver.Received::answered)
                    .toList(), "three failed attempts of the first event, then both in order");
            assertTrue(all.subList(0, 4).stream().allMatch(r -> r.eventId().equals(all.get(0).eventId())),
                    "the same event is retried (same id) before the next one is sent");
            assertEquals(first, delivered.get(0).json().getJsonObject("resource").getString("id"));
            assertEquals(second, delivered.get(1).json().getJsonObject("resource").getString("id"));
            assertTrue(Duration.between(all.get(0).at(), all.get(1).at()).toMillis() >= 90, "a backoff between attempts");
            List<JsonObject> attempts = JsonClient.admin(tenant).get("webhooks/" + endpoint.getJsonNumber("id")
                    + "/deliveries").json().getJsonArray("deliveries").getValuesAs(JsonObject.class);
            assertEquals(List.of("DELIVERED", "DELIVERED", "FAILED", "FAILED", "FAILED"),
                    attempts.stream().map(a -> a.getString("outcome")).toList());
            assertTrue(attempts.get(2).isNull("responseCode"), "the timeout has no code: " + attempts.get(2));
            assertTrue(attempts.get(2).getString("error").contains("timed out"), attempts.get(2).toString());
            assertEquals(503, attempts.get(3).getInt("responseCode"));
            assertEquals(4, attempts.get(1).getInt("attempt"));
        }
    }

    @Test
    void anEndpointFailingTooLongIsDisabledWithTheReasonAndResumesWhereItStoppedWhenEnabled() {
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.defaultStatus = 500;
            JsonObject endpoint = endpoint(tenant, receiver.url());
            String path = "webhooks/" + endpoint.getJsonNumber("id");
            String user = Feed.user(scim, "down@example.test");
            JsonObject disabled = Await.until("the endpoint disabled", Duration.ofSeconds(60),
                    () -> JsonClient.admin(tenant).get(path).json(), e -> e.getString("status").equals("DISABLED"));
            assertTrue(disabled.getString("disabledReason").contains("HTTP 500"), disabled.toString());
            int attempts = receiver.received().size();
            assertTrue(attempts >= 3, "retried " + attempts + " times before disabling");
            receiver.defaultStatus = 200;
            ScimClient.Response enabled = JsonClient.admin(tenant).patch(path, "{\"enabled\":true}");
            assertEquals(200, enabled.status(), enabled.toString());
            assertEquals("ACTIVE", enabled.json().getString("status"));
            assertTrue(enabled.json().isNull("disabledReason"));
            List<TestReceiver.Received> delivered = awaitDelivered(receiver, 1);
            assertEquals(user, delivered.get(0).json().getJsonObject("resource").getString("id"));
        }
    }

    @Test
    void aRolledBackChangeIsNeverDeliveredAndTheRefusalIs() {
        Tenant small = TestTenants.create("Webhooks refused", 1, "scim,admin");
        ScimClient client = ScimClient.forTenant(small);
        try (TestReceiver receiver = new TestReceiver()) {
            endpoint(small, receiver.url());
            Feed.user(client, "kept@example.test");
            assertEquals(403, client.post("Users", "{\"userName\":\"refused@example.test\"}").status());
            assertEquals(409, client.post("Users", "{\"userName\":\"KEPT@example.test\"}").status());
            ScimClient.Response group = client.post("Groups", "{\"displayName\":\"After\"}");
            assertEquals(201, group.status());
            List<TestReceiver.Received> delivered = awaitDelivered(receiver, 3);
            assertEquals(List.of("user.created", "license.refused", "group.created"),
                    delivered.stream().map(TestReceiver.Received::eventType).toList());
            assertTrue(receiver.received().stream().noneMatch(r -> r.body().contains("refused@example.test")));
        }
    }

    @Test
    void anEnterprisesEndpointNeverSeesAnotherEnterprisesEventsAndGetsOnlyTheTypesItAskedFor() {
        Tenant other = TestTenants.create("Webhooks other");
        try (TestReceiver mine = new TestReceiver(); TestReceiver theirs = new TestReceiver();
             TestReceiver groupsOnly = new TestReceiver()) {
            endpoint(tenant, mine.url());
            endpoint(tenant, groupsOnly.url(), "group.created");
            endpoint(other, theirs.url());
            Feed.user(scim, "a@example.test");
            Feed.user(ScimClient.forTenant(other), "b@example.test");
            assertEquals(201, scim.post("Groups", "{\"displayName\":\"Only this\"}").status());
            Feed.user(ScimClient.forTenant(other), "c@example.test");
            awaitDelivered(mine, 2);
            awaitDelivered(theirs, 2);
            awaitDelivered(groupsOnly, 1);
            assertTrue(mine.received().stream().allMatch(r -> r.json().getJsonNumber("enterpriseId").longValue()
                    == tenant.enterpriseId()));
            assertTrue(theirs.received().stream().allMatch(r -> r.json().getJsonNumber("enterpriseId").longValue()
                    == other.enterpriseId()));
            assertEquals(List.of("group.created"), groupsOnly.received().stream().map(TestReceiver.Received::eventType).toList());
        }
    }

    @Test
    void aDeliveryCanBeSentAgainWithTheSameEventId() {
        try (TestReceiver receiver = new TestReceiver()) {
            JsonObject endpoint = endpoint(tenant, receiver.url());
            String path = "webhooks/" + endpoint.getJsonNumber("id");
            Feed.user(scim, "again@example.test");
            awaitDelivered(receiver, 1);
            long delivery = JsonClient.admin(tenant).get(path + "/deliveries").json().getJsonArray("deliveries")
                    .getJsonObject(0).getJsonNumber("id").longValue();
            ScimClient.Response resent = JsonClient.admin(tenant).post(path + "/deliveries/" + delivery + "/resend", "");
            assertEquals(200, resent.status(), resent.toString());
            assertTrue(resent.json().getBoolean("resend"));
            assertEquals("DELIVERED", resent.json().getString("outcome"));
            assertEquals(2, receiver.received().size());
            assertEquals(receiver.received().get(0).eventId(), receiver.received().get(1).eventId());
            assertError(JsonClient.admin(tenant).post(path + "/deliveries/999999999/resend", ""), 404, "not_found");
            assertError(JsonClient.admin(TestTenants.create("Webhooks stranger")).get(path), 404, "not_found");
        }
    }

    @Test
    void refusesUrlsThatAreNotHttpOrPointInsideAndBadBodies() {
        JsonClient admin = JsonClient.admin(tenant);
        for (String url : List.of("ftp://example.com/x", "file:///etc/passwd", "http://10.0.0.7/x",
                "http://169.254.169.254/latest/meta-data/", "http://localhost:8080/x", "not a url", "https://user:pw@example.com/")) {
            ScimClient.Response refused = admin.post("webhooks", ScimJson.object().add("url", url).build());
            assertError(refused, 400, "invalid_request");
        }
        assertError(admin.post("webhooks", "{\"url\":\"https://example.com/x\",\"eventTypes\":[\"user.exploded\"]}"), 400,
                "invalid_request");
        assertError(admin.post("webhooks", "{\"url\":\"https://example.com/x\",\"eventTypes\":\"user.created\"}"), 400,
                "invalid_request");
        assertError(admin.post("webhooks", "{\"url\":42}"), 400, "invalid_request");
        assertError(admin.post("webhooks", "{not json"), 400, "invalid_request");
        assertError(admin.get("webhooks/abc"), 404, "not_found");
        assertError(admin.patch("webhooks/999999999", "{\"enabled\":true}"), 404, "not_found");
        assertNull(admin.get("webhooks").json().getJsonArray("endpoints").stream()
                .filter(e -> e.asJsonObject().getString("url").startsWith("ftp")).findFirst().orElse(null));
    }
}
