package com.rollcall.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /.search over every resource type. */
@ExtendWith(RollcallServer.class)
class RootSearchIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Root search"));

    @Test
    void searchesUsersThenGroupsWithOnePaging() {
        scim.post("Users", "{\"userName\":\"root1@example.com\"}");
        scim.post("Users", "{\"userName\":\"root2@example.com\"}");
        scim.post("Groups", "{\"displayName\":\"Root group\"}");

        ScimClient.Response all = scim.post(".search", "{\"startIndex\":2,\"count\":5}");
        assertEquals(200, all.status(), all.toString());
        assertEquals(3, all.json().getInt("totalResults"));
        assertEquals(List.of("User", "Group"), all.json().getJsonArray("Resources").stream()
                .map(r -> r.asJsonObject().getJsonObject("meta").getString("resourceType")).toList());

        ScimClient.Response onlyUsers = scim.post(".search", "{\"filter\":\"userName sw \\\"root1\\\"\"}");
        assertEquals(1, onlyUsers.json().getInt("totalResults"), "groups have no userName: they match nothing");
        ScimClient.Response onlyGroups = scim.post(".search", "{\"filter\":\"displayName eq \\\"root group\\\"\"}");
        assertEquals(1, onlyGroups.json().getInt("totalResults"));
        ScimClient.Response neither = scim.post(".search", "{\"filter\":\"nosuch eq \\\"x\\\"\"}");
        assertEquals(400, neither.status());
        assertEquals("invalidFilter", neither.json().getString("scimType"));
    }
}
