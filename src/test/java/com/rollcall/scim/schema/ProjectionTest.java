package com.rollcall.scim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectionTest {
    private static final ResourceTypeDefinition USER = ScimSchemas.USER_RESOURCE_TYPE;
    private static final ResourceTypeDefinition GROUP = ScimSchemas.GROUP_RESOURCE_TYPE;

    private static final String SCHEMAS = """
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]""";
    private static final String META = """
            "meta": {"resourceType": "User", "created": "2026-01-05T10:00:00Z",
                     "lastModified": "2026-02-01T08:30:00Z",
                     "location": "https://rollcall.example/scim/v2/Users/u-1", "version": "W/\\"3\\""}""";
    private static final String NAME = """
            "name": {"formatted": "Ann Lee", "familyName": "Lee", "givenName": "Ann"}""";
    private static final String EMAILS = """
            "emails": [{"value": "ann@example.com", "type": "work", "primary": true},
                       {"value": "ann@home.example", "type": "home"}]""";
    private static final String GROUPS = """
            "groups": [{"value": "g-1", "$ref": "https://rollcall.example/scim/v2/Groups/g-1",
                        "display": "Staff"}]""";
    private static final String ENTERPRISE_URN = "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"";
    private static final String ENTERPRISE = """
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "42", "department": "Sales",
                "manager": {"value": "u-2", "$ref": "https://rollcall.example/scim/v2/Users/u-2"}}""";

    /** A full user as the mapper writes it, plus a password (which a resource never holds) to prove it is dropped. */
    private static final JsonObject FULL_USER = json(object(SCHEMAS, "\"id\": \"u-1\"", "\"externalId\": \"ext-1\"",
            "\"userName\": \"ann@example.com\"", NAME, "\"displayName\": \"Ann Lee\"", "\"password\": \"s3cret\"",
            "\"active\": true", EMAILS, GROUPS, ENTERPRISE, META));

    /** The full user as returned without parameters: everything but the password. */
    private static final String DEFAULT_USER = object(SCHEMAS, "\"id\": \"u-1\"", "\"externalId\": \"ext-1\"",
            "\"userName\": \"ann@example.com\"", NAME, "\"displayName\": \"Ann Lee\"", "\"active\": true", EMAILS,
            GROUPS, ENTERPRISE, META);

    private static final JsonObject GROUP_RESOURCE = json("""
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g-1", "displayName": "Staff",
             "members": [{"value": "u-1", "$ref": "https://rollcall.example/scim/v2/Users/u-1", "type": "User"}],
             "meta": {"resourceType": "Group", "location": "https://rollcall.example/scim/v2/Groups/g-1",
                      "version": "W/\\"1\\""}}
            """);

    static Stream<Arguments> requestedAttributes() {
        return Stream.of(
                Arguments.of("userName", object(SCHEMAS, "\"id\": \"u-1\"", "\"userName\": \"ann@example.com\"", META)),
                Arguments.of("name.givenName", object(SCHEMAS, "\"id\": \"u-1\"", "\"name\": {\"givenName\": \"Ann\"}",
                        META)),
                Arguments.of("emails", object(SCHEMAS, "\"id\": \"u-1\"", EMAILS, META)),
                Arguments.of("emails.value", object(SCHEMAS, "\"id\": \"u-1\"",
                        "\"emails\": [{\"value\": \"ann@example.com\"}, {\"value\": \"ann@home.example\"}]", META)),
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                        object(SCHEMAS, "\"id\": \"u-1\"",
                                ENTERPRISE_URN + ": {\"employeeNumber\": \"42\"}", META)),
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        object(SCHEMAS, "\"id\": \"u-1\"", ENTERPRISE, META)),
                Arguments.of("manager.value", object(SCHEMAS, "\"id\": \"u-1\"",
                        ENTERPRISE_URN + ": {\"manager\": {\"value\": \"u-2\"}}", META)),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:displayName",
                        object(SCHEMAS, "\"id\": \"u-1\"", "\"displayName\": \"Ann Lee\"", META)),
                Arguments.of("userName,displayName, active", object(SCHEMAS, "\"id\": \"u-1\"",
                        "\"userName\": \"ann@example.com\"", "\"displayName\": \"Ann Lee\"", "\"active\": true", META)),
                Arguments.of("id", object(SCHEMAS, "\"id\": \"u-1\"", META)));
    }

    @ParameterizedTest(name = "attributes={0}")
    @MethodSource("requestedAttributes")
    void returnsOnlyRequestedAttributesBesideSchemasIdAndMeta(String attributes, String expected) {
        assertEquals(json(expected), Projection.apply(FULL_USER, USER, Projection.parseList(attributes), null));
    }

    static Stream<Arguments> excludedAttributes() {
        return Stream.of(
                Arguments.of("emails", without(EMAILS)),
                Arguments.of("emails,groups", without(EMAILS, GROUPS)),
                Arguments.of("name.givenName", DEFAULT_USER.replace(NAME,
                        "\"name\": {\"formatted\": \"Ann Lee\", \"familyName\": \"Lee\"}")),
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", without(ENTERPRISE)),
                Arguments.of("employeeNumber,department,manager", without(ENTERPRISE)),
                Arguments.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                        DEFAULT_USER.replace(ENTERPRISE, """
                                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                                    "employeeNumber": "42", "department": "Sales"}""")),
                Arguments.of("id,schemas", DEFAULT_USER),
                Arguments.of("meta", without(META)),
                Arguments.of("meta.version", DEFAULT_USER.replace(", \"version\": \"W/\\\"3\\\"\"", "")));
    }

    @ParameterizedTest(name = "excludedAttributes={0}")
    @MethodSource("excludedAttributes")
    void removesExcludedAttributesButNeverAlwaysReturnedOnes(String excluded, String expected) {
        assertEquals(json(expected), Projection.apply(FULL_USER, USER, null, Projection.parseList(excluded)));
    }

    @ParameterizedTest
    @CsvSource(value = {
            "             ;              ",
            "password     ;              ",
            "             ; password     ",
            "password,userName ;         ",
            "urn:ietf:params:scim:schemas:core:2.0:User ; "}, delimiter = ';')
    void neverReturnsThePassword(String attributes, String excluded) {
        JsonObject projected = Projection.apply(FULL_USER, USER, Projection.parseList(attributes),
                Projection.parseList(excluded));
        assertFalse(projected.containsKey("password"));
    }

    @Test
    void returnsEverythingButThePasswordWithoutParameters() {
        assertEquals(json(DEFAULT_USER), Projection.apply(FULL_USER, USER, List.of(), List.of()));
    }

    @Test
    void matchesNamesIgnoringCase() {
        List<String> attributes = List.of("USERNAME", "Name.GivenNAME",
                "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:EMPLOYEENUMBER");
        assertEquals(json(object(SCHEMAS, "\"id\": \"u-1\"", "\"userName\": \"ann@example.com\"",
                        "\"name\": {\"givenName\": \"Ann\"}",
                        ENTERPRISE_URN + ": {\"employeeNumber\": \"42\"}", META)),
                Projection.apply(FULL_USER, USER, attributes, null));
        assertEquals(json(without(EMAILS)), Projection.apply(FULL_USER, USER, null, List.of("EMAILS")));
    }

    @Test
    void attributesWinWhenBothListsAreGiven() {
        assertEquals(json(object(SCHEMAS, "\"id\": \"u-1\"", "\"userName\": \"ann@example.com\"", META)),
                Projection.apply(FULL_USER, USER, List.of("userName"), List.of("userName", "meta")));
    }

    @Test
    void unknownNamesSelectNothingAndExcludeNothing() {
        assertEquals(json(object(SCHEMAS, "\"id\": \"u-1\"", META)),
                Projection.apply(FULL_USER, USER, List.of("roles", "name.nickName", "emails[type eq \"work\"].value",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:employeeNumber"), null));
        assertEquals(json(DEFAULT_USER), Projection.apply(FULL_USER, USER, null,
                List.of("roles", "x.y.z", "urn:example:unknown", "members")));
    }

    @Test
    void excludesMembersFromAGroup() {
        assertEquals(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g-1", "displayName": "Staff",
                 "meta": {"resourceType": "Group", "location": "https://rollcall.example/scim/v2/Groups/g-1",
                          "version": "W/\\"1\\""}}
                """), Projection.apply(GROUP_RESOURCE, GROUP, null, List.of("members")));
    }

    @Test
    void returnsOnlyRequestedMemberSubAttributes() {
        assertEquals(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g-1",
                 "members": [{"value": "u-1"}],
                 "meta": {"resourceType": "Group", "location": "https://rollcall.example/scim/v2/Groups/g-1",
                          "version": "W/\\"1\\""}}
                """), Projection.apply(GROUP_RESOURCE, GROUP, List.of("members.value"), null));
    }

    @ParameterizedTest
    @CsvSource(value = {
            // attributes ; excludedAttributes ; members wanted?
            "                    ;                      ; true",
            "                    ; members              ; false",
            "                    ; MEMBERS              ; false",
            "                    ; displayName          ; true",
            "                    ; members.display      ; true",
            "                    ; urn:ietf:params:scim:schemas:core:2.0:Group ; false",
            "displayName         ;                      ; false",
            "id                  ;                      ; false",
            "members             ;                      ; true",
            "Members.Value       ;                      ; true",
            "displayName,members ; members              ; true",
            "urn:ietf:params:scim:schemas:core:2.0:Group:members ; ; true"}, delimiter = ';')
    void knowsWhetherGroupMembersAreWanted(String attributes, String excluded, boolean wanted) {
        assertEquals(wanted, Projection.wants(GROUP, Projection.parseList(attributes), Projection.parseList(excluded),
                "members"));
    }

    @ParameterizedTest
    @CsvSource(value = {
            "               ;                   ; groups                                                    ; true",
            "               ; groups            ; groups                                                    ; false",
            "userName       ;                   ; groups                                                    ; false",
            "               ;                   ; password                                                  ; false",
            "password       ;                   ; password                                                  ; false",
            "displayName    ;                   ; id                                                        ; true",
            "               ; id                ; id                                                        ; true",
            "employeeNumber ;                   ; urn:ietf:params:scim:schemas:extension:enterprise:2.0:User; true",
            "userName       ;                   ; urn:ietf:params:scim:schemas:extension:enterprise:2.0:User; false",
            "               ; manager           ; manager.value                                             ; false",
            "               ; manager.$ref      ; manager.value                                             ; true",
            "displayName    ;                   ; meta                                                      ; true",
            "               ; meta.version      ; meta.version                                              ; false"},
            delimiter = ';')
    void knowsWhetherUserAttributesAreWanted(String attributes, String excluded, String attribute, boolean wanted) {
        assertEquals(wanted, Projection.wants(USER, Projection.parseList(attributes), Projection.parseList(excluded),
                attribute));
    }

    @Test
    void refusesToAnswerForAnAttributeTheTypeDoesNotHave() {
        assertThrows(IllegalArgumentException.class, () -> Projection.wants(GROUP, null, null, "userName"));
    }

    @ParameterizedTest
    @CsvSource(value = {
            "userName                        ; userName",
            "' userName , name.givenName '   ; userName|name.givenName",
            "'a,,b, ,'                       ; a|b",
            "''                              ; ''",
            "                                ; ''"}, delimiter = ';')
    void parsesCommaSeparatedParameterValues(String value, String expected) {
        List<String> names = expected.isEmpty() ? List.of() : Arrays.asList(expected.split("\\|"));
        assertEquals(names, Projection.parseList(value));
    }

    @Test
    void acceptsCommaSeparatedElementsInTheLists() {
        assertEquals(Projection.apply(FULL_USER, USER, List.of("userName", "displayName"), null),
                Projection.apply(FULL_USER, USER, List.of("userName,displayName"), null));
    }

    private static String object(String... members) {
        return "{" + String.join(",\n", members) + "}";
    }

    /** The default user without the given members. */
    private static String without(String... members) {
        String text = DEFAULT_USER;
        for (String member : members) {
            text = text.replace(",\n" + member, "");
        }
        return text;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
