package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.PatchFixtures.array;
import static com.rollcall.scim.patch.PatchFixtures.assertScimError;
import static com.rollcall.scim.patch.PatchFixtures.json;
import static com.rollcall.scim.patch.PatchFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import jakarta.json.JsonArray;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The values of a multi-valued attribute on their own: identity, primary, and what is left. */
class ValueListTest {
    private static final AttributeDefinition EMAILS = ScimSchemas.USER.attribute("emails").orElseThrow();

    /** (description, current values, what the operation does, the attribute's values afterwards). */
    static Stream<Arguments> rows() {
        return Stream.of(
                row("a new value is appended",
                        "[{\"value\": \"a@x.example\", \"primary\": true}]",
                        values -> values.add(json("{\"value\": \"b@x.example\"}")),
                        "[{\"value\": \"a@x.example\", \"primary\": true}, {\"value\": \"b@x.example\"}]"),
                row("a new primary value takes primary from the others",
                        "[{\"value\": \"a@x.example\", \"primary\": true}, {\"value\": \"b@x.example\"}]",
                        values -> values.add(json("{\"value\": \"c@x.example\", \"primary\": true}")),
                        "[{\"value\": \"a@x.example\"}, {\"value\": \"b@x.example\"}, {\"value\": \"c@x.example\", \"primary\": true}]"),
                row("Q2: a stored primary written as a string counts as primary",
                        "[{\"value\": \"a@x.example\", \"primary\": \"True\"}]",
                        values -> values.add(json("{\"value\": \"b@x.example\", \"primary\": true}")),
                        "[{\"value\": \"a@x.example\"}, {\"value\": \"b@x.example\", \"primary\": true}]"),
                row("primary false takes nothing from the others",
                        "[{\"value\": \"a@x.example\", \"primary\": true}]",
                        values -> values.add(json("{\"value\": \"b@x.example\", \"primary\": false}")),
                        "[{\"value\": \"a@x.example\", \"primary\": true}, {\"value\": \"b@x.example\", \"primary\": false}]"),
                row("two primaries nobody touched stay as they are",
                        "[{\"value\": \"a@x.example\", \"primary\": true}, {\"value\": \"b@x.example\", \"primary\": true}]",
                        values -> values.add(json("{\"value\": \"c@x.example\"}")),
                        "[{\"value\": \"a@x.example\", \"primary\": true}, {\"value\": \"b@x.example\", \"primary\": true}, {\"value\": \"c@x.example\"}]"),
                row("the same value ignoring case is merged, not duplicated",
                        "[{\"value\": \"Babs@Jensen.example\", \"type\": \"home\"}]",
                        values -> values.addOrMerge(json("{\"value\": \"babs@jensen.example\", \"type\": \"home\", \"display\": \"Home\"}")),
                        "[{\"value\": \"babs@jensen.example\", \"type\": \"home\", \"display\": \"Home\"}]"),
                row("the same value with another type is another value",
                        "[{\"value\": \"a@x.example\", \"type\": \"work\"}]",
                        values -> values.addOrMerge(json("{\"value\": \"a@x.example\", \"type\": \"home\"}")),
                        "[{\"value\": \"a@x.example\", \"type\": \"work\"}, {\"value\": \"a@x.example\", \"type\": \"home\"}]"),
                row("a merged value made primary takes primary from the others",
                        "[{\"value\": \"a@x.example\", \"primary\": true}, {\"value\": \"b@x.example\"}]",
                        values -> values.addOrMerge(json("{\"value\": \"b@x.example\", \"primary\": true}")),
                        "[{\"value\": \"a@x.example\"}, {\"value\": \"b@x.example\", \"primary\": true}]"),
                row("a listed value without type removes the value of any type",
                        "[{\"value\": \"a@x.example\", \"type\": \"work\"}, {\"value\": \"b@x.example\"}]",
                        values -> values.removeSame(json("{\"value\": \"A@X.example\"}")),
                        "[{\"value\": \"b@x.example\"}]"),
                row("empty values are dropped",
                        "[{\"value\": \"a@x.example\"}]",
                        values -> values.add(json("{}")),
                        "[{\"value\": \"a@x.example\"}]"),
                row("a value that is not an array is taken as the only value",
                        "{\"value\": \"a@x.example\"}",
                        values -> values.add(json("{\"value\": \"b@x.example\"}")),
                        "[{\"value\": \"a@x.example\"}, {\"value\": \"b@x.example\"}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void keepsTheValuesOfAMultiValuedAttribute(String description, String current, Consumer<ValueList> operation,
                                               String expected) {
        ValueList values = new ValueList(EMAILS, value(current));
        operation.accept(values);
        assertEquals(array(expected), values.result(value(current)));
    }

    @Test
    void refusesTwoNewPrimaries() {
        ValueList values = new ValueList(EMAILS, array("[{\"value\": \"a@x.example\"}]"));
        values.add(json("{\"value\": \"b@x.example\", \"primary\": true}"));
        values.add(json("{\"value\": \"c@x.example\", \"primary\": true}"));
        assertEquals("Only one value of 'emails' may be primary.",
                assertScimError(ScimErrorType.INVALID_VALUE, () -> values.result(null)).detail());
    }

    @Test
    void answersTheCurrentValuesItselfWhenNothingChangedAndNullWhenNoneIsLeft() {
        JsonArray current = array("[{\"value\": \"a@x.example\", \"primary\": true}]");
        ValueList unchanged = new ValueList(EMAILS, current);
        unchanged.addOrMerge(json("{\"value\": \"a@x.example\", \"primary\": true}"));
        assertSame(current, unchanged.result(current));

        ValueList emptied = new ValueList(EMAILS, current);
        emptied.clear();
        assertNull(emptied.result(current));
        assertNull(new ValueList(EMAILS, null).result(null));
    }

    private static Arguments row(String description, String current, Consumer<ValueList> operation, String expected) {
        return arguments(description, current, operation, expected);
    }
}
