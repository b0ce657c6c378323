package com.rollcall.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small SCIM client over java.net.http, speaking to a running Rollcall as an IdP would. */
public final class ScimClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    public ScimClient(String scimBaseUrl, String token) {
        this.baseUrl = scimBaseUrl;
        this.token = token;
    }

    public static ScimClient forTenant(Tenant tenant) {
        return new ScimClient(RollcallServer.get().scimUrl(), tenant.token());
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, JsonObject json) {
        return post(path, json.toString());
    }

    /** Any request, for tests that need other methods, headers or media types. */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(int status, HttpResponse<String> raw, String text) {
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(text))) {
                JsonStructure value = reader.read();
                return value.asJsonObject();
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
