package com.rollcall.scim.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each quirk class on its own, table-driven; EntraQuirksTest runs them on real payloads. */
class QuirkClassesTest {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** Q1, Q12. */
    @Nested
    class CaseInsensitiveOperationsTest {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"add, add", "Add, add", "ADD, add", "Replace, replace", "rEPLACE, replace", "Remove, remove", "' remove ', remove"})
        void namesTheRfcOperation(String op, String canonical) {
            assertEquals(Optional.of(canonical), CaseInsensitiveOperations.canonical(op));
        }

        @ParameterizedTest(name = "[{index}] ''{0}''")
        @ValueSource(strings = {"", "move", "copy", "test", "adds", "Delete", "Update"})
        void knowsNoOtherOperation(String op) {
            assertEquals(Optional.empty(), CaseInsensitiveOperations.canonical(op));
        }

        @Test
        void knowsNoMissingOperation() {
            assertEquals(Optional.empty(), CaseInsensitiveOperations.canonical(null));
        }
    }

    /** Q2. */
    @Nested
    class BooleanStringsTest {
        static Stream<Arguments> values() {
            return Stream.of(
                    arguments(JsonValue.TRUE, Optional.of(JsonValue.TRUE)),
                    arguments(JsonValue.FALSE, Optional.of(JsonValue.FALSE)),
                    arguments(Json.createValue("True"), Optional.of(JsonValue.TRUE)),
                    arguments(Json.createValue("False"), Optional.of(JsonValue.FALSE)),
                    arguments(Json.createValue("FALSE"), Optional.of(JsonValue.FALSE)),
                    arguments(Json.createValue(" true "), Optional.of(JsonValue.TRUE)),
                    arguments(Json.createValue("yes"), Optional.empty()),
                    arguments(Json.createValue(""), Optional.empty()),
                    arguments(Json.createValue(1), Optional.empty()),
                    arguments(JsonValue.NULL, Optional.empty()),
                    arguments(JsonValue.EMPTY_JSON_OBJECT, Optional.empty()));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("values")
        void coercesBooleanStringsOnly(JsonValue value, Optional<JsonValue> expected) {
            assertEquals(expected, BooleanStrings.coerce(value));
        }
    }

    /** Q3. */
    @Nested
    class ListedValueRemovalTest {
        @Test
        void aValueListsWhatToRemoveEvenWhenEmpty() {
            assertTrue(ListedValueRemoval.listsValues(array("[{\"value\": \"a\"}]")));
            assertTrue(ListedValueRemoval.listsValues(JsonValue.EMPTY_JSON_ARRAY));
            assertTrue(ListedValueRemoval.listsValues(json("{\"value\": \"a\"}")));
            assertFalse(ListedValueRemoval.listsValues(null));
            assertFalse(ListedValueRemoval.listsValues(JsonValue.NULL));
        }

        @Test
        void listsTheElementsOfAnArrayOrTheSingleValue() {
            assertEquals(List.of(json("{\"value\": \"a\"}"), json("{\"value\": \"b\"}")),
                    ListedValueRemoval.listed(array("[{\"value\": \"a\"}, null, {\"value\": \"b\"}]")));
            assertEquals(List.of(json("{\"value\": \"a\"}")), ListedValueRemoval.listed(json("{\"value\": \"a\"}")));
            assertEquals(List.of(), ListedValueRemoval.listed(JsonValue.EMPTY_JSON_ARRAY));
            assertEquals(List.of(), ListedValueRemoval.listed(null));
        }
    }

    /** Q4. */
    @Nested
    class PathKeyedValuesTest {
        @Test
        void turnsEveryKeyIntoAPathAndFlattensSchemaObjects() {
            JsonObject value = json("""
                    {"displayName": "Babs", "name.givenName": "Barbara",
                     "emails[type eq \\"work\\"].value": "b@example.com",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "42",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Rides", "manager": "x"},
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0User": {"division": "Parks"},
                     "urn:example:custom:1.0:Badge": {"number": "7"}}""");
            assertEquals(List.of(
                            entry("displayName", Json.createValue("Babs")),
                            entry("name.givenName", Json.createValue("Barbara")),
                            entry("emails[type eq \"work\"].value", Json.createValue("b@example.com")),
                            entry(ENTERPRISE + ":employeeNumber", Json.createValue("42")),
                            entry(ENTERPRISE + ":department", Json.createValue("Rides")),
                            entry(ENTERPRISE + ":manager", Json.createValue("x")),
                            entry(ENTERPRISE + ":division", Json.createValue("Parks")),
                            entry("urn:example:custom:1.0:Badge", json("{\"number\": \"7\"}"))),
                    PathKeyedValues.split(value, ENTERPRISE::equalsIgnoreCase));
        }

        @Test
        void keepsASchemaKeyWhoseValueIsNoObject() {
            assertEquals(List.of(entry(ENTERPRISE, JsonValue.NULL)),
                    PathKeyedValues.split(json("{\"" + ENTERPRISE + "\": null}"), ENTERPRISE::equals));
        }

        private PathKeyedValues.Entry entry(String path, JsonValue value) {
            return new PathKeyedValues.Entry(path, value);
        }
    }

    /** Q5. */
    @Nested
    class TypedValueCreationTest {
        @Test
        void createsTheTypedValue() {
            assertEquals(Optional.of(json("{\"value\": \"b@example.com\", \"type\": \"work\"}")),
                    TypedValueCreation.newElement("work", "value", Json.createValue("b@example.com")));
            assertEquals(Optional.of(json("{\"locality\": \"Redmond\", \"type\": \"work\"}")),
                    TypedValueCreation.newElement("work", "locality", Json.createValue("Redmond")));
        }

        @Test
        void givesAWholeValueTheFiltersType() {
            assertEquals(Optional.of(json("{\"value\": \"b@example.com\", \"type\": \"work\"}")),
                    TypedValueCreation.newElement("work", null, json("{\"value\": \"b@example.com\", \"Type\": \"home\"}")));
        }

        @Test
        void createsNothingFromNothing() {
            assertEquals(Optional.empty(), TypedValueCreation.newElement("work", "value", JsonValue.NULL));
            assertEquals(Optional.empty(), TypedValueCreation.newElement("work", "value", null));
            assertEquals(Optional.empty(), TypedValueCreation.newElement("work", null, Json.createValue("b@example.com")));
        }
    }

    /** Q6. */
    @Nested
    class ManagerValuesTest {
        static Stream<Arguments> managers() {
            JsonObject normalised = json("{\"value\": \"26118915\"}");
            return Stream.of(
                    arguments("\"26118915\"", Optional.of(normalised)),
                    arguments("{\"value\": \"26118915\"}", Optional.of(normalised)),
                    arguments("{\"value\": \"26118915\", \"$ref\": \"../Users/26118915\", \"displayName\": \"Boss\"}", Optional.of(normalised)),
                    arguments("{\"Value\": \"26118915\", \"$ref\": null}", Optional.of(normalised)),
                    arguments("[{\"value\": \"26118915\", \"$ref\": \"../Users/26118915\"}]", Optional.of(normalised)),
                    arguments("[\"26118915\"]", Optional.of(normalised)),
                    arguments("26118915", Optional.of(normalised)),
                    arguments("\"\"", Optional.of(JsonValue.NULL)),
                    arguments("\"  \"", Optional.of(JsonValue.NULL)),
                    arguments("null", Optional.of(JsonValue.NULL)),
                    arguments("[]", Optional.of(JsonValue.NULL)),
                    arguments("{}", Optional.of(JsonValue.NULL)),
                    arguments("{\"value\": null}", Optional.of(JsonValue.NULL)),
                    arguments("{\"displayName\": \"Boss\"}", Optional.empty()),
                    arguments("[{\"value\": \"a\"}, {\"value\": \"b\"}]", Optional.empty()),
                    arguments("{\"value\": {\"id\": \"a\"}}", Optional.empty()),
                    arguments("true", Optional.empty()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("managers")
        void normalisesEveryManagerForm(String manager, Optional<JsonValue> expected) {
            assertEquals(expected, ManagerValues.normalise(value(manager)));
        }

        static Stream<Arguments> assignments() {
            JsonObject stored = json("{\"value\": \"26118915\", \"$ref\": \"https://rollcall.example/scim/v2/Users/26118915\"}");
            return Stream.of(
                    arguments("the same id keeps what is stored", stored, "\"26118915\"", Optional.of(stored)),
                    arguments("the same id in another form keeps what is stored", stored, "[{\"value\": \"26118915\"}]", Optional.of(stored)),
                    arguments("another id is the new manager", stored, "{\"value\": \"e9e30dba\", \"displayName\": \"Boss\"}",
                            Optional.of(json("{\"value\": \"e9e30dba\"}"))),
                    arguments("a first manager", null, "\"26118915\"", Optional.of(json("{\"value\": \"26118915\"}"))),
                    arguments("a stored id that is not the same JSON is another id", json("{\"value\": 26118915}"), "\"26118915\"",
                            Optional.of(json("{\"value\": \"26118915\"}"))),
                    arguments("an empty id is no manager", stored, "\"\"", Optional.of(JsonValue.NULL)),
                    arguments("several managers are refused", stored, "[{\"value\": \"a\"}, {\"value\": \"b\"}]", Optional.empty()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("assignments")
        void assignsAManagerKeepingTheStoredOneForTheSameId(String description, JsonValue current, String given,
                                                            Optional<JsonValue> expected) {
            Optional<JsonValue> assigned = ManagerValues.assign(current, value(given));
            assertEquals(expected, assigned);
            if (current != null && expected.equals(Optional.of(current))) {
                assertSame(current, assigned.orElseThrow());
            }
        }
    }

    /** Q7. */
    @Nested
    class IgnoredRolesTest {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"roles, true", "Roles, true", "ROLES, true", "role, false", "rolesX, false", "entitlements, false"})
        void recognisesRoles(String name, boolean ignored) {
            assertEquals(ignored, IgnoredRoles.isRoles(name));
        }
    }

    /** Q8. */
    @Nested
    class EnterpriseUrnTypoTest {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0User | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0USER | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:manager | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:manager.value | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0Users | urn:ietf:params:scim:schemas:extension:enterprise:2.0Users",
                "displayName | displayName"})
        void normalisesTheMisspeltUrnOnly(String key, String normalised) {
            assertEquals(normalised, EnterpriseUrnTypo.normalise(key));
        }

        @Test
        void recognisesTheWholeMisspeltUrn() {
            assertTrue(EnterpriseUrnTypo.isTypo("urn:ietf:params:scim:schemas:extension:enterprise:2.0user"));
            assertFalse(EnterpriseUrnTypo.isTypo(ENTERPRISE));
            assertFalse(EnterpriseUrnTypo.isTypo(null));
        }
    }

    private static JsonValue value(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static JsonObject json(String text) {
        return value(text).asJsonObject();
    }

    private static JsonValue array(String text) {
        return value(text).asJsonArray();
    }
}
