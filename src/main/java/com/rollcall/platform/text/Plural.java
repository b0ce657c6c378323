package com.rollcall.platform.text;

import java.util.Locale;

/**
 * The one way Rollcall writes a count with its noun, in every page and message: "1 member", "2 members",
 * "1 identifier is shared", "3 identifiers are shared". Nouns are regular (an "s", or "ies" after a consonant
 * and "y") unless the plural is given.
 */
public final class Plural {
    private Plural() {
    }

    /** "1 user", "1,204 users", "0 users". */
    public static String count(long n, String singular) {
        return count(n, singular, noun(singular));
    }

    /** "1 person", "2 people". */
    public static String count(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? singular : plural);
    }

    /** "1 identifier is", "2 identifiers are". */
    public static String countIs(long n, String singular) {
        return count(n, singular) + (n == 1 ? " is" : " are");
    }

    /** "1 user has", "2 users have". */
    public static String countHas(long n, String singular) {
        return count(n, singular) + (n == 1 ? " has" : " have");
    }

    /** The plural of a regular noun or noun phrase (its last word): "name" → "names", "policy" → "policies". */
    public static String noun(String singular) {
        if (singular.isEmpty()) {
            return singular;
        }
        String lower = singular.toLowerCase(Locale.ROOT);
        if (singular.endsWith("ID")) {
            return singular + "s";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return singular + "es";
        }
        return singular + "s";
    }
}
