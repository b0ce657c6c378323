package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.PatchFixtures.assertScimError;
import static com.rollcall.scim.patch.PatchFixtures.value;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import jakarta.json.JsonValue;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mutability and required on their own: (attribute, before, after) passes or is the error named. */
class ChangeChecksTest {
    private static final AttributeDefinition USER_NAME = ScimSchemas.USER.attribute("userName").orElseThrow();
    private static final AttributeDefinition GROUPS = ScimSchemas.USER.attribute("groups").orElseThrow();
    private static final AttributeDefinition TITLE = ScimSchemas.USER.attribute("title").orElseThrow();
    private static final AttributeDefinition MEMBERS = ScimSchemas.GROUP.attribute("members").orElseThrow();
    private static final AttributeDefinition MEMBER_VALUE = MEMBERS.subAttribute("value").orElseThrow();
    private static final AttributeDefinition MEMBER_DISPLAY = MEMBERS.subAttribute("display").orElseThrow();

    /** (attribute, before, after; null is unassigned, scimType and detail of the error or null when it passes). */
    static Stream<Arguments> attributeChanges() {
        return Stream.of(
                arguments(TITLE, "\"Guide\"", null, null, null),
                arguments(TITLE, null, "\"Guide\"", null, null),
                arguments(USER_NAME, "\"bjensen\"", "\"babs\"", null, null),
                arguments(USER_NAME, "\"bjensen\"", null, ScimErrorType.INVALID_VALUE, "'userName' is required and cannot be removed."),
                arguments(GROUPS, "[{\"value\": \"g-1\"}]", "[{\"value\": \"g-1\"}]", null, null),
                arguments(GROUPS, "[{\"value\": \"g-1\"}]", null, ScimErrorType.MUTABILITY, "'groups' is readOnly."),
                arguments(GROUPS, null, "[{\"value\": \"g-1\"}]", ScimErrorType.MUTABILITY, "'groups' is readOnly."));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("attributeChanges")
    void checksChangesOfAttributes(AttributeDefinition attribute, String before, String after, ScimErrorType type,
                                   String detail) {
        check(type, detail, () -> ChangeChecks.attribute(attribute, json(before), json(after)));
    }

    static Stream<Arguments> subAttributeChanges() {
        return Stream.of(
                arguments(MEMBER_VALUE, null, "\"u-1\"", null, null),
                arguments(MEMBER_VALUE, "\"u-1\"", "\"u-1\"", null, null),
                arguments(MEMBER_VALUE, "\"u-1\"", "\"u-2\"", ScimErrorType.MUTABILITY,
                        "'members.value' is immutable and already has a value."),
                arguments(MEMBER_VALUE, "\"u-1\"", null, ScimErrorType.MUTABILITY,
                        "'members.value' is immutable and already has a value."),
                arguments(MEMBER_DISPLAY, "\"Babs\"", "\"Babs\"", null, null),
                arguments(MEMBER_DISPLAY, null, "\"Babs\"", ScimErrorType.MUTABILITY, "'members.display' is readOnly."));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("subAttributeChanges")
    void checksChangesOfSubAttributes(AttributeDefinition sub, String before, String after, ScimErrorType type,
                                      String detail) {
        check(type, detail, () -> ChangeChecks.subAttribute(MEMBERS, sub, json(before), json(after)));
    }

    private static void check(ScimErrorType type, String detail, Runnable change) {
        if (type == null) {
            assertDoesNotThrow(change::run);
        } else {
            assertEquals(detail, assertScimError(type, change::run).detail());
        }
    }

    private static JsonValue json(String text) {
        return text == null ? null : value(text);
    }
}
