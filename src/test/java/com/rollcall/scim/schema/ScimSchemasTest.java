package com.rollcall.scim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScimSchemasTest {
    private static final String ENTERPRISE = Urns.ENTERPRISE_USER;

    @ParameterizedTest
    @CsvSource({
            "urn:ietf:params:scim:schemas:core:2.0:User,                 User",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER,                 User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user, EnterpriseUser",
            "urn:ietf:params:scim:schemas:core:2.0:group,                Group"})
    void findsSchemasByUrnIgnoringCase(String urn, String expectedName) {
        assertEquals(expectedName, ScimSchemas.schema(urn).orElseThrow().name());
        assertEquals(urn.toLowerCase(), ScimSchemas.schema(urn).orElseThrow().id().toLowerCase());
    }

    @ParameterizedTest
    @CsvSource({
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0User",
            "urn:ietf:params:scim:schemas:core:2.0:Role",
            "User"})
    void findsNoSchemaForUnknownUrns(String urn) {
        assertTrue(ScimSchemas.schema(urn).isEmpty());
    }

    @Test
    void findsNoSchemaForNull() {
        assertTrue(ScimSchemas.schema(null).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"User, /Users", "user, /Users", "GROUP, /Groups"})
    void findsResourceTypesByIdIgnoringCase(String id, String endpoint) {
        assertEquals(endpoint, ScimSchemas.resourceType(id).orElseThrow().endpoint());
    }

    /** Short names for schema URNs in the tables below; upper-case tokens stand for the upper-cased URN. */
    private static String urn(String token) {
        if (token == null) {
            return null;
        }
        String urn = switch (token.toLowerCase()) {
            case "user" -> Urns.USER;
            case "enterprise" -> Urns.ENTERPRISE_USER;
            case "group" -> Urns.GROUP;
            default -> throw new IllegalArgumentException(token);
        };
        return token.equals(token.toUpperCase()) ? urn.toUpperCase() : urn;
    }

    @ParameterizedTest
    @CsvSource({
            // type, schema or empty, name, sub or empty -> schema, attribute, sub or empty
            "User,  ,           username,       ,          user,       userName,       ",
            "User,  ,           NAME,           GIVENname, user,       name,           givenName",
            "User,  ,           emails,         value,     user,       emails,         value",
            "User,  USER,       displayName,    ,          user,       displayName,    ",
            "User,  ,           employeeNumber, ,          enterprise, employeeNumber, ",
            "User,  enterprise, manager,        value,     enterprise, manager,        value",
            "User,  ENTERPRISE, MANAGER,        $REF,      enterprise, manager,        $ref",
            "User,  ,           meta,           version,   user,       meta,           version",
            "User,  user,       Meta,           ,          user,       meta,           ",
            "Group, ,           displayname,    ,          group,      displayName,    ",
            "Group, group,      members,        value,     group,      members,        value",
            "Group, ,           ID,             ,          group,      id,             "})
    void locatesAttributesOfAResourceTypeIgnoringCase(String typeId, String schema, String name, String sub,
                                                      String expectedSchema, String expectedAttribute,
                                                      String expectedSub) {
        ResourceTypeDefinition type = ScimSchemas.resourceType(typeId).orElseThrow();
        ResolvedAttribute found = ScimSchemas.locate(type, urn(schema), name, sub).orElseThrow();
        assertEquals(urn(expectedSchema), found.schemaUrn());
        assertEquals(expectedAttribute, found.attribute().name());
        assertEquals(expectedSub, found.subAttribute().map(AttributeDefinition::name).orElse(null));
        assertEquals(expectedSub == null ? expectedAttribute : expectedSub,
                ScimSchemas.resolve(type, urn(schema), name, sub).orElseThrow().name());
    }

    @ParameterizedTest
    @CsvSource({
            "User,  ,           roles,          ",
            "User,  ,           name,           nickName",
            "User,  ,           userName,       value",
            "User,  enterprise, userName,       ",
            "User,  user,       employeeNumber, ",
            "User,  group,      displayName,    ",
            "User,  enterprise, meta,           ",
            "User,  ,           members,        ",
            "Group, enterprise, employeeNumber, ",
            "Group, ,           userName,       ",
            "Group, ,           password,       "})
    void resolvesNothingOutsideTheResourceTypesSchemas(String typeId, String schema, String name, String sub) {
        ResourceTypeDefinition type = ScimSchemas.resourceType(typeId).orElseThrow();
        assertTrue(ScimSchemas.resolve(type, urn(schema), name, sub).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            "User,  ,           id,             ,             true",
            "User,  user,       ID,             ,             true",
            "User,  ,           externalId,     ,             true",
            "User,  ,           userName,       ,             false",
            "User,  ,           meta,           version,      true",
            "User,  ,           meta,           resourceType, true",
            "User,  ,           meta,           location,     true",
            "User,  ,           meta,           lastModified, false",
            "User,  ,           emails,         value,        false",
            "User,  ,           emails,         ,             false",
            "User,  ,           emails,         type,         false",
            "User,  ,           name,           givenName,    false",
            "User,  ,           displayName,    ,             false",
            "User,  enterprise, employeeNumber, ,             false",
            "User,  ,           manager,        value,        false",
            "User,  ,           active,         ,             false",
            "User,  ,           noSuchThing,    ,             false",
            "Group, ,           id,             ,             true",
            "Group, ,           externalId,     ,             true",
            "Group, ,           displayName,    ,             false",
            "Group, ,           members,        value,        false",
            "Group, ,           userName,       ,             false"})
    void knowsWhichAttributesCompareCaseExactly(String typeId, String schema, String name, String sub,
                                                boolean expected) {
        assertEquals(expected,
                ScimSchemas.isCaseExact(ScimSchemas.resourceType(typeId).orElseThrow(), urn(schema), name, sub));
    }

    @Test
    void userSchemaHoldsWhatRollcallStoresInRfcOrder() {
        assertEquals(List.of("id", "externalId", "userName", "name", "displayName", "nickName", "profileUrl", "title",
                        "userType", "preferredLanguage", "locale", "timezone", "active", "password", "emails",
                        "phoneNumbers", "ims", "photos", "addresses", "groups"),
                names(ScimSchemas.USER.attributes()));
        assertEquals(List.of("employeeNumber", "costCenter", "organization", "division", "department", "manager"),
                names(ScimSchemas.ENTERPRISE_USER.attributes()));
        assertEquals(List.of("id", "externalId", "displayName", "members"), names(ScimSchemas.GROUP.attributes()));
    }

    @ParameterizedTest
    @CsvSource({
            "emails,       work|home|other",
            "phoneNumbers, work|home|mobile|fax|pager|other",
            "ims,          aim|gtalk|icq|xmpp|msn|skype|qq|yahoo",
            "photos,       photo|thumbnail",
            "addresses,    work|home|other",
            "groups,       direct|indirect"})
    void typesOfMultiValuedUserAttributesHaveTheRfcCanonicalValues(String attribute, String values) {
        AttributeDefinition type = ScimSchemas.USER.attribute(attribute).orElseThrow()
                .subAttribute("type").orElseThrow();
        assertEquals(List.of(values.split("\\|")), type.canonicalValues());
    }

    @Test
    void identifiersAndUniqueNamesHaveTheRfcCharacteristics() {
        AttributeDefinition id = ScimSchemas.USER.attribute("id").orElseThrow();
        assertTrue(id.caseExact());
        assertEquals(Mutability.READ_ONLY, id.mutability());
        assertEquals(Returned.ALWAYS, id.returned());
        assertEquals(Uniqueness.SERVER, id.uniqueness());

        AttributeDefinition userName = ScimSchemas.USER.attribute("userName").orElseThrow();
        assertTrue(userName.required());
        assertFalse(userName.caseExact());
        assertEquals(Uniqueness.SERVER, userName.uniqueness());

        AttributeDefinition displayName = ScimSchemas.GROUP.attribute("displayName").orElseThrow();
        assertTrue(displayName.required());
        assertEquals(Uniqueness.NONE, displayName.uniqueness(), "RFC 7643 §8.7.1: two groups may share a name");

        AttributeDefinition members = ScimSchemas.GROUP.attribute("members").orElseThrow();
        assertTrue(members.multiValued());
        assertEquals(Returned.DEFAULT, members.returned());
        assertEquals(Mutability.IMMUTABLE, members.subAttribute("value").orElseThrow().mutability());
        assertEquals(List.of("User", "Group"), members.subAttribute("type").orElseThrow().canonicalValues());

        AttributeDefinition password = ScimSchemas.USER.attribute("password").orElseThrow();
        assertEquals(Mutability.WRITE_ONLY, password.mutability());
        assertEquals(Returned.NEVER, password.returned());

        AttributeDefinition groups = ScimSchemas.USER.attribute("groups").orElseThrow();
        assertEquals(Mutability.READ_ONLY, groups.mutability());
        assertEquals(List.of("User", "Group"), groups.subAttribute("$ref").orElseThrow().referenceTypes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAttribute")
    void everyAttributeHasADescriptionAndASaneMutability(String path, AttributeDefinition attribute,
                                                         AttributeDefinition parentOrNull) {
        assertFalse(attribute.description().isBlank(), path);
        assertTrue(attribute.description().endsWith("."), path + " description is a sentence");
        if (attribute.mutability() == Mutability.READ_ONLY) {
            assertFalse(attribute.required(), path + " is read-only, so a client cannot be required to send it");
        }
        if (attribute.mutability() == Mutability.WRITE_ONLY) {
            assertEquals(Returned.NEVER, attribute.returned(), path + " is write-only, so never returned");
        }
        if (attribute.returned() == Returned.ALWAYS) {
            assertEquals(Mutability.READ_ONLY, attribute.mutability(), path + " is always returned, server-owned");
        }
        if (parentOrNull != null && parentOrNull.mutability() == Mutability.READ_ONLY) {
            assertEquals(Mutability.READ_ONLY, attribute.mutability(), path + " sits in a read-only attribute");
        }
        if (attribute.type() == AttributeType.REFERENCE) {
            assertFalse(attribute.referenceTypes().isEmpty(), path + " names what it references");
        }
    }

    static Stream<Arguments> everyAttribute() {
        List<Arguments> rows = new ArrayList<>();
        List<AttributeDefinition> all = new ArrayList<>();
        ScimSchemas.SCHEMAS.forEach(schema -> all.addAll(schema.attributes()));
        all.add(ScimSchemas.META);
        for (AttributeDefinition attribute : all) {
            rows.add(Arguments.of(attribute.name(), attribute, null));
            for (AttributeDefinition sub : attribute.subAttributes()) {
                rows.add(Arguments.of(attribute.name() + "." + sub.name(), sub, attribute));
            }
        }
        return rows.stream();
    }

    @Test
    void userResourceTypeHasTheOptionalEnterpriseExtension() {
        ResourceTypeDefinition user = ScimSchemas.USER_RESOURCE_TYPE;
        assertEquals(List.of(Urns.USER, ENTERPRISE), user.schemaUrns());
        assertFalse(user.schemaExtensions().get(0).required());
        assertTrue(user.hasSchema(ENTERPRISE.toLowerCase()));
        assertEquals(List.of(ScimSchemas.USER, ScimSchemas.ENTERPRISE_USER), ScimSchemas.schemasOf(user));
        assertEquals(List.of(ScimSchemas.GROUP), ScimSchemas.schemasOf(ScimSchemas.GROUP_RESOURCE_TYPE));
    }

    /** ENTRA.md Q6: the User type assigns the enterprise manager (and manager.value) by its own rule; nothing else. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "User,  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User, manager,     -,           true",
            "User,  URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER, MANAGER,     VALUE,       true",
            "User,  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User, manager,     $ref,        false",
            "User,  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User, manager,     displayName, false",
            "User,  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User, department,  -,           false",
            "User,  urn:ietf:params:scim:schemas:core:2.0:User,                 manager,     -,           false",
            "User,  urn:ietf:params:scim:schemas:core:2.0:User,                 name,        givenName,   false",
            "Group, urn:ietf:params:scim:schemas:core:2.0:Group,                members,     value,       false"})
    void resourceTypesHaveAssignmentRulesOnlyWhereTheyDeclareThem(String typeId, String urn, String attribute, String sub,
                                                                  boolean expected) {
        ResourceTypeDefinition type = ScimSchemas.resourceType(typeId).orElseThrow();
        assertEquals(expected, type.assignmentRule(urn, attribute, sub).isPresent());
    }

    @Test
    void theManagerRuleNormalisesEveryFormAndRefusesTheRest() {
        AssignmentRule manager = ScimSchemas.USER_RESOURCE_TYPE.assignmentRule(ENTERPRISE, "manager", null).orElseThrow();
        JsonObject expected = Json.createObjectBuilder().add("value", "26118915").build();
        assertEquals(Optional.of(expected), manager.assign().apply(null, Json.createValue("26118915")));
        assertEquals(Optional.empty(), manager.assign().apply(null, JsonValue.TRUE));
        assertEquals("'manager' must be the manager's id, {\"value\": id} or [{\"value\": id}].", manager.refusal());
        assertTrue(ScimSchemas.GROUP_RESOURCE_TYPE.assignmentRules().isEmpty());
    }

    @Test
    void rejectsInconsistentDefinitions() {
        assertThrows(IllegalArgumentException.class, () -> AttributeDefinition.complex("empty", "No parts."));
        assertThrows(IllegalArgumentException.class, () -> AttributeDefinition.complex("nested", "Nested.",
                AttributeDefinition.complex("inner", "Inner.", AttributeDefinition.string("x", "X."))));
        assertThrows(IllegalArgumentException.class, () -> new AttributeDefinition("s", AttributeType.STRING, false,
                "S.", false, false, Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE, List.of(),
                List.of("User"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> AttributeDefinition.string(" ", "Blank."));
    }

    @ParameterizedTest
    @CsvSource({
            "STRING, string", "BOOLEAN, boolean", "DECIMAL, decimal", "INTEGER, integer",
            "DATE_TIME, dateTime", "BINARY, binary", "REFERENCE, reference", "COMPLEX, complex"})
    void attributeTypesHaveRfcWireNames(AttributeType type, String wire) {
        assertEquals(wire, type.wire());
    }

    @ParameterizedTest
    @CsvSource({
            "READ_ONLY, readOnly", "READ_WRITE, readWrite", "IMMUTABLE, immutable", "WRITE_ONLY, writeOnly"})
    void mutabilitiesHaveRfcWireNames(Mutability mutability, String wire) {
        assertEquals(wire, mutability.wire());
    }

    @ParameterizedTest
    @CsvSource({"ALWAYS, always", "NEVER, never", "DEFAULT, default", "REQUEST, request"})
    void returnedValuesHaveRfcWireNames(Returned returned, String wire) {
        assertEquals(wire, returned.wire());
    }

    @ParameterizedTest
    @CsvSource({"NONE, none", "SERVER, server", "GLOBAL, global"})
    void uniquenessValuesHaveRfcWireNames(Uniqueness uniqueness, String wire) {
        assertEquals(wire, uniqueness.wire());
    }

    private static List<String> names(List<AttributeDefinition> attributes) {
        return attributes.stream().map(AttributeDefinition::name).toList();
    }
}
