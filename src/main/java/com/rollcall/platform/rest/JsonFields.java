package com.rollcall.platform.rest;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** Fields of the admin and operator APIs' JSON that are always present: a value, or {@code null}. */
public final class JsonFields {
    private JsonFields() {
    }

    public static JsonObjectBuilder addOrNull(JsonObjectBuilder json, String name, String value) {
        return value == null ? json.addNull(name) : json.add(name, value);
    }

    /** An instant in ISO-8601 UTC ({@code 2026-12-05T10:15:30.123Z}), or null. */
    public static JsonObjectBuilder addOrNull(JsonObjectBuilder json, String name, Instant value) {
        return value == null ? json.addNull(name) : json.add(name, value.toString());
    }

    public static JsonObjectBuilder addOrNull(JsonObjectBuilder json, String name, Long value) {
        return value == null ? json.addNull(name) : json.add(name, value);
    }

    public static JsonObjectBuilder addOrNull(JsonObjectBuilder json, String name, Integer value) {
        return value == null ? json.addNull(name) : json.add(name, value);
    }
}
