package com.rollcall.scim.json;

import com.rollcall.scim.message.ScimException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The one rule for numbers a client sends, in filters and in JSON bodies: at most {@value #MAX_DIGITS}
 * significant digits and a decimal exponent from -{@value #MAX_EXPONENT} to {@value #MAX_EXPONENT}.
 * Far above anything SCIM carries, and small enough that no comparison, rendering or conversion of such a
 * number costs more than a few microseconds: {@code 1e2000000000} is twelve characters, and expanding
 * it (toPlainString, toBigInteger, intValue) allocates two billion digits. Numbers outside the rule are
 * refused before anything is done with them; numbers inside it are compared as {@link BigDecimal}s,
 * which never expand.
 */
public final class BoundedNumbers {
    public static final int MAX_DIGITS = 100;
    public static final int MAX_EXPONENT = 1000;
    /** Longest text a bounded number can have: sign, digits, point, exponent letter, sign and digits. */
    private static final int MAX_TEXT = MAX_DIGITS + 12;

    private BoundedNumbers() {
    }

    /** Whether the number is within the rule. */
    public static boolean isBounded(BigDecimal number) {
        long adjustedExponent = (long) number.precision() - number.scale() - 1;
        return number.precision() <= MAX_DIGITS && Math.abs(adjustedExponent) <= MAX_EXPONENT;
    }

    /**
     * The number a JSON-number text denotes, when it is within the rule; empty for anything else (not a
     * number, or too long or too large to be one within the rule). Never parses more than a bounded text.
     */
    public static Optional<BigDecimal> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT) {
            return Optional.empty();
        }
        try {
            BigDecimal number = new BigDecimal(trimmed);
            return isBounded(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** Why a number is refused, naming it (abbreviated) and the rule; no final full stop. */
    public static String refusal(String text) {
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return "The number " + shown + " is out of range (numbers may have at most " + MAX_DIGITS
                + " digits and an exponent from -" + MAX_EXPONENT + " to " + MAX_EXPONENT + ")";
    }

    /**
     * Refuses a JSON document (a request body) holding any number outside the rule, with {@code 400
     * invalidValue} naming it. Walks the document once without recursion.
     */
    public static void requireBounded(JsonValue document) {
        Deque<JsonValue> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            JsonValue value = pending.pop();
            switch (value.getValueType()) {
                case OBJECT -> value.asJsonObject().values().forEach(pending::push);
                case ARRAY -> value.asJsonArray().forEach(pending::push);
                case NUMBER -> {
                    BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                    if (!isBounded(number)) {
                        throw ScimException.invalidValue(refusal(number.toString()) + ".");
                    }
                }
                default -> {
                }
            }
        }
    }
}
