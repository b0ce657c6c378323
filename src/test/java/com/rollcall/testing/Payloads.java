package com.rollcall.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw identity-provider request bodies kept as JSON files under {@code src/test/resources/scim/}
 * ({@code entra/...}, {@code okta/...}). Placeholders {@code {{name}}} inside JSON strings are replaced
 * by plain string substitution, with the value escaped for a JSON string; a template must have no
 * placeholder left once filled.
 */
public final class Payloads {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    private Payloads() {
    }

    /** The file as it is, e.g. {@code Payloads.read("entra/create-group.json")} (placeholders must be filled). */
    public static String read(String name) {
        return read(name, Map.of());
    }

    /** The file with every {@code {{key}}} replaced by its value. */
    public static String read(String name, Map<String, String> values) {
        String text = raw(name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            String placeholder = "{{" + value.getKey() + "}}";
            if (!text.contains(placeholder)) {
                throw new IllegalArgumentException(name + " has no placeholder " + placeholder);
            }
            text = text.replace(placeholder, escape(value.getValue()));
        }
        Matcher left = PLACEHOLDER.matcher(text);
        if (left.find()) {
            throw new IllegalArgumentException(name + " still has the placeholder " + left.group() + " to fill");
        }
        return text;
    }

    /** The filled file, parsed (which also proves the template is valid JSON). */
    public static JsonObject json(String name, Map<String, String> values) {
        try (var reader = Json.createReader(new StringReader(read(name, values)))) {
            return reader.readObject();
        }
    }

    private static String raw(String name) {
        String resource = "scim/" + name;
        try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as the content of a JSON string (quotes, backslashes and control characters escaped). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
