package com.rollcall.testing;

import com.rollcall.apiclients.ApiTokens;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;

/**
 * The operator of the servers a test run starts: every one is given this run's operator token
 * ({@code ROLLCALL_OPERATOR_TOKEN}, through {@link TestDatabase#serverEnvironment}), so tests reach
 * {@code /api/operator/v1} the way an operator does.
 */
public final class Operator {
    /** This run's configured operator token (a fresh one per test JVM). */
    public static final String TOKEN = ApiTokens.generate();

    private Operator() {
    }

    /** A client of the operator API of the shared server, with the configured operator token. */
    public static ScimClient api() {
        return api(TOKEN);
    }

    /** A client of the shared server's operator API with any token (null: none). */
    public static ScimClient api(String token) {
        return new ScimClient(RollcallServer.get().baseUrl() + "api/operator/v1/", token);
    }

    /** Sends a JSON request and requires the status; answers the body (an empty object for 204). */
    public static JsonObject write(String method, String path, JsonObject body, int expected) {
        ScimClient api = api();
        ScimClient.Response response = api.send(api.request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString())));
        if (response.status() != expected) {
            throw new IllegalStateException(method + " " + path + " " + body + " answered " + response + " instead of "
                    + expected);
        }
        return response.text().isBlank() ? JsonObject.EMPTY_JSON_OBJECT : response.json();
    }
}
