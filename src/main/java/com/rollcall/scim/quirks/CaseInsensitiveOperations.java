package com.rollcall.scim.quirks;

import java.util.Locale;
import java.util.Optional;

/**
 * ENTRA.md Q1 and Q12: Entra's default dialect capitalises PATCH operation names ({@code "Add"},
 * {@code "Replace"}, {@code "Remove"}); with {@code aadOptscim062020} (and from other clients) they are
 * RFC 7644's lower case. Both dialects are always accepted: the name is compared ignoring case.
 */
public final class CaseInsensitiveOperations {
    private CaseInsensitiveOperations() {
    }

    /** The RFC 7644 name ({@code add}, {@code replace} or {@code remove}) of {@code op} in any case, or empty. */
    public static Optional<String> canonical(String op) {
        if (op == null) {
            return Optional.empty();
        }
        String name = op.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "add", "replace", "remove" -> Optional.of(name);
            default -> Optional.empty();
        };
    }
}
