package com.rollcall.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every answer that carries group members streams them (a list, .search, a projected read, a PUT or PATCH asking for
 * attributes): the documents are exactly what projecting the whole group would give. (That memory stays flat while
 * clients list big groups is measured by scripts/bench.sh.)
 */
@ExtendWith(RollcallServer.class)
class GroupStreamingIT {
    private final Tenant tenant = TestTenants.create("GroupStreaming");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    @Test
    void listsSearchesAndWritesWithMembersCarryThemAsProjected() {
        List<String> users = TestTenants.bulkUsers(tenant, "streamed", 3);
        StringBuilder members = new StringBuilder();
        users.forEach(id -> members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}"));
        String group = scim.post("Groups", "{\"displayName\":\"Streamed\",\"externalId\":\"ext-streamed\",\"members\":["
                + members + "]}").json().getString("id");
        scim.post("Groups", "{\"displayName\":\"Streamed empty\"}");

        JsonObject list = scim.get("Groups?filter=" + encode("displayName sw \"Streamed\"") + "&sortBy=displayName").json();
        assertEquals(2, list.getInt("totalResults"));
        assertEquals(2, list.getInt("itemsPerPage"));
        JsonObject first = list.getJsonArray("Resources").getJsonObject(0);
        assertEquals(3, first.getJsonArray("members").size(), list.toString());
        assertEquals(Set.of("value", "$ref", "type", "display"), first.getJsonArray("members").getJsonObject(0).keySet());
        assertTrue(first.containsKey("meta") && first.containsKey("externalId"));
        assertEquals(0, list.getJsonArray("Resources").getJsonObject(1).getJsonArray("members").size());

        JsonObject projected = scim.get("Groups?attributes=members.value&filter=" + encode("externalId eq \"ext-streamed\""))
                .json().getJsonArray("Resources").getJsonObject(0);
        assertEquals(Set.of("value"), projected.getJsonArray("members").getJsonObject(0).keySet(), projected.toString());
        assertFalse(projected.containsKey("externalId"), "only what was asked (and id, schemas)");
        assertTrue(projected.containsKey("id"));

        JsonObject searched = scim.send(scim.request(".search").header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                        + "SearchRequest\"],\"filter\":\"externalId eq \\\"ext-streamed\\\"\",\"attributes\":[\"displayName\","
                        + "\"members\"]}"))).json();
        JsonObject found = searched.getJsonArray("Resources").getJsonObject(0);
        assertEquals("Streamed", found.getString("displayName"));
        assertEquals(3, found.getJsonArray("members").size(), searched.toString());

        JsonObject one = scim.get("Groups/" + group + "?excludedAttributes=externalId").json();
        assertEquals(3, one.getJsonArray("members").size());
        assertFalse(one.containsKey("externalId"));

        ScimClient.Response put = scim.send(scim.request("Groups/" + group + "?attributes=members")
                .header("Content-Type", "application/scim+json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"displayName\":\"Streamed\",\"externalId\":\"ext-streamed\",\"members\":[{\"value\":\""
                                + users.get(0) + "\"}]}")));
        assertEquals(200, put.status(), put.toString());
        assertEquals(1, put.json().getJsonArray("members").size());
        assertTrue(put.header("ETag").isPresent() && put.header("Location").isPresent());

        ScimClient.Response patch = scim.send(scim.request("Groups/" + group + "?attributes=members")
                .header("Content-Type", "application/scim+json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                                + "\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(1) + "\"}]}]}")));
        assertEquals(200, patch.status(), patch.toString());
        assertEquals(2, patch.json().getJsonArray("members").size(), patch.toString());
        assertFalse(patch.json().containsKey("displayName"), "attributes=members: only the members");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
