package com.rollcall.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;

/**
 * The admin ({@code /api/admin/v1}) and operator ({@code /api/operator/v1}) JSON APIs as automation calls them:
 * application/json, a bearer token.
 */
public final class JsonClient {
    private final ScimClient http;

    public JsonClient(String baseUrl, String token) {
        this.http = new ScimClient(baseUrl, token);
    }

    /** The shared server's admin API with this token (null: none). */
    public static JsonClient admin(String token) {
        return new JsonClient(RollcallServer.get().baseUrl() + "api/admin/v1/", token);
    }

    public static JsonClient admin(Tenant tenant) {
        return admin(tenant.token());
    }

    /** The shared server's operator API with this token (null: none). */
    public static JsonClient operator(String token) {
        return new JsonClient(RollcallServer.get().baseUrl() + "api/operator/v1/", token);
    }

    /** The shared server's operator API with this run's configured operator token. */
    public static JsonClient operator() {
        return operator(Operator.TOKEN);
    }

    public ScimClient.Response get(String path) {
        return http.send(http.request(path).header("Accept", "application/json").GET());
    }

    public ScimClient.Response post(String path, String json) {
        return send("POST", path, json);
    }

    public ScimClient.Response post(String path, JsonObject json) {
        return send("POST", path, json.toString());
    }

    public ScimClient.Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public ScimClient.Response patch(String path, JsonObject json) {
        return send("PATCH", path, json.toString());
    }

    public ScimClient.Response delete(String path) {
        return http.send(http.request(path).header("Accept", "application/json").DELETE());
    }

    /** A JSON request with any method. */
    public ScimClient.Response send(String method, String path, String json) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    public ScimClient.Response send(HttpRequest.Builder request) {
        return http.send(request);
    }

    public HttpRequest.Builder request(String path) {
        return http.request(path);
    }

    /** The admin error shape: a stable code, a human message, the request id; JSON; never exception text. */
    public static void assertError(ScimClient.Response response, int status, String code) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType() + " " + response);
        var json = response.json();
        assertEquals(code, json.getString("code"), response.toString());
        assertFalse(json.getString("message").isBlank(), response.toString());
        assertEquals(response.header("X-Request-Id").orElseThrow(), json.getString("requestId"), response.toString());
        assertFalse(response.text().contains("Exception"), response.text());
        assertFalse(response.text().contains("at com."), response.text());
    }
}
