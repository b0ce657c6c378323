package com.rollcall.scim.patch;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.schema.JsonAttributes;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/** The JSON edits of the PATCH engine; immutable: each returns a new object and changes none. */
final class JsonEdits {
    private JsonEdits() {
    }

    /** Whether {@code value} is absent (Java null) or JSON {@code null}. */
    static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    /** The member whose name equals {@code name} ignoring case; null when absent or JSON null. */
    static JsonValue member(JsonObject object, String name) {
        return JsonAttributes.get(object, name).orElse(null);
    }

    /** {@code value} when it is an object, else the empty object. */
    static JsonObject asObject(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** {@code object}, or null (unassigned) when it is empty. */
    static JsonObject emptyToNull(JsonObject object) {
        return object.isEmpty() ? null : object;
    }

    /**
     * {@code object} with the member named {@code name} (ignoring case; written with the canonical
     * {@code name}, in place) set to {@code value}, or removed when {@code value} is null.
     */
    static JsonObject put(JsonObject object, String name, JsonValue value) {
        JsonObjectBuilder builder = ScimJson.object();
        boolean found = false;
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                if (!found && value != null) {
                    builder.add(name, value);
                }
                found = true;
            } else {
                builder.add(entry.getKey(), entry.getValue());
            }
        }
        if (!found && value != null) {
            builder.add(name, value);
        }
        return builder.build();
    }

    /** {@code given}'s members set on {@code object}; a {@link JsonValue#NULL} member removes that member. */
    static JsonObject merge(JsonObject object, JsonObject given) {
        JsonObject result = object;
        for (Map.Entry<String, JsonValue> member : given.entrySet()) {
            result = put(result, member.getKey(), isNull(member.getValue()) ? null : member.getValue());
        }
        return result;
    }
}
