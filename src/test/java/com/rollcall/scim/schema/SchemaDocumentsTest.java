package com.rollcall.scim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaDocumentsTest {
    private static final String BASE = "https://rollcall.example/scim/v2/";
    private static final Set<String> CHARACTERISTICS = Set.of("name", "type", "multiValued", "description",
            "required", "caseExact", "mutability", "returned", "uniqueness");

    @Test
    void rendersUserSchemaHeaderAndMetaAsTheRfc() {
        JsonObject user = SchemaDocuments.schema(ScimSchemas.USER, BASE);
        assertEquals(json("[\"urn:ietf:params:scim:schemas:core:2.0:Schema\"]"), user.get("schemas"));
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:User", user.getString("id"));
        assertEquals("User", user.getString("name"));
        assertEquals("User Account", user.getString("description"));
        assertEquals(json("""
                {"resourceType": "Schema",
                 "location": "https://rollcall.example/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"}
                """), user.get("meta"));
    }

    static Stream<SchemaDefinition> schemas() {
        return ScimSchemas.SCHEMAS.stream();
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void everyRenderedAttributeCarriesEveryCharacteristic(SchemaDefinition schema) {
        JsonObject document = SchemaDocuments.schema(schema, BASE);
        assertEquals(schema.attributes().size(), document.getJsonArray("attributes").size());
        for (JsonValue value : document.getJsonArray("attributes")) {
            JsonObject attribute = value.asJsonObject();
            assertTrue(attribute.keySet().containsAll(CHARACTERISTICS), attribute.getString("name"));
            boolean complex = attribute.getString("type").equals("complex");
            assertEquals(complex, attribute.containsKey("subAttributes"), attribute.getString("name"));
            assertEquals(attribute.getString("type").equals("reference"), attribute.containsKey("referenceTypes"));
            if (complex) {
                for (JsonValue sub : attribute.getJsonArray("subAttributes")) {
                    assertTrue(sub.asJsonObject().keySet().containsAll(CHARACTERISTICS));
                    assertFalse(sub.asJsonObject().containsKey("subAttributes"));
                }
            }
        }
    }

    @Test
    void rendersUserNameExactlyAsTheRfcWithRollcallsDescription() {
        assertEquals(json("""
                {"name": "userName", "type": "string", "multiValued": false,
                 "description": "Unique sign-in identifier of the user, case-insensitive (up to 300 characters).",
                 "required": true, "caseExact": false,
                 "mutability": "readWrite", "returned": "default", "uniqueness": "server"}
                """), userAttribute("userName"));
    }

    @Test
    void rendersPasswordAsWriteOnlyAndNeverReturned() {
        JsonObject password = userAttribute("password");
        assertEquals("writeOnly", password.getString("mutability"));
        assertEquals("never", password.getString("returned"));
    }

    @Test
    void rendersIdAsReadOnlyCaseExactAlwaysReturnedAndUnique() {
        JsonObject id = userAttribute("id");
        assertEquals("readOnly", id.getString("mutability"));
        assertEquals("always", id.getString("returned"));
        assertEquals("server", id.getString("uniqueness"));
        assertTrue(id.getBoolean("caseExact"));
    }

    @Test
    void rendersEmailsWithSubAttributesAndCanonicalTypes() {
        JsonObject emails = userAttribute("emails");
        assertEquals("complex", emails.getString("type"));
        assertTrue(emails.getBoolean("multiValued"));
        JsonObject type = emails.getJsonArray("subAttributes").stream().map(JsonValue::asJsonObject)
                .filter(sub -> sub.getString("name").equals("type")).findFirst().orElseThrow();
        assertEquals(json("[\"work\", \"home\", \"other\"]"), type.get("canonicalValues"));
    }

    @Test
    void rendersReferencesWithTheirReferenceTypes() {
        assertEquals(json("[\"external\"]"), userAttribute("profileUrl").get("referenceTypes"));
        JsonObject manager = SchemaDocuments.schema(ScimSchemas.ENTERPRISE_USER, BASE).getJsonArray("attributes")
                .stream().map(JsonValue::asJsonObject).filter(a -> a.getString("name").equals("manager"))
                .findFirst().orElseThrow();
        assertEquals(json("""
                {"name": "$ref", "type": "reference", "referenceTypes": ["User"], "multiValued": false,
                 "description": "The URI of the manager.", "required": false, "caseExact": false,
                 "mutability": "readWrite", "returned": "default", "uniqueness": "none"}
                """), manager.getJsonArray("subAttributes").get(1));
    }

    @Test
    void rendersUserResourceTypeWithTheOptionalEnterpriseExtension() {
        assertEquals(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
                 "id": "User", "name": "User", "endpoint": "/Users", "description": "User Account",
                 "schema": "urn:ietf:params:scim:schemas:core:2.0:User",
                 "schemaExtensions": [
                   {"schema": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "required": false}],
                 "meta": {"resourceType": "ResourceType",
                          "location": "https://rollcall.example/scim/v2/ResourceTypes/User"}}
                """), SchemaDocuments.resourceType(ScimSchemas.USER_RESOURCE_TYPE, BASE));
    }

    @Test
    void rendersGroupResourceTypeWithoutExtensionsAsTheRfc() {
        assertEquals(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
                 "id": "Group", "name": "Group", "endpoint": "/Groups", "description": "Group",
                 "schema": "urn:ietf:params:scim:schemas:core:2.0:Group",
                 "meta": {"resourceType": "ResourceType",
                          "location": "https://rollcall.example/scim/v2/ResourceTypes/Group"}}
                """), SchemaDocuments.resourceType(ScimSchemas.GROUP_RESOURCE_TYPE, BASE));
    }

    @Test
    void rendersGroupMembersAsMultiValuedWithImmutableValue() {
        JsonObject members = SchemaDocuments.schema(ScimSchemas.GROUP, BASE).getJsonArray("attributes").stream()
                .map(JsonValue::asJsonObject).filter(a -> a.getString("name").equals("members"))
                .findFirst().orElseThrow();
        assertTrue(members.getBoolean("multiValued"));
        assertEquals("default", members.getString("returned"));
        JsonObject value = members.getJsonArray("subAttributes").getJsonObject(0);
        assertEquals("value", value.getString("name"));
        assertEquals("immutable", value.getString("mutability"));
    }

    private static JsonObject userAttribute(String name) {
        return SchemaDocuments.schema(ScimSchemas.USER, BASE).getJsonArray("attributes").stream()
                .map(JsonValue::asJsonObject).filter(a -> a.getString("name").equals(name))
                .findFirst().orElseThrow();
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
