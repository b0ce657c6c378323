package com.rollcall.scim.quirks;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * ENTRA.md Q3: Entra removes group members with
 * {@code {"op":"Remove","path":"members","value":[{"value":"<id>"}]}}, a form RFC 7644 does not define
 * (its {@code remove} has no value; the RFC form is {@code members[value eq "<id>"]}). It means
 * <em>remove these members</em>, never <em>remove all</em>: a {@code remove} whose value is present
 * (even an empty array, which removes nothing) lists what to remove. Only a {@code remove} without a
 * value (absent or JSON {@code null}) and without a filter removes every value.
 */
public final class ListedValueRemoval {
    private ListedValueRemoval() {
    }

    /** Whether a {@code remove} operation's value lists the values to remove. */
    public static boolean listsValues(JsonValue value) {
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /** The listed values: the elements of an array (JSON nulls skipped), or the single value given. */
    public static List<JsonValue> listed(JsonValue value) {
        List<JsonValue> listed = new ArrayList<>();
        if (!listsValues(value)) {
            return listed;
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue element : value.asJsonArray()) {
                if (element.getValueType() != JsonValue.ValueType.NULL) {
                    listed.add(element);
                }
            }
        } else {
            listed.add(value);
        }
        return List.copyOf(listed);
    }
}
