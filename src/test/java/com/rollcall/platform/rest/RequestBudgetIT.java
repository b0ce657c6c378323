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
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * At most 2 calls of one enterprise in progress at once (this server's bound): two creates whose bodies are held
     * back keep two calls in progress; a third call of that enterprise is refused at once, another enterprise's is
     * served, and once the two are over the enterprise is served again (the count is given back, whatever became of
     * the held calls).
     */
    private static void inProgressCallsAreBoundedPerEnterprise(ServerProcess server) throws Exception {
        Tenant busy = TestTenants.create("Budget busy");
        Tenant other = TestTenants.create("Budget other");
        URI base = URI.create(server.scimUrl());
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("POST " + base.getPath() + "Users HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + busy.token() + "\r\nContent-Type: application/scim+json\r\n"
                        + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                held.add(socket);
            }
            ScimClient busyClient = new ScimClient(server.scimUrl(), busy.token());
            ScimClient.Response third = null;
            for (int attempt = 0; attempt < 50; attempt++) { // until both held calls have reached the application
                third = busyClient.get("Users?count=1");
                if (third.status() == 429) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals(429, third.status(), "a third call while two are in progress: " + third);
            assertTrue(third.json().getString("detail").contains("in progress"), third.toString());
            assertEquals("1", third.header("Retry-After").orElseThrow());
            assertEquals(200, new ScimClient(server.scimUrl(), other.token()).get("Users?count=1").status(),
                    "another enterprise is served");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        ScimClient busyClient = new ScimClient(server.scimUrl(), busy.token());
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) { // the rate (5 a second) may ask for a wait
            Thread.sleep(300);
            status = busyClient.get("Users?count=1").status();
        }
        assertEquals(200, status, "the held calls are over: the enterprise is served again");
    }
}
