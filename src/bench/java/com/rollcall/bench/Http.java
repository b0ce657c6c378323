package com.rollcall.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One HTTP/1.1 client (kept-alive connections) shared by the workers; every call is timed. */
final class Http {
    /** A timed answer; status -1 when the request failed on the wire. */
    record Answer(int status, String body, long nanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final String SCIM = "application/scim+json";
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String bearer;

    Http(String base, String token) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.bearer = "Bearer " + token;
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer getNoAuth(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET().build());
    }

    Answer post(String path, String body) {
        return send(request(path).header("Content-Type", SCIM).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A JSON POST (the operator API): {@code application/json} both ways. */
    Answer postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", bearer).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * A GET whose body is read and dropped as it comes (big member lists): the answer's body is its first 2,000
     * characters, {@code bytes} its whole length.
     */
    Drained getDrained(String path) {
        return drain(request(path).GET().build());
    }

    /** {@link #getDrained} for a POST (a {@code .search}). */
    Drained postDrained(String path, String body) {
        return drain(request(path).header("Content-Type", SCIM).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A timed answer whose body was dropped: its first characters and its length. */
    record Drained(int status, String head, long bytes, long nanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Drained drain(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] buffer = new byte[64 * 1024];
            long bytes = 0;
            String head = null;
            try (InputStream in = response.body()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (head == null) {
                        head = new String(buffer, 0, Math.min(n, 2000), java.nio.charset.StandardCharsets.UTF_8);
                    }
                    bytes += n;
                }
            }
            return new Drained(response.statusCode(), head == null ? "" : head, bytes, Math.max(1, System.nanoTime() - start));
        } catch (IOException e) {
            return new Drained(-1, String.valueOf(e), 0, Math.max(1, System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Drained(-1, "interrupted", 0, Math.max(1, System.nanoTime() - start));
        }
    }

    Answer patch(String path, String body) {
        return send(request(path).header("Content-Type", SCIM)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", bearer)
                .header("Accept", SCIM);
    }

    private Answer send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), Math.max(1, System.nanoTime() - start));
        } catch (IOException e) {
            return new Answer(-1, String.valueOf(e), Math.max(1, System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", Math.max(1, System.nanoTime() - start));
        }
    }
}
