package com.rollcall.scim.quirks;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * ENTRA.md Q2: Entra's default dialect sends booleans as strings ({@code "active": "False"}) in PATCH
 * and POST. "true"/"false" in any letter case are accepted; any other string is not a boolean.
 */
public final class BooleanStrings {
    private BooleanStrings() {
    }

    public static Optional<Boolean> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /**
     * A JSON value meant for a boolean attribute as a JSON boolean: {@code true}/{@code false} as they
     * are, {@code "True"}/{@code "false"}... coerced; empty for anything else (the caller's
     * {@code 400 invalidValue}).
     */
    public static Optional<JsonValue> coerce(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> Optional.of(value);
            case STRING -> parse(((JsonString) value).getString()).map(b -> b ? JsonValue.TRUE : JsonValue.FALSE);
            default -> Optional.empty();
        };
    }
}
