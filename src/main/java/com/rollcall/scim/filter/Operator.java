package com.rollcall.scim.filter;

import java.util.Locale;
import java.util.Optional;

/** The comparison operators of RFC 7644 §3.4.2.2 (Table 3); keywords are case-insensitive. {@code pr} is {@link Filter.Present}. */
public enum Operator {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE;

    /** The lower-case keyword, e.g. {@code "eq"}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for {@code gt}, {@code ge}, {@code lt} and {@code le}. */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }

    /** The operator with this keyword in any letter case, or empty. */
    public static Optional<Operator> fromKeyword(String keyword) {
        for (Operator operator : values()) {
            if (operator.name().equalsIgnoreCase(keyword)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
