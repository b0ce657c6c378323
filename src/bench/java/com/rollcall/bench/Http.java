package com.rollcall.bench;

import java.io.IOException;
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
