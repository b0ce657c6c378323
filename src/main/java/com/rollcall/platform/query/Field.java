package com.rollcall.platform.query;

import java.util.Locale;

/**
 * A filterable attribute stored in a column: its JPQL path relative to an alias (e.g. {@code "userNameKey"}),
 * its kind and case rule. {@code keyPath}, when set, is an indexed column holding the normalised value
 * ({@code lower(...)}) that equality should use so matching filters hit the index.
 */
public record Field(String path, FieldKind kind, boolean caseExact, String keyPath, boolean trimmedKey) {
    public static Field text(String path) {
        return new Field(path, FieldKind.STRING, false, null, false);
    }

    public static Field exact(String path) {
        return new Field(path, FieldKind.STRING, true, null, false);
    }

    /** Case-insensitive text whose lower-cased copy is stored (and indexed) in {@code keyPath}. */
    public static Field keyed(String path, String keyPath) {
        return new Field(path, FieldKind.STRING, false, keyPath, false);
    }

    /** Like {@link #keyed} for keys stored as {@code lower(trim(value))}. */
    public static Field keyedTrimmed(String path, String keyPath) {
        return new Field(path, FieldKind.STRING, false, keyPath, true);
    }

    /** Case-exact text whose live copy is stored (and indexed) in {@code keyPath}. */
    public static Field exactKeyed(String path, String keyPath) {
        return new Field(path, FieldKind.STRING, true, keyPath, false);
    }

    public static Field bool(String path) {
        return new Field(path, FieldKind.BOOLEAN, true, null, false);
    }

    public static Field dateTime(String path) {
        return new Field(path, FieldKind.DATE_TIME, true, null, false);
    }

    /** The value as the key column stores it. */
    String key(String value) {
        String v = trimmedKey ? value.trim() : value;
        return caseExact ? v : v.toLowerCase(Locale.ROOT);
    }
}
