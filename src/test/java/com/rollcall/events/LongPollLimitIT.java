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
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Long polls are bounded per consumer and instance ({@code rollcall.events.maxWaiters}, 4 by default): with four of an
 * enterprise's polls waiting, a fifth that would wait is answered at once with 429 and {@code Retry-After}, a poll that
 * finds events is still answered with them, another enterprise's polls wait as usual, and the four waiting polls all
 * get the next event. Real server, real HTTP.
 */
@ExtendWith(RollcallServer.class)
class LongPollLimitIT {
    private static final int BOUND = 4;

    private final Tenant tenant = TestTenants.create("Long polls");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    @Test
    void aFifthWaitingPollOfOneEnterpriseIs429AndOthersAreUnaffected() throws Exception {
        Feed.user(scim, "before@example.test");
        String cursor = Feed.cursor(tenant);
        JsonClient admin = JsonClient.admin(tenant);
        ExecutorService pollers = Executors.newFixedThreadPool(BOUND);
        try {
            List<Future<ScimClient.Response>> polls = new ArrayList<>();
            for (int i = 0; i < BOUND; i++) {
                // a poller asks again after a 429 (as a consumer does after Retry-After), so that a probe below that
                // was let in before the four were waiting cannot leave one of them out, and after an empty page
                polls.add(pollers.submit(() -> {
                    while (true) {
                        ScimClient.Response answer = admin.get("events?wait=30&after=" + cursor);
                        if (answer.status() == 429) {
                            Thread.sleep(100);
                        } else if (answer.status() != 200 || !answer.json().getJsonArray("events").isEmpty()) {
                            return answer;
                        }
                    }
                }));
            }
            ScimClient.Response refused = Await.until("the four polls are waiting", Duration.ofSeconds(30),
                    () -> admin.get("events?wait=1&after=" + cursor), answer -> answer.status() == 429);
            assertError(refused, 429, "too_many_requests");
            assertEquals("1", refused.header("Retry-After").orElse(""), refused.toString());
            assertTrue(refused.json().getString("message").contains("same cursor"), refused.toString());
            assertError(admin.get("events?wait=30&after=" + cursor), 429, "too_many_requests");

            ScimClient.Response withEvents = admin.get("events?wait=30&after=0");
            assertEquals(200, withEvents.status(), "a poll that finds events is answered with them: " + withEvents);
            assertFalse(withEvents.json().getJsonArray("events").isEmpty(), withEvents.toString());

            Tenant other = TestTenants.create("Long polls other");
            String otherCursor = Feed.cursor(other);
            ScimClient.Response waited = JsonClient.admin(other).get("events?wait=1&after=" + otherCursor);
            assertEquals(200, waited.status(), "another enterprise still waits: " + waited);
            assertTrue(waited.json().getJsonArray("events").isEmpty(), waited.toString());
            for (Future<ScimClient.Response> poll : polls) {
                assertFalse(poll.isDone(), "the four are still waiting");
            }

            Feed.user(scim, "next@example.test");
            for (Future<ScimClient.Response> poll : polls) {
                ScimClient.Response answer = poll.get(60, TimeUnit.SECONDS);
                assertEquals(200, answer.status(), answer.toString());
                List<JsonObject> events = answer.json().getJsonArray("events").getValuesAs(JsonObject.class);
                assertEquals(1, events.size(), answer.toString());
                assertEquals("next@example.test", events.get(0).getJsonObject("data").getString("userName"));
            }
            ScimClient.Response again = admin.get("events?wait=1&after=" + Feed.cursor(tenant));
            assertEquals(200, again.status(), "the slots are given back: " + again);
        } finally {
            pollers.shutdownNow();
        }
    }
}
