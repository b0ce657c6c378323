package com.rollcall.scim.schema;

import com.rollcall.scim.json.JsonMembers;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.quirks.BooleanStrings;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * Typed, case-insensitive access to the attributes of a SCIM JSON object (attribute names are
 * case-insensitive, RFC 7643 §2.1). {@code null} and absent are the same. Wrong types are
 * {@code 400 invalidValue} naming the attribute; never a parser's exception.
 */
public final class JsonAttributes {
    private JsonAttributes() {
    }

    /** The value of the attribute whose name equals {@code name} ignoring case, or empty. */
    public static Optional<JsonValue> get(JsonObject object, String name) {
        return object == null ? Optional.empty() : JsonMembers.get(object, name);
    }

    /** A string attribute, at most {@code maxLength} characters; numbers are taken as their text. */
    public static String string(JsonObject object, String name, int maxLength) {
        Optional<JsonValue> value = get(object, name);
        if (value.isEmpty()) {
            return null;
        }
        String text = switch (value.get().getValueType()) {
            case STRING -> ((JsonString) value.get()).getString();
            case NUMBER -> ((JsonNumber) value.get()).toString();
            default -> throw ScimException.invalidValue("Attribute '" + name + "' must be a string.");
        };
        if (text.length() > maxLength) {
            throw ScimException.invalidValue("Attribute '" + name + "' is longer than " + maxLength + " characters.");
        }
        return text;
    }

    /** A boolean attribute; Entra's "True"/"False" strings are accepted (ENTRA.md Q2). */
    public static Boolean bool(JsonObject object, String name) {
        Optional<JsonValue> value = get(object, name);
        if (value.isEmpty()) {
            return null;
        }
        return toBoolean(value.get(), name);
    }

    public static boolean toBoolean(JsonValue value, String name) {
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            case STRING -> BooleanStrings.parse(((JsonString) value).getString()).orElseThrow(() ->
                    ScimException.invalidValue("Attribute '" + name + "' must be a boolean (true or false)."));
            default -> throw ScimException.invalidValue("Attribute '" + name + "' must be a boolean (true or false).");
        };
    }

    /** A complex attribute (JSON object), or null. */
    public static JsonObject object(JsonObject object, String name) {
        Optional<JsonValue> value = get(object, name);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get().getValueType() != JsonValue.ValueType.OBJECT) {
            throw ScimException.invalidValue("Attribute '" + name + "' must be a JSON object.");
        }
        return value.get().asJsonObject();
    }

    /** A multi-valued complex attribute: its objects, in order. */
    public static List<JsonObject> objects(JsonObject object, String name) {
        Optional<JsonValue> value = get(object, name);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get().getValueType() != JsonValue.ValueType.ARRAY) {
            throw ScimException.invalidValue("Attribute '" + name + "' must be a JSON array.");
        }
        JsonArray array = value.get().asJsonArray();
        for (JsonValue item : array) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ScimException.invalidValue("Each value of '" + name + "' must be a JSON object.");
            }
        }
        return array.getValuesAs(JsonObject.class);
    }
}
