package com.rollcall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.testing.Await;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No delivery is lost across a restart in the middle of retrying: a server of its own (the embedded H2 in a data
 * directory, the demo enterprise with a bootstrap token) fails to deliver an event to a receiver answering 500, is
 * stopped while retrying, and after the restart delivers that event, then the next, in order.
 */
class WebhookRestartIT {
    @Test
    void aDeliveryBeingRetriedWhenTheServerStopsIsDeliveredAfterTheRestart() {
        String token = ApiTokens.generate();
        Path data = Path.of(System.getProperty("user.dir"), "target", "it-data", "webhook-restart-" + System.nanoTime());
        Map<String, String> env = new HashMap<>(RollcallServer.WEBHOOKS_FOR_TESTS);
        env.putAll(Map.of("ROLLCALL_DATA", data.toString(), "ROLLCALL_DEMO", "true", "ROLLCALL_BOOTSTRAP_TOKEN", token,
                "ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD", "demo-password-1", "ROLLCALL_BOOTSTRAP_LICENSES", "100",
                "ROLLCALL_WEBHOOKS_DISABLEAFTERSECONDS", "3600"));
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.defaultStatus = 500;
            String user;
            try (ServerProcess first = ServerProcess.start("webhook-restart-first", env)) {
                JsonClient admin = new JsonClient(first.baseUrl() + "api/admin/v1/", token);
                ScimClient.Response endpoint = admin.post("webhooks", "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":"
                        + "[\"user.created\"]}");
                assertEquals(201, endpoint.status(), endpoint.toString());
                ScimClient scim = new ScimClient(first.scimUrl(), token);
                ScimClient.Response created = scim.post("Users", "{\"userName\":\"survivor@example.test\"}");
                assertEquals(201, created.status(), created.toString());
                user = created.json().getString("id");
                Await.until("two failed attempts", Duration.ofSeconds(30), () -> receiver.received().size() >= 2);
            }
            int before = receiver.received().size();
            receiver.defaultStatus = 200;
            try (ServerProcess second = ServerProcess.start("webhook-restart-second", env)) {
                List<TestReceiver.Received> delivered = Await.until("the delivery after the restart", Duration.ofSeconds(60),
                        receiver::delivered, d -> !d.isEmpty());
                assertEquals(user, delivered.get(0).json().getJsonObject("resource").getString("id"));
                assertTrue(receiver.received().subList(0, before).stream().allMatch(r -> r.eventId()
                        .equals(delivered.get(0).eventId())), "the same event was being retried");
                ScimClient scim = new ScimClient(second.scimUrl(), token);
                assertEquals(201, scim.post("Users", "{\"userName\":\"next@example.test\"}").status());
                List<TestReceiver.Received> both = Await.until("the next event", Duration.ofSeconds(30),
                        receiver::delivered, d -> d.size() >= 2);
                assertTrue(both.get(1).json().getJsonNumber("position").longValue()
                        > both.get(0).json().getJsonNumber("position").longValue());
            }
        }
    }
}
