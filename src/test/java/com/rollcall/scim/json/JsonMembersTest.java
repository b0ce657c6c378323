package com.rollcall.scim.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonMembersTest {

    /** (object, name, the member's value or - for none). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "{\"value\": \"a\"}                  | value | \"a\"",
            "{\"Value\": \"a\"}                  | VALUE | \"a\"",
            "{\"VALUE\": \"a\", \"value\": \"b\"} | value | \"b\"",
            "{\"value\": null}                   | value | -",
            "{\"Value\": null}                   | value | -",
            "{\"values\": \"a\"}                 | value | -",
            "{}                                  | value | -"})
    void findsMembersIgnoringCaseWithNullAsAbsent(String object, String name, String expected) {
        Optional<JsonValue> expectedValue = expected == null ? Optional.empty() : Optional.of(read(expected));
        assertEquals(expectedValue, JsonMembers.get((JsonObject) read(object), name));
    }

    private static JsonValue read(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
