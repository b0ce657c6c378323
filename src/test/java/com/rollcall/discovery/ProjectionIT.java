package com.rollcall.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** attributes / excludedAttributes (RFC 7644 section 3.9) on reads and on write responses. */
@ExtendWith(RollcallServer.class)
class ProjectionIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Projection"));

    private String user() {
        return scim.post("Users", "{\"userName\":\"proj@example.com\",\"title\":\"T\",\"name\":{\"givenName\":\"P\",\"familyName\":\"R\"},"
                + "\"emails\":[{\"value\":\"proj@example.com\",\"type\":\"work\"}],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"7\"}}").json().getString("id");
    }

    @Test
    void attributesKeepsOnlyWhatIsAskedPlusIdAndSchemas() {
        JsonObject read = scim.get("Users/" + user() + "?attributes=userName,name.givenName").json();
        assertTrue(read.keySet().containsAll(Set.of("schemas", "id", "userName", "name")), read.toString());
        assertFalse(read.containsKey("title"));
        assertFalse(read.containsKey("emails"));
        assertEquals(Set.of("givenName"), read.getJsonObject("name").keySet());
    }

    @Test
    void excludedAttributesRemovesThemButNeverTheId() {
        JsonObject read = scim.get("Users/" + user() + "?excludedAttributes=emails,id,"
                + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber").json();
        assertFalse(read.containsKey("emails"));
        assertTrue(read.containsKey("id"));
        assertEquals("T", read.getString("title"));
    }

    @Test
    void writeResponsesAreProjectedToo() {
        ScimClient.Response created = scim.post("Users?attributes=userName",
                "{\"userName\":\"proj.post@example.com\",\"title\":\"Hidden\"}");
        assertEquals(201, created.status());
        assertFalse(created.json().containsKey("title"));
        assertTrue(created.header("Location").isPresent(), "headers still come from meta");
    }

    @Test
    void groupAttributesWithoutMembersDoNotReturnThem() {
        String ann = user();
        String group = scim.post("Groups", "{\"displayName\":\"Projected\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");
        JsonObject onlyName = scim.get("Groups/" + group + "?attributes=displayName").json();
        assertFalse(onlyName.containsKey("members"));
        assertEquals("Projected", onlyName.getString("displayName"));
        assertEquals(1, scim.get("Groups/" + group + "?attributes=members").json().getJsonArray("members").size());
    }
}
