package com.rollcall.testing.fuzz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Hostile text for the fuzz: string contents (quotes, escapes, unicode that folds oddly, surrogate halves,
 * control characters), numbers at and beyond {@code BoundedNumbers}' rule, and random edits of any text
 * (insertions, deletions, duplications, truncations, deep wrapping). Pure functions of the given {@link Random}.
 */
public final class Texts {
    /** Tokens that break parsers: quotes, escapes, brackets, keywords, huge numbers, unicode. */
    public static final List<String> TOKENS = List.of("\"", "'", "\\", "\\\"", "(", ")", "[", "]", "{", "}", ".", ":",
            ",", " ", "\t", "\n", "and", "or", "not", "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "AND",
            "Or", "NOT", "\\u", "\\u12", "\\uZZZZ", "\\ud800", "\\u0000", "%", "%25", "%ZZ", "\u0000", "\ud800", "\udc00",
            "\ud83d\ude00", "\u0130", "\u212a", "\u00df", "\u200b", "\u2028", "\ufeff", "\uffff", "1e2000000000",
            "-1e-2000000000", "1E+999999999", "9".repeat(120), "0." + "0".repeat(1_100) + "1", "-", "+", "null",
            "true", "false", "$", "$ref", "urn:", "urn:ietf:params:scim:schemas:core:2.0:User:", "*", "=", "&", "#",
            "?", "/", "emails[", "].value", "members[value eq \"", "\"]");

    /** Numbers outside the rule (or at its edge) that a client may write in twelve characters. */
    public static final List<String> EXTREME_NUMBERS = List.of("1e2000000000", "-1e2000000000", "1e-2000000000",
            "1E+999999999", "0.5e2147483647", "1e1000", "1e1001", "1e-1000", "1e-1001", "-0", "-0.0", "0e0",
            "1" + "0".repeat(99), "1" + "0".repeat(100), "1" + "0".repeat(300), "9".repeat(101),
            "0." + "0".repeat(200) + "1", "123456789012345678901234567890.5e-20", "2147483648", "-9223372036854775809",
            "1e9223372036854775807", "1E-9223372036854775808", "18446744073709551616");

    private static final String[] WORDS = {"bjensen", "Barbara", "O'Malley", "work", "home", "example.com",
            "bjensen@example.com", "2011-05-13T04:42:34Z", "2011-05-13T04:42:34.123+02:00", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00-18:00",
            "2016-12-31T23:59:60Z", "2011-02-30T00:00:00Z", "2011-05-13t04:42:34z", "Employee", "User", "Group",
            "42", "-1.5e3", "True", "False", "null", "and", " or ", "not (x)", "a]b", "a)b", "a\"b", "a\\b", "\\u0041",
            "%", "_", "!", "*"};
    private static final String[] UNICODE = {"\u00e9", "\u00df", "\u0130", "\u0131", "\u212a", "\u03a3",
            "\u0645\u0631\u062d\u0628\u0627", "\u200f", "\u200b", "\ufeff", "\ud83d\ude00", "\ud800", "\udfff",
            "\u0000", "\u001f", "\u007f", "\u2028", "\uffff", "\ufffd", "\u3000", "\uff10"};

    private Texts() {
    }

    /** One element of a list. */
    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** True with the given probability. */
    public static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }

    /** The content of a string value: words, unicode, quotes and escapes, sometimes long. */
    public static String content(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "";
        }
        if (kind == 1) {
            return "x".repeat(1 + random.nextInt(random.nextBoolean() ? 40 : 400));
        }
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append(pick(random, UNICODE));
                case 1 -> text.append((char) random.nextInt(0x80));
                case 2 -> text.append((char) random.nextInt(0x10000));
                default -> text.append(pick(random, WORDS));
            }
        }
        return text.toString();
    }

    /** A JSON number within the rule, written in one of its many forms. */
    public static String number(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append('-');
        }
        if (random.nextInt(5) == 0) {
            text.append('0');
        } else {
            text.append(1 + random.nextInt(9));
            int digits = random.nextInt(random.nextInt(10) == 0 ? 60 : 6);
            for (int i = 0; i < digits; i++) {
                text.append(random.nextInt(10));
            }
        }
        if (random.nextInt(3) == 0) {
            text.append('.');
            int digits = 1 + random.nextInt(random.nextInt(10) == 0 ? 30 : 4);
            for (int i = 0; i < digits; i++) {
                text.append(random.nextInt(10));
            }
        }
        if (random.nextInt(4) == 0) {
            text.append(random.nextBoolean() ? 'e' : 'E').append(pick(random, "", "+", "-"))
                    .append(random.nextInt(random.nextBoolean() ? 10 : 900));
        }
        return text.toString();
    }

    /** A number beyond (or exactly at) the rule's edge. */
    public static String extremeNumber(Random random) {
        return pick(random, EXTREME_NUMBERS);
    }

    /** The number a text denotes, or 10^2000000000 when Java cannot even hold it (an exponent beyond an int). */
    public static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException tooLarge) {
            return new BigDecimal("1e2000000000");
        }
    }

    /** Blank space of the kinds a parser skips (spaces, tabs, line breaks, an em space), at least one character. */
    public static String blank(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "\t";
            case 1 -> "\n";
            case 2 -> "  ";
            case 3 -> "\r\n ";
            case 4 -> "\u2003";
            default -> " ";
        };
    }

    /** The word in a random letter case. */
    public static String anyCase(Random random, String word) {
        return switch (random.nextInt(4)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.toLowerCase(Locale.ROOT);
            case 2 -> word;
            default -> {
                StringBuilder mixed = new StringBuilder(word.length());
                for (char c : word.toCharArray()) {
                    mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                }
                yield mixed.toString();
            }
        };
    }

    /** {@code text} with 1 to {@code max} random edits. */
    public static String mutate(Random random, String text, int max) {
        String mutated = text;
        int edits = 1 + random.nextInt(max);
        for (int i = 0; i < edits; i++) {
            mutated = mutateOnce(random, mutated);
        }
        return mutated;
    }

    private static String mutateOnce(Random random, String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        int length = text.isEmpty() ? 0 : random.nextInt(Math.min(12, text.length() - Math.min(at, text.length()) + 1));
        String before = text.substring(0, at);
        String after = text.substring(Math.min(text.length(), at));
        return switch (random.nextInt(10)) {
            case 0, 1 -> before + pick(random, TOKENS) + after;
            case 2 -> before + after.substring(length);
            case 3 -> before + after.substring(0, length) + after.substring(0, length) + after;
            case 4 -> before + (char) random.nextInt(0x10000) + after;
            case 5 -> before + extremeNumber(random) + after;
            case 6 -> text.substring(0, at);
            case 7 -> {
                int depth = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
                String[] pair = pick(random, new String[] {"(", ")"}, new String[] {"[", "]"}, new String[] {"not (", ")"},
                        new String[] {"\"", "\""}, new String[] {"{\"a\":", "}"}, new String[] {"[", ""});
                yield pair[0].repeat(depth) + text + pair[1].repeat(depth);
            }
            case 8 -> anyCase(random, text);
            default -> before + content(random) + after;
        };
    }
}
