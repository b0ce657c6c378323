package com.rollcall.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PATCH /Groups/{id}: membership deltas (ENTRA.md Q3), 204 by default, attributes through the engine. */
@ExtendWith(RollcallServer.class)
class GroupPatchIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Group patch"));

    private String user(String name) {
        return scim.post("Users", "{\"userName\":\"" + name + "\"}").json().getString("id");
    }

    private ScimClient.Response patch(String id, String query, String operations) {
        return scim.send(scim.request("Groups/" + id + query).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}")));
    }

    private Set<String> members(String group) {
        Set<String> ids = new HashSet<>();
        scim.get("Groups/" + group).json().getJsonArray("members").forEach(m -> ids.add(m.asJsonObject().getString("value")));
        return ids;
    }

    @Test
    void entraAddsAndRemovesMembersInBatchesAnd204s() {
        String ann = user("ann.gp@example.com");
        String bob = user("bob.gp@example.com");
        String carol = user("carol.gp@example.com");
        String group = scim.post("Groups", "{\"displayName\":\"Patched\"}").json().getString("id");

        ScimClient.Response added = patch(group, "", "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann
                + "\"},{\"value\":\"" + bob + "\"},{\"value\":\"" + carol + "\"}]}]");
        assertEquals(204, added.status(), added.toString());
        assertEquals(Set.of(ann, bob, carol), members(group));

        assertEquals(204, patch(group, "", "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}]").status());
        assertEquals(Set.of(ann, carol), members(group), "Q3: removes THESE members, never all");

        assertEquals(204, patch(group, "", "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ann + "\\\"]\"}]").status());
        assertEquals(Set.of(carol), members(group));

        assertEquals(204, patch(group, "", "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]},"
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + carol + "\"}]}]").status(),
                "removing a non-member and re-adding a member are no-ops, not errors");
        assertEquals(1, scim.get("Groups?filter=displayName%20eq%20%22Patched%22&excludedAttributes=members").json()
                .getJsonArray("Resources").size());

        assertEquals(204, patch(group, "", "[{\"op\":\"remove\",\"path\":\"members\"}]").status());
        assertEquals(Set.of(), members(group));
    }

    @Test
    void attributesChangeThroughTheEngineAndAnswer200WhenAsked() {
        String group = scim.post("Groups", "{\"displayName\":\"Old name\"}").json().getString("id");
        ScimClient.Response renamed = patch(group, "?attributes=displayName",
                "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"New name\"},"
                        + "{\"op\":\"Add\",\"path\":\"externalId\",\"value\":\"ext-g\"}]");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("New name", renamed.json().getString("displayName"));
        JsonObject read = scim.get("Groups/" + group).json();
        assertEquals("ext-g", read.getString("externalId"));
    }

    @Test
    void unknownMemberMakesTheWholePatchFailAndChangeNothing() {
        String ann = user("ann.atomic@example.com");
        String group = scim.post("Groups", "{\"displayName\":\"Atomic group\"}").json().getString("id");
        String version = scim.get("Groups/" + group).json().getJsonObject("meta").getString("version");
        ScimClient.Response failed = patch(group, "", "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"},"
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"},{\"value\":\"ghost\"}]}]");
        assertEquals(400, failed.status(), failed.toString());
        assertTrue(failed.json().getString("detail").contains("ghost"));
        JsonObject read = scim.get("Groups/" + group).json();
        assertEquals("Atomic group", read.getString("displayName"));
        assertEquals(0, read.getJsonArray("members").size());
        assertEquals(version, read.getJsonObject("meta").getString("version"));
    }

    /** An Entra rename to a name another group has is accepted (group names need not be unique); an externalId is. */
    @Test
    void renameToANameAnotherGroupHasIsAcceptedButATakenExternalIdIs409() {
        scim.post("Groups", "{\"displayName\":\"Taken group\",\"externalId\":\"taken-ext\"}");
        String group = scim.post("Groups", "{\"displayName\":\"Free group\"}").json().getString("id");
        ScimClient.Response renamed = patch(group, "", "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"taken GROUP\"}]");
        assertEquals(204, renamed.status(), renamed.toString());
        assertEquals("taken GROUP", scim.get("Groups/" + group).json().getString("displayName"));
        ScimClient.Response clash = patch(group, "", "[{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"taken-ext\"}]");
        assertEquals(409, clash.status());
        assertEquals("uniqueness", clash.json().getString("scimType"));
    }
}
