package com.rollcall.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little JSON the load generator needs: escaping, and the first "id" of a SCIM answer. */
final class Json {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"totalResults\"\\s*:\\s*(\\d+)");

    private Json() {
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String q(String s) {
        return "\"" + escape(s) + "\"";
    }

    static String id(String body) {
        Matcher m = ID.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    static long totalResults(String body) {
        Matcher m = TOTAL.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
