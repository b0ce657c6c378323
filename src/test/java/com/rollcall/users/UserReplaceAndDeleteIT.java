package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Okta's PUT (full replace, deactivation) and DELETE (soft delete), with If-Match. */
@ExtendWith(RollcallServer.class)
class UserReplaceAndDeleteIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Replace"));

    private JsonObject create(String json) {
        ScimClient.Response created = scim.post("Users", json);
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private ScimClient.Response put(String id, String json, String ifMatch) {
        HttpRequest.Builder request = scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return scim.send(request);
    }

    private ScimClient.Response delete(String id, String ifMatch) {
        HttpRequest.Builder request = scim.request("Users/" + id).DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return scim.send(request);
    }

    @Test
    void putReplacesEveryAttributeAndClearsWhatIsNoLongerSent() {
        JsonObject user = create("{\"userName\":\"okta.put@example.com\",\"title\":\"Engineer\",\"nickName\":\"Oki\","
                + "\"name\":{\"givenName\":\"Oki\",\"familyName\":\"Ta\"}}");

        ScimClient.Response replaced = put(user.getString("id"), "{\"userName\":\"okta.put@example.com\","
                + "\"title\":\"Manager\",\"name\":{\"givenName\":\"Oki\",\"familyName\":\"Ta\"},\"active\":true}", null);

        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals("Manager", replaced.json().getString("title"));
        assertFalse(replaced.json().containsKey("nickName"), "not sent in the PUT: cleared");
        assertNotEquals(user.getJsonObject("meta").getString("version"), replaced.json().getJsonObject("meta").getString("version"));
        assertEquals(replaced.json(), scim.get("Users/" + user.getString("id")).json());
    }

    @Test
    void putWithActiveFalseDeactivatesAndKeepsTheUser() {
        JsonObject user = create("{\"userName\":\"okta.off@example.com\"}");
        ScimClient.Response off = put(user.getString("id"), "{\"userName\":\"okta.off@example.com\",\"active\":false}", null);
        assertEquals(200, off.status());
        assertFalse(off.json().getBoolean("active"));
        assertEquals(200, scim.get("Users/" + user.getString("id")).status());
    }

    @Test
    void putThatChangesNothingKeepsVersionAndLastModified() {
        JsonObject user = create("{\"userName\":\"noop@example.com\",\"title\":\"Same\"}");
        ScimClient.Response same = put(user.getString("id"), "{\"userName\":\"noop@example.com\",\"title\":\"Same\"}", null);
        assertEquals(200, same.status());
        assertEquals(user.getJsonObject("meta"), same.json().getJsonObject("meta"));
    }

    @Test
    void putToAnotherUsersUserNameIs409AndChangesNothing() {
        create("{\"userName\":\"taken@example.com\"}");
        JsonObject mine = create("{\"userName\":\"mine@example.com\"}");
        ScimClient.Response clash = put(mine.getString("id"), "{\"userName\":\"TAKEN@example.com\"}", null);
        assertEquals(409, clash.status(), clash.toString());
        assertEquals("uniqueness", clash.json().getString("scimType"));
        assertEquals("mine@example.com", scim.get("Users/" + mine.getString("id")).json().getString("userName"));
    }

    @Test
    void ifMatchWithAStaleVersionIs412AndAMatchingOneProceeds() {
        JsonObject user = create("{\"userName\":\"etag@example.com\"}");
        String etag = user.getJsonObject("meta").getString("version");

        ScimClient.Response stale = put(user.getString("id"), "{\"userName\":\"etag@example.com\",\"title\":\"x\"}",
                "W/\"999\"");
        assertEquals(412, stale.status(), stale.toString());
        assertEquals("412", stale.json().getString("status"));

        ScimClient.Response fresh = put(user.getString("id"), "{\"userName\":\"etag@example.com\",\"title\":\"x\"}", etag);
        assertEquals(200, fresh.status(), fresh.toString());
        assertEquals(412, delete(user.getString("id"), etag).status(), "the old version no longer matches");
        assertEquals(204, delete(user.getString("id"), fresh.json().getJsonObject("meta").getString("version")).status());
    }

    @Test
    void deleteIsSoftThen404AndTheUserNameCanBeProvisionedAfresh() {
        JsonObject user = create("{\"userName\":\"leaver@example.com\",\"externalId\":\"leaver-1\"}");

        assertEquals(204, delete(user.getString("id"), null).status());

        assertEquals(404, scim.get("Users/" + user.getString("id")).status());
        assertEquals(404, delete(user.getString("id"), null).status());
        assertEquals(404, put(user.getString("id"), "{\"userName\":\"leaver@example.com\"}", null).status());
        JsonObject again = create("{\"userName\":\"leaver@example.com\",\"externalId\":\"leaver-1\"}");
        assertNotEquals(user.getString("id"), again.getString("id"));
    }

    @Test
    void deleteRemovesTheUsersMemberships() {
        JsonObject user = create("{\"userName\":\"member.leaver@example.com\"}");
        JsonObject stays = create("{\"userName\":\"member.stays@example.com\"}");
        String group = scim.post("Groups", "{\"displayName\":\"Leavers\",\"members\":[{\"value\":\""
                + user.getString("id") + "\"},{\"value\":\"" + stays.getString("id") + "\"}]}").json().getString("id");

        JsonObject groupBefore = scim.get("Groups/" + group).json();

        assertEquals(204, delete(user.getString("id"), null).status());

        JsonObject read = scim.get("Groups/" + group).json();
        assertEquals(1, read.getJsonArray("members").size());
        assertNotEquals(groupBefore.getJsonObject("meta").getString("version"), read.getJsonObject("meta").getString("version"),
                "the group's membership changed, so its ETag changes");
        assertEquals(stays.getString("id"), read.getJsonArray("members").getJsonObject(0).getString("value"));
    }

    @Test
    void putWithBadInputIs400AndChangesNothing() {
        JsonObject user = create("{\"userName\":\"badput@example.com\",\"title\":\"Kept\"}");
        ScimClient.Response bad = put(user.getString("id"), "{\"title\":\"no userName\"}", null);
        assertEquals(400, bad.status());
        assertEquals("invalidValue", bad.json().getString("scimType"));
        assertTrue(scim.get("Users/" + user.getString("id")).json().getString("title").equals("Kept"));
    }
}
