package com.rollcall.admin;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin API's skeleton: admin-scope authentication and the JSON error shape. */
@ExtendWith(RollcallServer.class)
class AdminApiIT {
    private static final Tenant TENANT = TestTenants.create("AdminApi");

    @Test
    void noTokenIs401WithBearerChallengeAndJsonError() {
        ScimClient.Response response = JsonClient.admin((String) null).get("api-clients");
        assertError(response, 401, "unauthorized");
        assertTrue(response.header("WWW-Authenticate").orElse("").startsWith("Bearer"), response.toString());
    }

    @Test
    void unknownTokenIs401() {
        assertError(JsonClient.admin("rc_thisIsNotATokenWeEverIssuedXXXXXXXXXXXXXXXXXX").get("api-clients"), 401, "unauthorized");
    }

    @Test
    void scimOnlyTokenIsForbidden() {
        Tenant scimOnly = TestTenants.create("ScimOnly", 10, "scim");
        ScimClient.Response response = JsonClient.admin(scimOnly.token()).get("api-clients");
        assertError(response, 403, "forbidden");
        assertTrue(response.json().getString("message").contains("admin"), response.toString());
    }

    @Test
    void adminOnlyTokenIsAccepted() {
        Tenant adminOnly = TestTenants.create("AdminOnlyToken", 10, "admin");
        ScimClient.Response response = JsonClient.admin(adminOnly.token()).get("api-clients");
        assertEquals(200, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
    }

    @Test
    void unknownPathIs404NotFound() {
        assertError(JsonClient.admin(TENANT).get("no-such-thing"), 404, "not_found");
    }

    @Test
    void wrongMethodIs405() {
        JsonClient client = JsonClient.admin(TENANT);
        ScimClient.Response response = client.send(client.request("api-clients")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
        assertError(response, 405, "method_not_allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "[1,2]", "\"text\"", "{\"name\": 1, \"scopes\": [\"admin\"]}",
            "{\"name\": \"x\", \"scopes\": \"admin\"}", "{\"name\": \"x\", \"scopes\": [true]}", "{} trailing", "null", ""})
    void malformedOrMistypedJsonIs400InvalidRequest(String body) {
        assertError(JsonClient.admin(TENANT).post("api-clients", body), 400, "invalid_request");
    }

    @Test
    void wrongMediaTypeIs415() {
        JsonClient client = JsonClient.admin(TENANT);
        ScimClient.Response response = client.send(client.request("api-clients").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"scopes\":[\"scim\"]}")));
        assertError(response, 415, "unsupported_media_type");
    }

    @Test
    void scimErrorsStayScimShaped() {
        ScimClient.Response response = new ScimClient(RollcallServer.get().scimUrl(), TENANT.token()).get("Users/nope");
        assertEquals(404, response.status());
        assertEquals("404", response.json().getString("status"), response.toString());
    }
}
