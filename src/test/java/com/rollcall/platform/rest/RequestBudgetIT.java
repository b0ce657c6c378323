package com.rollcall.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.Metrics;
import com.rollcall.testing.Parallel;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-enterprise request budgets on a server started with a tiny one (5 a second, bursts of 10): a flood from one
 * enterprise gets 429 with Retry-After and the API's own error body, while another enterprise on the same server is
 * served as usual. (The budget's effect on latency is measured by scripts/bench.sh, not here.)
 */
@ExtendWith(RollcallServer.class)
class RequestBudgetIT {
    @Test
    void oneEnterprisesFloodIsRefusedWhileAnotherIsServed() throws Exception {
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment("budget"));
        env.put("ROLLCALL_BUDGET_API_PERSECOND", "5");
        env.put("ROLLCALL_BUDGET_API_BURST", "10");
        env.put("ROLLCALL_BUDGET_API_CONCURRENT", "2");
        Tenant noisy = TestTenants.create("Budget noisy");
        Tenant quiet = TestTenants.create("Budget quiet");
        try (ServerProcess server = ServerProcess.start("budget-instance", env)) {
            ScimClient flood = new ScimClient(server.scimUrl(), noisy.token());
            List<ScimClient.Response> answers = Parallel.together(40, i -> flood.get("Users?count=1"));
            List<ScimClient.Response> refused = answers.stream().filter(r -> r.status() == 429).toList();
            assertTrue(refused.size() >= 20, "a burst of 10 then 5 a second: most of 40 at once are refused; "
                    + answers.stream().map(ScimClient.Response::status).toList());
            // the rate's refusals (at most 2 of the first 10 run at once: the others are refused as too many in progress)
            ScimClient.Response one = refused.stream().filter(r -> r.text().contains("request budget")).findFirst()
                    .orElseThrow(() -> new AssertionError("no refusal names the budget: " + refused));
            assertTrue(one.contentType().startsWith("application/scim+json"), one.toString());
            JsonObject error = one.json();
            assertEquals("429", error.getString("status"));
            assertTrue(error.getJsonArray("schemas").getString(0).endsWith(":Error"), error.toString());
            assertTrue(error.getString("detail").contains("request budget"), error.toString());
            long retryAfter = Long.parseLong(one.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);

            ScimClient calm = new ScimClient(server.scimUrl(), quiet.token());
            for (int i = 0; i < 5; i++) {
                assertEquals(200, calm.get("Users?count=1").status(), "the other enterprise is served as usual");
            }
            JsonClient admin = new JsonClient(server.baseUrl() + "api/admin/v1/", noisy.token());
            List<ScimClient.Response> adminAnswers = Parallel.together(20, i -> admin.get("settings"));
            ScimClient.Response adminRefused = adminAnswers.stream().filter(r -> r.status() == 429).findFirst()
                    .orElseThrow(() -> new AssertionError("the admin API shares the budget: " + adminAnswers.stream()
                            .map(ScimClient.Response::status).toList()));
            JsonClient.assertError(adminRefused, 429, "too_many_requests");
            assertTrue(adminRefused.header("Retry-After").isPresent());

            // each refusal is counted in /metrics, by enterprise
            String text = Metrics.scrape(server.baseUrl());
            long rejected = refused.size() + adminAnswers.stream().filter(r -> r.status() == 429).count();
            assertEquals((double) rejected, Metrics.value(text,
                    "rollcall_budget_rejections_total", "budget", "api", "enterprise",
                    Long.toString(noisy.enterpriseId())).orElseThrow(() -> new AssertionError(text)));

            inProgressCallsAreBoundedPerEnterprise(server);
        }
    }

    /**
     * At most 2 calls of one enterprise in progress at once (this server's bound): two creates wait on the license
     * counter row this test holds; a third call of that enterprise is refused at once, another enterprise's is served,
     * and once the two are over the enterprise is served again (the count is given back).
     */
    private static void inProgressCallsAreBoundedPerEnterprise(ServerProcess server) throws Exception {
        Tenant busy = TestTenants.create("Budget busy");
        Tenant other = TestTenants.create("Budget other");
        ScimClient busyClient = new ScimClient(server.scimUrl(), busy.token());
        List<CompletableFuture<ScimClient.Response>> held = new ArrayList<>();
        try (Connection lock = TestDatabase.connect()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement(
                    "SELECT seats_used FROM license_counter WHERE enterprise_id = ? FOR UPDATE")) {
                select.setLong(1, busy.enterpriseId());
                select.executeQuery().close();
            }
            for (int i = 0; i < 2; i++) {
                String name = "held." + i;
                held.add(CompletableFuture.supplyAsync(() -> busyClient.post("Users",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name + "\"}")));
            }
            ScimClient.Response third = null;
            for (int attempt = 0; attempt < 40; attempt++) { // until both creates wait on the lock
                Thread.sleep(150);
                third = busyClient.get("Users?count=1");
                if (third.status() == 429 || held.stream().anyMatch(CompletableFuture::isDone)) {
                    break;
                }
            }
            assertEquals(429, third.status(), "a third call while two are in progress: " + third);
            assertTrue(third.json().getString("detail").contains("in progress"), third.toString());
            assertEquals("1", third.header("Retry-After").orElseThrow());
            assertEquals(200, new ScimClient(server.scimUrl(), other.token()).get("Users?count=1").status(),
                    "another enterprise is served");
            lock.rollback();
        }
        for (CompletableFuture<ScimClient.Response> create : held) {
            assertEquals(201, create.get(60, TimeUnit.SECONDS).status(), "the held creates finish once the lock is gone");
        }
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) { // the rate (5 a second) may ask for a wait
            Thread.sleep(300);
            status = busyClient.get("Users?count=1").status();
        }
        assertEquals(200, status, "the held calls are over: the enterprise is served again");
    }
}
