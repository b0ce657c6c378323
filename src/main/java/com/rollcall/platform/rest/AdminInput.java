package com.rollcall.platform.rest;

import com.rollcall.scim.message.ScimException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Strict reading of admin API input: wrong types and malformed values are 400 invalid_request in our words. */
public final class AdminInput {
    private AdminInput() {
    }

    public static JsonObject requireBody(JsonObject body) {
        if (body == null) {
            throw ScimException.invalidValue("The request needs a JSON object body.");
        }
        return body;
    }

    /** A required string member of 1..maxLength characters (trimmed). */
    public static String requireString(JsonObject body, String name, int maxLength) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw ScimException.invalidValue("'" + name + "' is required.");
        }
        if (!(value instanceof JsonString string)) {
            throw ScimException.invalidValue("'" + name + "' must be a string.");
        }
        String text = string.getString().strip();
        if (text.isEmpty() || text.length() > maxLength) {
            throw ScimException.invalidValue("'" + name + "' must have 1 to " + maxLength + " characters.");
        }
        return text;
    }

    /** A path or query id: a positive decimal number, else 404 (no such resource can exist). */
    public static long id(String text, String what) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException ignored) {
            // answered below
        }
        throw ScimException.notFound("There is no " + what + " '" + abbreviate(text) + "' in this enterprise.");
    }

    /** A path id of something that belongs to no enterprise (the operator API's): a positive number, else 404. */
    public static long operatorId(String text, String what) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException ignored) {
            // answered below
        }
        throw ScimException.notFound("There is no " + what + " '" + abbreviate(text) + "'.");
    }

    /** An optional string member of 1..maxLength characters (trimmed); null when absent or null. */
    public static String optionalString(JsonObject body, String name, int maxLength) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return requireString(body, name, maxLength);
    }

    /** A required whole number within [min, max], named in the refusal. */
    public static int requireInt(JsonObject body, String name, int min, int max) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw ScimException.invalidValue("'" + name + "' is required.");
        }
        long number = requireNumber(body, name);
        if (number < min || number > max) {
            throw ScimException.invalidValue("'" + name + "' must be a whole number from " + String.format(Locale.ROOT, "%,d", min)
                    + " to " + String.format(Locale.ROOT, "%,d", max) + ".");
        }
        return (int) number;
    }

    /** An optional whole number within [min, max]; null when absent or null. */
    public static Integer optionalInt(JsonObject body, String name, int min, int max) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return requireInt(body, name, min, max);
    }

    /** An optional ISO-8601 instant query parameter ({@code 2026-01-31T12:00:00Z}). */
    public static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ScimException.invalidValue("'" + name + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
        }
    }

    /** An optional integer query parameter within [min, max]. */
    public static int integer(String text, String name, int defaultValue, int min, int max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ScimException.invalidValue("'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }

    /** An optional string member naming a constant of {@code type} (any letter case); null when absent. */
    public static <E extends Enum<E>> E enumValue(JsonObject body, String name, Class<E> type) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw ScimException.invalidValue("'" + name + "' must be a string.");
        }
        try {
            return Enum.valueOf(type, text.getString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue("'" + abbreviate(text.getString()) + "' is not a valid " + name + ".");
        }
    }

    /** An optional boolean member (JSON true/false only); false when absent. */
    public static boolean flag(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
            throw ScimException.invalidValue("'" + name + "' must be true or false.");
        }
        return value.getValueType() == JsonValue.ValueType.TRUE;
    }

    /** A required whole-number member. */
    public static long requireNumber(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw ScimException.invalidValue("'" + name + "' must be a whole number.");
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw ScimException.invalidValue("'" + name + "' is out of range.");
        }
    }

    public static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
