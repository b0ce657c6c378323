package com.rollcall.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Discovery and the SCIM error contract at the HTTP edge (media types, routes, sizes). */
@ExtendWith(RollcallServer.class)
class ProtocolBasicsIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Protocol"));

    @Test
    void serviceProviderConfigIsServedAsScimJson() {
        ScimClient.Response config = scim.get("ServiceProviderConfig");
        assertEquals(200, config.status());
        assertTrue(config.contentType().startsWith("application/scim+json"), config.contentType());
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
                config.json().getJsonArray("schemas").getString(0));
        assertEquals("oauthbearertoken", config.json().getJsonArray("authenticationSchemes").getJsonObject(0).getString("type"));
        assertEquals(true, config.json().getJsonObject("filter").getBoolean("supported"));
        assertEquals(1000, config.json().getJsonObject("filter").getInt("maxResults"));
        assertEquals(true, config.json().getJsonObject("sort").getBoolean("supported"));
        assertEquals(true, config.json().getJsonObject("etag").getBoolean("supported"));
        assertEquals(true, config.json().getJsonObject("patch").getBoolean("supported"));
        assertEquals(false, config.json().getJsonObject("bulk").getBoolean("supported"));
        assertEquals(false, config.json().getJsonObject("changePassword").getBoolean("supported"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertTrue(scim.get("ServiceProviderConfig").header("X-Request-Id").isPresent());
    }

    @Test
    void unknownRouteIs404ScimError() {
        ScimClient.Response response = scim.get("NoSuchEndpoint");
        assertEquals(404, response.status());
        assertTrue(response.contentType().startsWith("application/scim+json"));
        assertEquals("404", response.json().getString("status"));
    }

    @Test
    void wrongMethodIs405ScimError() {
        ScimClient.Response response = scim.send(scim.request("ServiceProviderConfig").DELETE());
        assertEquals(405, response.status());
        assertEquals("405", response.json().getString("status"));
    }

    @Test
    void plainJsonRequestsAreAcceptedAndAnswerAsScimJson() {
        ScimClient.Response response = scim.send(scim.request("Users")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"plain-json@example.com\"}")));
        assertEquals(201, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("application/scim+json"));
    }

    @Test
    void unsupportedMediaTypesAre415And406() {
        ScimClient.Response wrongBody = scim.send(scim.request("Users").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("userName=x")));
        assertEquals(415, wrongBody.status());
        assertEquals("415", wrongBody.json().getString("status"));
        ScimClient.Response wrongAccept = scim.send(scim.request("ServiceProviderConfig").header("Accept", "text/html"));
        assertEquals(406, wrongAccept.status());
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"userName\":\"big@example.com\",\"displayName\":\"" + "x".repeat(1_100_000) + "\"}";
        ScimClient.Response response = scim.post("Users", huge);
        assertEquals(413, response.status());
        assertEquals("413", response.json().getString("status"));
    }
}
