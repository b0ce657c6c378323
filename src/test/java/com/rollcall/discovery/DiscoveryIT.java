package com.rollcall.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /Schemas and /ResourceTypes, as Entra and Okta read them (RFC 7643 sections 6 and 7). */
@ExtendWith(RollcallServer.class)
class DiscoveryIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Discovery"));

    @Test
    void schemasListsUserEnterpriseUserAndGroup() {
        ScimClient.Response list = scim.get("Schemas");
        assertEquals(200, list.status());
        assertEquals(3, list.json().getInt("totalResults"));
        Set<String> ids = list.json().getJsonArray("Resources").stream()
                .map(v -> v.asJsonObject().getString("id")).collect(Collectors.toSet());
        assertEquals(Set.of("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:core:2.0:Group"), ids);
    }

    @Test
    void userSchemaDescribesEveryCharacteristic() {
        JsonObject user = scim.get("Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
        JsonObject userName = attribute(user, "userName");
        assertEquals("string", userName.getString("type"));
        assertEquals(true, userName.getBoolean("required"));
        assertEquals(false, userName.getBoolean("caseExact"));
        assertEquals("server", userName.getString("uniqueness"));
        JsonObject password = attribute(user, "password");
        assertEquals("writeOnly", password.getString("mutability"));
        assertEquals("never", password.getString("returned"));
        assertTrue(attribute(user, "emails").getBoolean("multiValued"));
        assertEquals(404, scim.get("Schemas/urn:example:unknown").status());
    }

    @Test
    void resourceTypesNameTheEndpointsAndTheEnterpriseExtension() {
        ScimClient.Response list = scim.get("ResourceTypes");
        assertEquals(2, list.json().getInt("totalResults"));
        JsonObject user = scim.get("ResourceTypes/User").json();
        assertEquals("/Users", user.getString("endpoint"));
        assertEquals("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                user.getJsonArray("schemaExtensions").getJsonObject(0).getString("schema"));
        assertEquals("/Groups", scim.get("ResourceTypes/Group").json().getString("endpoint"));
    }

    private static JsonObject attribute(JsonObject schema, String name) {
        for (JsonValue attribute : schema.getJsonArray("attributes")) {
            if (attribute.asJsonObject().getString("name").equals(name)) {
                return attribute.asJsonObject();
            }
        }
        throw new AssertionError("no attribute " + name);
    }
}
