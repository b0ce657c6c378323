package com.rollcall.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Entra's group lookup: GET /Groups?excludedAttributes=members&filter=displayName eq "...". */
@ExtendWith(RollcallServer.class)
class GroupListIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Group lists"));

    @Test
    void entraFindsAGroupByDisplayNameWithoutMembers() {
        String ann = scim.post("Users", "{\"userName\":\"ann.gl@example.com\"}").json().getString("id");
        String id = scim.post("Groups", "{\"displayName\":\"Field Sales\",\"externalId\":\"fs-1\",\"members\":[{\"value\":\""
                + ann + "\"}]}").json().getString("id");

        ScimClient.Response found = scim.get("Groups?excludedAttributes=members&filter="
                + URLEncoder.encode("displayName eq \"field sales\"", StandardCharsets.UTF_8));

        assertEquals(200, found.status(), found.toString());
        assertEquals(1, found.json().getInt("totalResults"));
        JsonObject group = found.json().getJsonArray("Resources").getJsonObject(0);
        assertEquals(id, group.getString("id"));
        assertFalse(group.containsKey("members"));
        assertEquals(0, scim.get("Groups?filter=" + URLEncoder.encode("displayName eq \"Other\"", StandardCharsets.UTF_8))
                .json().getInt("totalResults"));
        assertEquals(1, scim.get("Groups?filter=" + URLEncoder.encode("members.value eq \"" + ann + "\"", StandardCharsets.UTF_8))
                .json().getInt("totalResults"));
        assertEquals(1, scim.get("Groups?filter=" + URLEncoder.encode("externalId eq \"fs-1\"", StandardCharsets.UTF_8))
                .json().getInt("totalResults"));
        JsonObject withMembers = scim.get("Groups").json().getJsonArray("Resources").getJsonObject(0);
        assertTrue(withMembers.containsKey("members"));
    }

    @Test
    void groupSearchByPost() {
        scim.post("Groups", "{\"displayName\":\"Posted\"}");
        ScimClient.Response found = scim.post("Groups/.search",
                "{\"filter\":\"displayName sw \\\"post\\\"\",\"excludedAttributes\":[\"members\"]}");
        assertEquals(200, found.status(), found.toString());
        assertEquals(1, found.json().getInt("totalResults"));
    }
}
