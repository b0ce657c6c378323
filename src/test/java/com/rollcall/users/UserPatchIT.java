package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PATCH /Users/{id} over HTTP: both dialects, all-or-nothing, no-ops, If-Match, uniqueness. */
@ExtendWith(RollcallServer.class)
class UserPatchIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("User patch"));

    private JsonObject create(String json) {
        return scim.post("Users", json).json();
    }

    private ScimClient.Response patch(String id, String operations, String... headers) {
        HttpRequest.Builder request = scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return scim.send(request);
    }

    @Test
    void entraDialectDeactivatesAndUpdatesAttributes() {
        JsonObject user = create("{\"userName\":\"patch.entra@example.com\",\"title\":\"Old\"}");
        ScimClient.Response patched = patch(user.getString("id"), """
                [{"op":"Replace","path":"active","value":"False"},
                 {"op":"Add","path":"title","value":"New"},
                 {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"patch.entra@example.com"},
                 {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"mgr-9"}]""");

        assertEquals(200, patched.status(), patched.toString());
        JsonObject read = scim.get("Users/" + user.getString("id")).json();
        assertEquals(patched.json(), read);
        assertFalse(read.getBoolean("active"));
        assertEquals("New", read.getString("title"));
        assertEquals("work", read.getJsonArray("emails").getJsonObject(0).getString("type"));
        assertEquals("mgr-9", read.getJsonObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                .getJsonObject("manager").getString("value"));
    }

    @Test
    void pathlessReplaceWithPathKeysAndLowercaseRfcOps() {
        JsonObject user = create("{\"userName\":\"pathless@example.com\"}");
        assertEquals(200, patch(user.getString("id"), """
                [{"op":"replace","value":{"displayName":"Pat Less","name.givenName":"Pat",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"E-77"}}]""").status());
        JsonObject read = scim.get("Users/" + user.getString("id")).json();
        assertEquals("Pat Less", read.getString("displayName"));
        assertEquals("Pat", read.getJsonObject("name").getString("givenName"));
        assertEquals("E-77", read.getJsonObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").getString("employeeNumber"));
    }

    @Test
    void aFailingOperationLeavesTheUserUntouched() {
        JsonObject user = create("{\"userName\":\"atomic@example.com\",\"title\":\"Kept\"}");
        ScimClient.Response failed = patch(user.getString("id"), """
                [{"op":"replace","path":"title","value":"Changed"},{"op":"replace","path":"nosuch","value":"x"}]""");
        assertEquals(400, failed.status(), failed.toString());
        assertEquals("invalidPath", failed.json().getString("scimType"));
        assertEquals(user, scim.get("Users/" + user.getString("id")).json());
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        JsonObject user = create("{\"userName\":\"same.patch@example.com\",\"title\":\"Same\"}");
        ScimClient.Response same = patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Same\"}]");
        assertEquals(200, same.status());
        assertEquals(user.getJsonObject("meta"), same.json().getJsonObject("meta"));
    }

    @Test
    void renameToATakenUserNameIs409AndStaleIfMatchIs412() {
        create("{\"userName\":\"taken.patch@example.com\"}");
        JsonObject user = create("{\"userName\":\"mine.patch@example.com\"}");
        ScimClient.Response clash = patch(user.getString("id"),
                "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"TAKEN.patch@example.com\"}]");
        assertEquals(409, clash.status());
        assertEquals("uniqueness", clash.json().getString("scimType"));
        assertEquals(412, patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]",
                "If-Match", "W/\"999\"").status());
        assertEquals(204, patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]",
                "Prefer", "return=minimal").status());
        assertEquals(404, patch("no-such-user", "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]").status());
    }

    @Test
    void malformedPatchBodiesAre400() {
        JsonObject user = create("{\"userName\":\"bad.patch@example.com\"}");
        assertEquals("invalidSyntax", patch(user.getString("id"), "[{\"op\":\"explode\",\"path\":\"title\"}]").json().getString("scimType"));
        assertEquals("noTarget", patch(user.getString("id"), "[{\"op\":\"remove\"}]").json().getString("scimType"));
        assertEquals("invalidValue", patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]")
                .json().getString("scimType"));
        assertEquals("mutability", patch(user.getString("id"), "[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]")
                .json().getString("scimType"));
    }
}
