package com.rollcall.scim.quirks;

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
}
