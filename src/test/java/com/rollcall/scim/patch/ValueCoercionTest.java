package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.PatchFixtures.assertScimError;
import static com.rollcall.scim.patch.PatchFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.AttributeType;
import com.rollcall.scim.schema.ScimSchemas;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Value coercion on its own: (attribute, given JSON) to the value written, or the invalidValue detail. */
class ValueCoercionTest {
    private static final AttributeDefinition ACTIVE = attribute("active");
    private static final AttributeDefinition TITLE = attribute("title");
    private static final AttributeDefinition NAME = attribute("name");
    private static final AttributeDefinition EMAILS = attribute("emails");
    private static final AttributeDefinition MEMBERS = ScimSchemas.GROUP.attribute("members").orElseThrow();
    private static final AttributeDefinition COUNT = AttributeDefinition.of("count", AttributeType.INTEGER, "A count.");
    private static final AttributeDefinition RATIO = AttributeDefinition.of("ratio", AttributeType.DECIMAL, "A ratio.");

    static Stream<Arguments> simpleValues() {
        return Stream.of(
                arguments("a boolean as it is", ACTIVE, "false", "false"),
                arguments("Q2: \"True\" is true", ACTIVE, "\"True\"", "true"),
                arguments("Q2: \" FALSE \" is false", ACTIVE, "\" FALSE \"", "false"),
                arguments("a string as it is", TITLE, "\"Guide\"", "\"Guide\""),
                arguments("a number for a string is its text", TITLE, "1234", "\"1234\""),
                arguments("a decimal number for a string is its text", TITLE, "12.50", "\"12.50\""),
                arguments("an integral number for an integer", COUNT, "42", "42"),
                arguments("any number for a decimal", RATIO, "0.5", "0.5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simpleValues")
    void coercesSimpleValues(String description, AttributeDefinition attribute, String given, String expected) {
        assertEquals(value(expected), ValueCoercion.simple(attribute, value(given), attribute.name()));
    }

    static Stream<Arguments> wrongSimpleValues() {
        return Stream.of(
                arguments(ACTIVE, "\"yes\"", "'active' must be a boolean (true or false)."),
                arguments(ACTIVE, "1", "'active' must be a boolean (true or false)."),
                arguments(TITLE, "true", "'title' must be a string."),
                arguments(TITLE, "{\"value\": \"x\"}", "'title' must be a string."),
                arguments(COUNT, "1.5", "'count' must be an integer."),
                arguments(COUNT, "\"1\"", "'count' must be an integer."),
                arguments(RATIO, "\"0.5\"", "'ratio' must be a number."),
                arguments(NAME, "\"Babs\"", "'name' must be a JSON object."));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongSimpleValues")
    void refusesSimpleValuesOfTheWrongType(AttributeDefinition attribute, String given, String detail) {
        assertEquals(detail, assertScimError(ScimErrorType.INVALID_VALUE,
                () -> ValueCoercion.simple(attribute, value(given), attribute.name())).detail());
    }

    static Stream<Arguments> complexValues() {
        return Stream.of(
                arguments("canonical sub-attribute names", NAME, false,
                        "{\"GIVENNAME\": \"Barbara\", \"familyname\": \"Jensen\"}", "{\"givenName\": \"Barbara\", \"familyName\": \"Jensen\"}"),
                arguments("unknown sub-attributes are ignored (Q8)", NAME, false,
                        "{\"givenName\": \"Barbara\", \"nickname\": \"Babs\"}", "{\"givenName\": \"Barbara\"}"),
                arguments("nulls are kept for a merge", NAME, true,
                        "{\"givenName\": null, \"familyName\": \"Jensen\"}", "{\"givenName\": null, \"familyName\": \"Jensen\"}"),
                arguments("nulls are dropped otherwise (Q8 \"$ref\": null)", MEMBERS, false,
                        "{\"value\": \"u-1\", \"$ref\": null}", "{\"value\": \"u-1\"}"),
                arguments("readOnly sub-attributes of a writable attribute are ignored", MEMBERS, false,
                        "{\"value\": \"u-1\", \"display\": \"Babs\"}", "{\"value\": \"u-1\"}"),
                arguments("sub-attribute values are coerced too (Q2)", EMAILS, false,
                        "{\"value\": \"b@example.com\", \"primary\": \"True\"}", "{\"value\": \"b@example.com\", \"primary\": true}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("complexValues")
    void coercesComplexValues(String description, AttributeDefinition attribute, boolean keepNulls, String given,
                              String expected) {
        assertEquals(value(expected), ValueCoercion.object(attribute, value(given), keepNulls));
    }

    static Stream<Arguments> wrongComplexValues() {
        return Stream.of(
                arguments(EMAILS, "\"b@example.com\"", "Each value of 'emails' must be a JSON object."),
                arguments(EMAILS, "{\"primary\": \"maybe\"}", "'emails.primary' must be a boolean (true or false)."),
                arguments(NAME, "{\"givenName\": true}", "'name.givenName' must be a string."));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongComplexValues")
    void refusesComplexValuesOfTheWrongShape(AttributeDefinition attribute, String given, String detail) {
        assertEquals(detail, assertScimError(ScimErrorType.INVALID_VALUE,
                () -> ValueCoercion.object(attribute, value(given), false)).detail());
    }

    static Stream<Arguments> multiValues() {
        return Stream.of(
                arguments("an array", EMAILS, "[{\"value\": \"a@example.com\"}, {\"value\": \"b@example.com\"}]",
                        List.of("{\"value\": \"a@example.com\"}", "{\"value\": \"b@example.com\"}")),
                arguments("a single value is taken as a one-element array", EMAILS, "{\"value\": \"a@example.com\"}",
                        List.of("{\"value\": \"a@example.com\"}")),
                arguments("nulls are skipped", EMAILS, "[null, {\"value\": \"a@example.com\"}]",
                        List.of("{\"value\": \"a@example.com\"}")),
                arguments("values left empty are skipped", EMAILS, "[{\"display\": null}, {\"unknown\": 1}]", List.of()),
                arguments("an empty array is no value", EMAILS, "[]", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multiValues")
    void readsTheValuesOfAMultiValuedAttribute(String description, AttributeDefinition attribute, String given,
                                               List<String> expected) {
        assertEquals(expected.stream().map(PatchFixtures::value).toList(), ValueCoercion.elements(attribute, value(given)));
    }

    private static AttributeDefinition attribute(String name) {
        return ScimSchemas.USER.attribute(name).orElseThrow();
    }

}
