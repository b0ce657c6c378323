package com.rollcall.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Details third-party SCIM conformance suites check (each legal either way by the RFC): a Location on every
 * single-resource answer, "primary": false read back as sent, DELETE with a body answered normally, TRACE refused
 * with a SCIM error body (and never echoed anywhere).
 */
@ExtendWith(RollcallServer.class)
class ConformanceDetailsIT {
    private final Tenant tenant = TestTenants.create("Conformance");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    @Test
    void everySingleResourceAnswerHasItsLocation() {
        ScimClient.Response created = scim.post("Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"located@example.com\"}");
        String location = created.json().getJsonObject("meta").getString("location");
        assertEquals(location, created.header("Location").orElse(null), "201");
        String id = created.json().getString("id");
        assertEquals(location, scim.get("Users/" + id).header("Location").orElse(null), "GET 200");
        ScimClient.Response put = scim.send(scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"located@example.com\",\"title\":\"Lead\"}")));
        assertEquals(location, put.header("Location").orElse(null), "PUT 200");
        ScimClient.Response patch = scim.send(scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:"
                        + "2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Head\"}]}")));
        assertEquals(200, patch.status());
        assertEquals(location, patch.header("Location").orElse(null), "PATCH 200");
        String group = scim.post("Groups", "{\"displayName\":\"Located\"}").json().getString("id");
        ScimClient.Response groupRead = scim.get("Groups/" + group);
        assertTrue(groupRead.header("Location").orElse("").endsWith("/Groups/" + group), "a streamed group read too");
    }

    @Test
    void primaryFalseComesBackAsSent() {
        JsonObject user = scim.post("Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"primary@example.com\",\"emails\":[{\"value\":\"primary@example.com\",\"primary\":true},"
                + "{\"value\":\"other@example.com\",\"primary\":false}]}").json();
        assertTrue(user.getJsonArray("emails").getJsonObject(0).getBoolean("primary"));
        assertFalse(user.getJsonArray("emails").getJsonObject(1).getBoolean("primary"), user.toString());
        JsonObject read = scim.get("Users/" + user.getString("id")).json();
        assertFalse(read.getJsonArray("emails").getJsonObject(1).getBoolean("primary"), read.toString());
    }

    @Test
    void aDeleteWithABodyIsAnsweredNormally() {
        String id = scim.post("Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"deleted.with.body@example.com\"}").json().getString("id");
        ScimClient.Response deleted = scim.send(scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"schemas\":[]}")));
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(404, scim.get("Users/" + id).status());
        ScimClient.Response again = scim.send(scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, again.status());
        assertEquals("404", again.json().getString("status"), "a SCIM error body, the connection still usable");
    }

    @Test
    void traceIsRefusedWithAnErrorBodyAndNeverEchoed() {
        ScimClient.Response trace = scim.send(scim.request("Users").header("Cookie", "secret=do-not-echo")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, trace.status(), trace.toString());
        assertTrue(trace.contentType().startsWith("application/scim+json"), trace.toString());
        assertEquals("405", trace.json().getString("status"));
        assertFalse(trace.text().contains("do-not-echo"));
        ScimClient console = new ScimClient(RollcallServer.get().baseUrl(), null);
        ScimClient.Response consoleTrace = console.send(console.request("console/dashboard.xhtml")
                .header("Cookie", "secret=do-not-echo").method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertTrue(consoleTrace.status() == 405 || consoleTrace.status() == 302, "refused, or sent to sign in first: "
                + consoleTrace);
        assertFalse(consoleTrace.text().contains("do-not-echo"), consoleTrace.text());
        ScimClient.Response loginTrace = console.send(console.request("login.xhtml")
                .header("Cookie", "secret=do-not-echo").method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, loginTrace.status(), "a public page: refused");
        assertFalse(loginTrace.text().contains("do-not-echo"), loginTrace.text());
    }
}
