package com.rollcall.scim.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * Members of JSON objects by SCIM's rule for names: case-insensitive (RFC 7643 §2.1), an exact match first;
 * JSON {@code null} and absent are the same (RFC 7643 §2.5).
 */
public final class JsonMembers {
    private JsonMembers() {
    }

    /** The value of the member whose name equals {@code name} ignoring case, or empty (also for JSON null). */
    public static Optional<JsonValue> get(JsonObject object, String name) {
        JsonValue exact = object.get(name);
        if (exact != null) {
            return exact.getValueType() == JsonValue.ValueType.NULL ? Optional.empty() : Optional.of(exact);
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                JsonValue value = entry.getValue();
                return value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
