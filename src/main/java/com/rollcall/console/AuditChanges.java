package com.rollcall.console;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The before → after of an audit event as a person reads it: the top-level fields that differ (metadata
 * left out), each with its old and new value. A create shows every field as new, a delete every field as gone.
 * Times are written as UTC ("2026-03-01 14:05:09 UTC"), a console login's role and a status in words ("Enterprise
 * Admin", "Granted"), and a linked user by its userName.
 */
public final class AuditChanges {
    /** One changed field; null means "absent". */
    public record Change(String field, String before, String after) implements java.io.Serializable {
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
        fields.removeAll(INTERNAL_IDS); // the names beside them say it (subAccount, role); the API keeps both
        if ("\"none\"".equals(String.valueOf(after.get("remapJob"))) && !before.containsKey("remapJob")) {
            fields.remove("remapJob");
        }
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonValue b = before.get(field);
            JsonValue a = after.get(field);
            if (!Objects.equals(b, a)) {
                changes.add(new Change(shortName(field), text(field, b), text(field, a)));
            }
        }
        return changes;
    }

    /** Extension URNs shortened to their last part ("…:enterprise:2.0:User" → "enterprise extension"). */
    static String shortName(String field) {
        return field.startsWith("urn:") && field.contains(":extension:enterprise:") ? "enterprise extension" : field;
    }

    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final DateTimeFormatter UTC = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Console roles and the statuses of console logins and license requests, as the pages say them. */
    private static final Map<String, String> WORDS = Map.of("ENTERPRISE_ADMIN", "Enterprise Admin",
            "INTEGRATIONS_MANAGER", "Integrations Manager", "INVITED", "Invited", "ACTIVE", "Active", "DISABLED",
            "Disabled", "LOCKED", "Locked", "OPEN", "Open", "GRANTED", "Granted", "DECLINED", "Declined");

    /** Internal ids an event carries for the API beside the names a person reads. */
    private static final java.util.Set<String> INTERNAL_IDS = java.util.Set.of("mappingId", "subAccountId");

    private static String text(String field, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            String text = s.getString();
            if ((field.equals("role") || field.equals("status")) && WORDS.containsKey(text)) {
                return WORDS.get(text);
            }
            if (INSTANT.matcher(text).matches()) {
                try {
                    return UTC.format(Instant.parse(text));
                } catch (DateTimeParseException notATime) {
                    return text;
                }
            }
            return text;
        }
        if (value instanceof jakarta.json.JsonArray array && !array.isEmpty() && array.stream().allMatch(
                v -> v instanceof JsonObject o && o.get("userName") instanceof JsonString)) {
            return String.join(", ", array.stream().map(v -> v.asJsonObject().getString("userName")).toList());
        }
        if (value instanceof JsonObject o && o.get("userName") instanceof JsonString userName) {
            return userName.getString() + (o.containsKey("active")
                    && o.get("active").getValueType() == JsonValue.ValueType.FALSE ? " (deactivated)" : "");
        }
        return value.toString();
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
