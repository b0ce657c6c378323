package com.rollcall.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * scripts/faults.sh's load: W workers, each creating a user then patching its title, in a loop, for S seconds,
 * through the balancer. Every request is written as one line (tab-separated): start (epoch ms), op, userName, status
 * (-1 = no answer), milliseconds, Retry-After present (1/0), body kind (scim, json, html, empty, other), SCIM id, the
 * patched title. FaultCheck reads it back.
 * Usage: FaultLoad BASE_URL TOKEN WORKERS SECONDS PREFIX OUT_FILE [STOP_FILE] (stops early once STOP_FILE exists)
 */
public final class FaultLoad {
    private static volatile boolean stopped;

    record Line(long start, String op, String userName, int status, long millis, boolean retryAfter, String kind,
            String id, String value) {
        String tsv() {
            return start + "\t" + op + "\t" + userName + "\t" + status + "\t" + millis + "\t" + (retryAfter ? 1 : 0)
                    + "\t" + kind + "\t" + (id == null ? "-" : id) + "\t" + (value == null ? "-" : value);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String token = args[1];
        int workers = Integer.parseInt(args[2]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[3]) * 1000;
        String prefix = args[4];
        Path out = Path.of(args[5]);
        Path stop = args.length > 6 ? Path.of(args[6]) : null;
        Thread watcher = new Thread(() -> {
            while (!Files.exists(stop)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
            stopped = true;
        }, "stop-watch");
        watcher.setDaemon(true);
        if (stop != null) {
            watcher.start();
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                for (int n = 0; !stopped && System.currentTimeMillis() < deadline; n++) {
                    String userName = prefix + "-" + worker + "-" + n + "@faults.example";
                    String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                            + userName + "\",\"active\":true,\"title\":\"t0\",\"name\":{\"givenName\":\"F\",\"familyName\":\"L"
                            + n + "\"}}";
                    Line created = send(client, token, "create", userName, null,
                            HttpRequest.newBuilder(URI.create(base + "scim/v2/Users"))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)));
                    lines.add(created);
                    if (created.status() == 201 && created.id() != null) {
                        String value = "t" + (n + 1) + "-" + worker;
                        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                                + "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"" + value + "\"}]}";
                        lines.add(send(client, token, "patch", userName, value,
                                HttpRequest.newBuilder(URI.create(base + "scim/v2/Users/" + created.id()))
                                        .method("PATCH", HttpRequest.BodyPublishers.ofString(patch))));
                    } else if (created.status() != 201) {
                        pause(created);
                    }
                }
            }, "load-" + w);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lines.stream().sorted((a, b) -> Long.compare(a.start(), b.start())).forEach(l -> writer.println(l.tsv()));
        }
    }

    /** A client told to retry later waits a little (capped), as an IdP would; an error is not retried at once. */
    private static void pause(Line failed) {
        try {
            Thread.sleep(failed.retryAfter() ? 500 : 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Line send(HttpClient client, String token, String op, String userName, String value,
            HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json")
                .header("Accept", "application/scim+json").build();
        long start = System.currentTimeMillis();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body = response.body();
            String kind = body == null || body.isEmpty() ? "empty"
                    : type.contains("scim+json") ? "scim" : type.contains("json") ? "json"
                    : type.contains("html") ? "html" : "other";
            String id = response.statusCode() == 201 ? Json.id(body) : null;
            return new Line(start, op, userName, response.statusCode(), millis,
                    response.headers().firstValue("Retry-After").isPresent(), kind, id, value);
        } catch (IOException e) {
            return new Line(start, op, userName, -1, (System.nanoTime() - t0) / 1_000_000, false, "none", null, value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Line(start, op, userName, -1, (System.nanoTime() - t0) / 1_000_000, false, "none", null, value);
        }
    }
}
