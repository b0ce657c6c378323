package com.rollcall.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The strength rule of console passwords, the same on the server and (as a checklist shown while typing) in the
 * invitation page's script: at least 12 characters (at most 200); at least three of lower case, upper case,
 * digits and symbols unless it is 20 characters or more (a passphrase); not mostly one repeated character; not
 * a well-known password or keyboard walk; and not containing the login's name part.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    public static final int PASSPHRASE_LENGTH = 20;

    /** Well-known passwords and fragments: a password that is one of these, or one plus digits or symbols, is refused. */
    static final Set<String> COMMON = Set.of("password", "passw0rd", "p@ssw0rd", "p@ssword", "qwerty", "qwertyuiop",
            "azerty", "123456", "1234567890", "12345678", "abc123", "letmein", "welcome", "iloveyou", "admin",
            "administrator", "changeme", "rollcall", "secret", "monkey", "dragon", "football", "baseball", "sunshine",
            "princess", "trustno1", "whatever", "superman", "starwars", "master", "login", "qazwsx", "asdfgh",
            "zxcvbn", "1q2w3e4r", "summer", "winter", "spring", "autumn", "company", "employee", "welcome1");

    /** The rules in the page's words, in the order the invitation page lists them (its checklist). */
    public static final String LENGTH_RULE = "Use at least " + MIN_LENGTH + " characters.";
    public static final String CLASSES_RULE = "Mix at least three of: lower case, upper case, digits, symbols (or use "
            + PASSPHRASE_LENGTH + " characters or more).";
    public static final String REPEAT_RULE = "Do not repeat the same few characters.";
    public static final String COMMON_RULE = "Do not use a well-known password.";
    public static final String NAME_RULE = "Do not use your name or login in the password.";

    private PasswordPolicy() {
    }

    /**
     * The well-known passwords, space-separated, for the invitation page's checklist script (which mirrors
     * {@link #problems}; this rule stays the authority).
     */
    public static String commonPasswords() {
        return String.join(" ", new java.util.TreeSet<>(COMMON));
    }

    /** What the password still lacks, in the page's words; empty when it is strong enough. */
    public static List<String> problems(String password, String login) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add(LENGTH_RULE);
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("Use at most " + MAX_LENGTH + " characters.");
            return problems;
        }
        if (password.length() < PASSPHRASE_LENGTH && classes(password) < 3) {
            problems.add(CLASSES_RULE);
        }
        if (distinct(password) < 5) {
            problems.add(REPEAT_RULE);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("[^a-z]", "");
        if (COMMON.contains(lower) || COMMON.contains(lower.replaceAll("[^a-z@0-9]+$", "").replaceAll("[0-9!@#$%^&*.]+$", ""))
                || (core.length() >= 4 && COMMON.contains(core))) {
            problems.add(COMMON_RULE);
        }
        String name = login == null ? "" : login.toLowerCase(Locale.ROOT).split("@", 2)[0].replaceAll("[^a-z0-9]", "");
        if (name.length() >= 4 && lower.replaceAll("[^a-z0-9]", "").contains(name)) {
            problems.add(NAME_RULE);
        }
        return problems;
    }

    private static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static long distinct(String password) {
        return password.chars().distinct().count();
    }
}
