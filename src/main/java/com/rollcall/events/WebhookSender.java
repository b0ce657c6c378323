package com.rollcall.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Optional;

/**
 * One HTTP POST of one event to one endpoint, signed ({@link WebhookSignature}), outside any transaction: 2xx is
 * delivered; anything else, a timeout or a refused address is a failure (redirects are not followed).
 */
@ApplicationScoped
public class WebhookSender {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(WebhookSettings.get().timeout()).build();

    /** What an attempt came to. */
    public record Result(boolean delivered, Integer code, long latencyMillis, String error) {
    }

    Result send(String url, String secret, FeedEvent event) {
        WebhookSettings settings = WebhookSettings.get();
        Optional<String> refused = settings.urls().refusal(url);
        if (refused.isPresent()) {
            return new Result(false, null, 0, refused.get());
        }
        String body = event.toJson().toString();
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip())).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Rollcall-Webhooks/1")
                .header("Rollcall-Event-Id", event.id())
                .header("Rollcall-Event-Type", event.type())
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long latency = (System.nanoTime() - start) / 1_000_000;
            int code = response.statusCode();
            boolean ok = code >= 200 && code < 300;
            return new Result(ok, code, latency, ok ? null : "HTTP " + code);
        } catch (HttpTimeoutException e) {
            return new Result(false, null, (System.nanoTime() - start) / 1_000_000, "timed out after "
                    + settings.timeout().toMillis() + " ms");
        } catch (IOException | IllegalArgumentException e) {
            return new Result(false, null, (System.nanoTime() - start) / 1_000_000, abbreviate(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, (System.nanoTime() - start) / 1_000_000, "interrupted (server stopping)");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 399) + "…";
    }
}
