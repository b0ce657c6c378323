package com.rollcall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import java.net.http.HttpRequest;

/** The admin JSON API (/api/admin/v1) as automation calls it: application/json, bearer token. */
final class AdminClient {
    private final ScimClient http;

    AdminClient(String token) {
        this.http = new ScimClient(RollcallServer.get().baseUrl() + "api/admin/v1/", token);
    }

    static AdminClient forTenant(Tenant tenant) {
        return new AdminClient(tenant.token());
    }

    ScimClient.Response get(String path) {
        return http.send(http.request(path).header("Accept", "application/json").GET());
    }

    ScimClient.Response post(String path, String json) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    ScimClient.Response delete(String path) {
        return http.send(http.request(path).DELETE());
    }

    ScimClient.Response send(HttpRequest.Builder request) {
        return http.send(request);
    }

    HttpRequest.Builder request(String path) {
        return http.request(path);
    }

    /** The admin error shape: a stable code, a human message, the request id; JSON; never exception text. */
    static void assertError(ScimClient.Response response, int status, String code) {
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
