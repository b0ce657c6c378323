package com.rollcall.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import com.rollcall.testing.TcpProxy;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A database outage for one server (issue 18): the server reaches MariaDB through a {@link TcpProxy} the test cuts
 * (every connection closed, new ones refused, as when the database stops). While it is cut, every request that needs
 * the database answers within 2 s with 503 + Retry-After and its API's error body naming the request id (the console's
 * sign-in: the "try again" page, never the 500 page), readiness is
 * down, and the log stays short (one line per kind of failure, the remap poller backing off); once the proxy is back
 * the same server serves again without a restart. MariaDB only (the embedded H2 lives inside the server).
 */
class DatabaseOutageIT {
    private static final Pattern URL = Pattern.compile("jdbc:(mysql|mariadb)://([^:/?]+)(?::(\\d+))?(.*)");
    private static final long OUTAGE_MILLIS = 8_000;

    record Answer(String what, long millis, ScimClient.Response response) {
    }

    @Test
    void answersFastWith503WhileTheDatabaseIsGoneAndRecoversWithoutARestart() throws Exception {
        Matcher url = URL.matcher(TestDatabase.url());
        assertTrue(url.matches(), "a MySQL URL: " + TestDatabase.url());
        try (TcpProxy proxy = new TcpProxy(url.group(2), url.group(3) == null ? 3306 : Integer.parseInt(url.group(3)))) {
            Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment("db-outage"));
            env.put("ROLLCALL_DB_URL", "jdbc:" + url.group(1) + "://127.0.0.1:" + proxy.port() + url.group(4));
            try (ServerProcess server = ServerProcess.start("db-outage-instance", env)) {
                Tenant tenant = TestTenants.create("Outage");
                ScimClient scim = new ScimClient(server.scimUrl(), tenant.token());
                JsonClient admin = new JsonClient(server.baseUrl() + "api/admin/v1/", tenant.token());
                ScimClient health = new ScimClient(server.baseUrl(), null);
                ScimClient.Response created = scim.post("Users", user("before.outage"));
                assertEquals(201, created.status(), created.toString());
                String id = created.json().getString("id");
                assertEquals(200, scim.get("Users?count=1").status());
                // the console's sign-in page, opened before the outage and sent during it
                java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                        .cookieHandler(new java.net.CookieManager()).build();
                String signInPage = browser.send(HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "login.xhtml"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"")
                        .matcher(signInPage);
                assertTrue(viewState.find(), signInPage);
                long logBefore = Files.size(server.log());

                proxy.cut();
                List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
                Map<String, Supplier<ScimClient.Response>> calls = Map.of(
                        "list", () -> scim.get("Users?filter=" + java.net.URLEncoder.encode("userName eq \"x@example.com\"",
                                java.nio.charset.StandardCharsets.UTF_8)),
                        "read", () -> scim.get("Users/" + id),
                        "create", () -> scim.post("Users", user("during.outage." + System.nanoTime())),
                        "patch", () -> scim.send(scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:"
                                        + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\","
                                        + "\"value\":\"x\"}]}"))),
                        "admin", () -> admin.get("settings"));
                long end = System.currentTimeMillis() + OUTAGE_MILLIS;
                ExecutorService clients = Executors.newFixedThreadPool(4);
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    running.add(clients.submit(() -> {
                        while (System.currentTimeMillis() < end) {
                            for (Map.Entry<String, Supplier<ScimClient.Response>> call : calls.entrySet()) {
                                long start = System.nanoTime();
                                ScimClient.Response response = call.getValue().get();
                                answers.add(new Answer(call.getKey(), (System.nanoTime() - start) / 1_000_000, response));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> client : running) {
                    client.get(60, TimeUnit.SECONDS);
                }
                clients.shutdown();
                long signInStart = System.nanoTime();
                java.net.http.HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(
                        java.net.URI.create(server.baseUrl() + "login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("login=login&username=admin.during.outage%40example.com"
                                + "&password=not-checked&sign-in=Sign+in&jakarta.faces.ViewState="
                                + java.net.URLEncoder.encode(viewState.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                long signInMillis = (System.nanoTime() - signInStart) / 1_000_000;
                assertEquals(503, signIn.statusCode(), "the console's sign-in during the outage: " + signIn.body());
                assertTrue(signIn.headers().firstValue("Retry-After").isPresent(), signIn.headers().toString());
                assertTrue(signIn.body().contains("cannot reach its database"), signIn.body());
                assertTrue(signInMillis < 2000, "the sign-in answered in " + signInMillis + " ms");
                long readyStart = System.nanoTime();
                ScimClient.Response ready = health.get("health/ready");
                long readyMillis = (System.nanoTime() - readyStart) / 1_000_000;
                long logGrowth = Files.size(server.log()) - logBefore;
                String outageLog = Files.readString(server.log()).substring((int) logBefore);
                String logHead = outageLog.substring(0, Math.min(outageLog.length(), 4000));

                List<Long> times = answers.stream().map(Answer::millis).sorted().toList();
                System.out.printf("database outage: %d answers in %d s, median %d ms, max %d ms; readiness %d in %d ms; "
                        + "log grew %d bytes%n", answers.size(), OUTAGE_MILLIS / 1000, times.get(times.size() / 2),
                        times.get(times.size() - 1), ready.status(), readyMillis, logGrowth);
                for (Answer answer : answers) {
                    ScimClient.Response r = answer.response();
                    assertTrue(answer.millis() < 2000, answer.what() + " took " + answer.millis() + " ms: " + r);
                    assertEquals(503, r.status(), answer.what() + ": " + r);
                    assertTrue(r.header("Retry-After").isPresent(), answer.what() + ": " + r);
                    JsonObject body = r.json();
                    if (answer.what().equals("admin")) {
                        JsonClient.assertError(r, 503, "unavailable");
                        assertTrue(body.containsKey("requestId"), r.toString());
                    } else {
                        assertTrue(r.contentType().startsWith("application/scim+json"), r.toString());
                        assertEquals("503", body.getString("status"), r.toString());
                        assertTrue(body.getString("detail").contains("request id "), r.toString());
                        assertTrue(body.getJsonArray("schemas").getString(0).endsWith(":Error"), r.toString());
                    }
                }
                assertTrue(answers.size() >= 20, "the clients kept getting answers: " + answers.size());
                assertEquals(503, ready.status(), "readiness is down while the database is: " + ready);
                assertTrue(readyMillis < 3000, "readiness answered in " + readyMillis + " ms");

                // the log: the request failures in one line, the remap poller in at most two (it backs off), no traces
                assertEquals(1, count(outageLog, "The database cannot be reached"), logHead);
                assertTrue(count(outageLog, "Could not claim remap jobs") <= 2, logHead);
                assertEquals(0, count(outageLog, "A system exception occurred during an invocation on EJB"), logHead);
                assertEquals(1, count(outageLog, "Console requests get a try-again answer"), logHead);
                assertEquals(0, count(outageLog, "threw exception"), logHead);
                assertTrue(logGrowth < 40_000, "the log grew " + logGrowth + " bytes for " + answers.size()
                        + " failed requests; it begins:\n" + logHead);

                proxy.restore();
                long back = System.nanoTime();
                ScimClient.Response again = null;
                while (System.nanoTime() - back < TimeUnit.SECONDS.toNanos(20)) {
                    again = scim.get("Users/" + id);
                    if (again.status() == 200) {
                        break;
                    }
                    Thread.sleep(200);
                }
                System.out.printf("database outage: served again %d ms after the database came back%n",
                        (System.nanoTime() - back) / 1_000_000);
                assertEquals(200, again.status(), "served again without a restart: " + again);
                assertEquals(201, scim.post("Users", user("after.outage")).status());
                assertEquals(200, health.get("health/ready").status());
                assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ? "
                        + "AND user_name LIKE 'during.outage.%'", tenant.enterpriseId()), "nothing written during the outage");
            }
        }
    }

    private static String user(String name) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name + "@example.com\"}";
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
