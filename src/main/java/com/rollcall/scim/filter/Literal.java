package com.rollcall.scim.filter;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A filter's comparison value ({@code compValue} of RFC 7644 §3.4.2.2). dateTime values are JSON
 * strings and stay {@link StringLiteral}s. {@code toString()} renders the filter text form.
 */
public sealed interface Literal {

    /** A string, with JSON escapes already decoded. */
    record StringLiteral(String value) implements Literal {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return FilterText.quote(value);
        }
    }

    /**
     * A number as written ({@code text}, compared verbatim with text attributes: Entra's unquoted values) and
     * its value, within {@link com.rollcall.scim.json.BoundedNumbers}' rule (the parser refuses others);
     * equal to another number literal when numerically equal ({@code 1.0} equals {@code 1}).
     */
    record NumberLiteral(String text, BigDecimal value) implements Literal {
        public NumberLiteral {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(value, "value");
        }

        public NumberLiteral(BigDecimal value) {
            this(value.toString(), value);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NumberLiteral number && value.compareTo(number.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.stripTrailingZeros().hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code true} or {@code false}. */
    record BooleanLiteral(boolean value) implements Literal {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** {@code null}. */
    enum NullLiteral implements Literal {
        INSTANCE;

        @Override
        public String toString() {
            return "null";
        }
    }
}
