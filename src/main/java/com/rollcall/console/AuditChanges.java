package com.rollcall.console;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The before → after of an audit event as a person reads it: the top-level fields that differ (metadata
 * left out), each with its old and new value. A create shows every field as new, a delete every field as gone.
 */
public final class AuditChanges {
    /** One changed field; null means "absent". */
    public record Change(String field, String before, String after) {
    }

    private AuditChanges() {
    }

    public static List<Change> of(String beforeJson, String afterJson) {
        JsonObject before = parse(beforeJson);
        JsonObject after = parse(afterJson);
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        fields.remove("meta");
        fields.remove("schemas");
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonValue b = before.get(field);
            JsonValue a = after.get(field);
            if (!Objects.equals(b, a)) {
                changes.add(new Change(shortName(field), text(b), text(a)));
            }
        }
        return changes;
    }

    /** Extension URNs shortened to their last part ("…:enterprise:2.0:User" → "enterprise extension"). */
    static String shortName(String field) {
        return field.startsWith("urn:") && field.contains(":extension:enterprise:") ? "enterprise extension" : field;
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = ScimJson.PROVIDER.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject()
                    : ScimJson.object().add("value", value).build();
        } catch (JsonException e) {
            return ScimJson.object().add("value", json).build();
        }
    }
}
