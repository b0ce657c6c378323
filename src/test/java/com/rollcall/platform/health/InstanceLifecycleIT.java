package com.rollcall.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * One instance's start and stop under traffic (issue 18), on a server of its own started by this test:
 * <ul>
 *   <li>while it starts, clients hammering its port get nothing but a refused connection, a 503 with Retry-After, or
 *       (once deployed) the application's own answer: never Payara's 404 page, a 501 or an empty 500;</li>
 *   <li>on SIGTERM readiness is down within a second, a request in flight (held on the license row lock) still
 *       completes, new requests get 503 + Retry-After with a SCIM body for the drain's 4 s, then the port is closed
 *       (connections refused) and the process exits with 143. Every answer of the drain, the request in flight's
 *       included, closes its connection ({@code Connection: close}), so a balancer keeps none of them in its pool
 *       to send a request on as the port closes.</li>
 * </ul>
 */
class InstanceLifecycleIT {
    private static final int DRAIN_SECONDS = 4;
    /** HTTP/1.1, as a balancer talks to an instance (over HTTP/2 there is no Connection header to see). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** What one request met: a status and body, or no HTTP answer at all. */
    record Seen(long atMillis, int status, String contentType, String retryAfter, String body, String failure,
            String connection) {
        String kind() {
            if (failure != null) {
                return "no answer (" + failure + ")";
            }
            return status + " " + (contentType == null ? "-" : contentType.split(";")[0]) + (retryAfter == null ? "" : " Retry-After");
        }
    }

    private static Seen call(HttpRequest request, long since) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Seen(System.currentTimeMillis() - since, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), null,
                    response.headers().firstValue("Connection").orElse(null));
        } catch (java.io.IOException e) {
            return new Seen(System.currentTimeMillis() - since, 0, null, null, null, e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void startsBehindAClosedPortAndStopsByDraining() throws Exception {
        int port = ServerProcess.freePort();
        String base = "http://127.0.0.1:" + port + "/";
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment("lifecycle"));
        env.put("ROLLCALL_DRAIN_SECONDS", Integer.toString(DRAIN_SECONDS));

        // the start: probe the port from the moment the process is launched until it is ready
        List<Seen> starting = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean booting = new AtomicBoolean(true);
        long launched = System.currentTimeMillis();
        ExecutorService probes = Executors.newFixedThreadPool(2);
        for (String path : List.of("scim/v2/Users", "api/admin/v1/settings")) {
            probes.submit(() -> {
                while (booting.get()) {
                    starting.add(call(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                            launched));
                    Thread.sleep(25);
                }
                return null;
            });
        }
        ServerProcess server = ServerProcess.launch("lifecycle-instance", env, port);
        try {
            server.awaitReady();
            Thread.sleep(500);
            booting.set(false);
            probes.shutdown();
            probes.awaitTermination(10, TimeUnit.SECONDS);
            System.out.println("start: " + summary(starting));
            for (Seen seen : starting) {
                boolean fine = seen.failure() != null || seen.status() == 401
                        || (seen.status() == 503 && seen.retryAfter() != null && seen.contentType() != null
                                && seen.contentType().contains("json"));
                assertTrue(fine, "while starting, only refused connections, 503 + Retry-After or the application's 401: "
                        + seen + "\n" + summary(starting));
            }
            assertTrue(starting.stream().anyMatch(s -> s.status() == 401), "the probes reached the application");

            stopUnderLoad(server, base);
        } finally {
            booting.set(false);
            probes.shutdownNow();
            server.close();
        }
    }

    private void stopUnderLoad(ServerProcess server, String base) throws Exception {
        Tenant tenant = TestTenants.create("Lifecycle");
        ScimClient scim = new ScimClient(server.scimUrl(), tenant.token());
        assertEquals(201, scim.post("Users", user("warm")).status());

        // a request in flight when the stop begins: its license check waits on the counter row this test holds
        Connection lock = TestDatabase.connect();
        lock.setAutoCommit(false);
        try (PreparedStatement select = lock.prepareStatement(
                "SELECT seats_used FROM license_counter WHERE enterprise_id = ? FOR UPDATE")) {
            select.setLong(1, tenant.enterpriseId());
            select.executeQuery().close();
        }
        CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(HttpRequest.newBuilder(
                URI.create(base + "scim/v2/Users")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tenant.token()).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(user("in.flight"))).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1000);
        assertTrue(!inFlight.isDone(), "the request waits on the lock: " + (inFlight.isDone() ? inFlight.get() : ""));

        AtomicBoolean hammering = new AtomicBoolean(true);
        List<Seen> stopping = Collections.synchronizedList(new ArrayList<>());
        long[] signalled = new long[1];
        ExecutorService hammer = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            int client = c;
            hammer.submit(() -> {
                for (int i = 0; hammering.get(); i++) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "scim/v2/Users"
                            + (client % 2 == 0 ? "?count=1" : ""))).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + tenant.token());
                    if (client % 2 == 1) {
                        request.header("Content-Type", "application/scim+json")
                                .POST(HttpRequest.BodyPublishers.ofString(user("hammer." + client + "." + i)));
                    }
                    Seen seen = call(request.build(), signalled[0] == 0 ? System.currentTimeMillis() : signalled[0]);
                    if (signalled[0] != 0) {
                        stopping.add(seen);
                    }
                    Thread.sleep(10);
                }
                return null;
            });
        }
        Thread.sleep(500);
        signalled[0] = System.currentTimeMillis();
        server.terminate();

        // readiness goes down at once
        long readyDown = -1;
        while (System.currentTimeMillis() - signalled[0] < 3000) {
            Seen ready = call(HttpRequest.newBuilder(URI.create(base + "health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    signalled[0]);
            if (ready.status() == 503) {
                readyDown = ready.atMillis();
                break;
            }
            Thread.sleep(50);
        }
        // an HTTP/2 (h2c) client is refused with a well-formed answer too: the Connection: close the filter sets is
        // an HTTP/1 header, which HTTP/2 forbids (Grizzly leaves it out of HTTP/2 answers)
        HttpResponse<String> h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build().send(
                HttpRequest.newBuilder(URI.create(base + "scim/v2/Users?count=1")).timeout(Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + tenant.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, h2.version(), "upgraded to h2c");
        assertEquals(503, h2.statusCode(), h2.body());
        assertTrue(h2.headers().firstValue("Retry-After").isPresent(), h2.headers().map().toString());
        assertTrue(h2.headers().firstValue("Connection").isEmpty(), "over " + h2.version() + ": " + h2.headers().map());
        Thread.sleep(500);
        lock.rollback();
        lock.close();
        HttpResponse<String> finished = inFlight.get(20, TimeUnit.SECONDS);

        int exit = server.awaitExit(Duration.ofSeconds(60));
        long exited = System.currentTimeMillis() - signalled[0];
        hammering.set(false);
        hammer.shutdown();
        hammer.awaitTermination(40, TimeUnit.SECONDS);
        System.out.printf("stop: readiness down after %d ms; in-flight request %d; exit %d after %d ms; %s%n", readyDown,
                finished.statusCode(), exit, exited, summary(stopping));

        assertTrue(readyDown >= 0 && readyDown < 1000, "readiness down within 1 s: " + readyDown + " ms");
        assertEquals(201, finished.statusCode(), "the request in flight completed: " + finished.body());
        assertEquals("close", finished.headers().firstValue("Connection").orElse(""),
                "answered in the drain: closes its connection " + finished.headers().map());
        assertEquals(143, exit, "exits as SIGTERM asks");
        assertTrue(exited >= DRAIN_SECONDS * 1000L - 200 && exited < DRAIN_SECONDS * 1000L + 15_000,
                "stopped after the drain: " + exited + " ms");
        long drainEnd = DRAIN_SECONDS * 1000L - 200;
        assertTrue(stopping.stream().anyMatch(s -> s.status() == 503), "new requests were refused: " + summary(stopping));
        for (Seen seen : stopping) {
            if (seen.failure() != null) {
                assertTrue(seen.atMillis() >= drainEnd, "no connection refused before the drain ended: " + seen);
                continue;
            }
            if (seen.status() == 200 || seen.status() == 201) {
                continue;
            }
            assertEquals(503, seen.status(), seen.toString());
            assertEquals("close", seen.connection(), "a refusal closes its connection: " + seen);
            assertTrue(seen.retryAfter() != null, seen.toString());
            assertTrue(seen.contentType().startsWith("application/scim+json"), seen.toString());
            assertTrue(seen.body().contains("\"status\":\"503\"") && seen.body().contains("stopping"), seen.toString());
        }
    }

    private static String summary(List<Seen> seen) {
        Map<String, Integer> byKind = new TreeMap<>();
        synchronized (seen) {
            for (Seen s : seen) {
                byKind.merge(s.kind(), 1, Integer::sum);
            }
        }
        return seen.size() + " requests: " + byKind;
    }

    private static String user(String name) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name + "@example.com\"}";
    }
}
