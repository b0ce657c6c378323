package com.rollcall.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** attributes / excludedAttributes (RFC 7644 section 3.9) on reads and on write responses. */
@ExtendWith(RollcallServer.class)
class ProjectionIT {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Projection"));

    private String user() {
        return scim.post("Users", "{\"userName\":\"proj@example.com\",\"title\":\"T\",\"name\":{\"givenName\":\"P\",\"familyName\":\"R\"},"
                + "\"emails\":[{\"value\":\"proj@example.com\",\"type\":\"work\"}],"
                + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"7\",\"department\":\"Sales\"}}").json().getString("id");
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
        String id = user();
        JsonObject whole = scim.get("Users/" + id).json();
        assertEquals(Json.createObjectBuilder().add("employeeNumber", "7").add("department", "Sales").build(),
                whole.getJsonObject(ENTERPRISE), "the precondition: both are stored and returned");

        JsonObject read = scim.get("Users/" + id + "?excludedAttributes=emails,id," + ENTERPRISE + ":employeeNumber").json();
        assertFalse(read.containsKey("emails"));
        assertEquals(id, read.getString("id"), "id is always returned");
        assertEquals("T", read.getString("title"));
        assertEquals(Json.createObjectBuilder().add("department", "Sales").build(), read.getJsonObject(ENTERPRISE),
                "employeeNumber is gone from the enterprise extension, department stays: " + read);
        JsonObject expected = Json.createObjectBuilder(whole).remove("emails")
                .add(ENTERPRISE, Json.createObjectBuilder().add("department", "Sales")).build();
        assertEquals(expected, read, "nothing else is removed");
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
