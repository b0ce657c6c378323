package com.rollcall.scim.quirks;

import com.rollcall.scim.json.JsonMembers;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * ENTRA.md Q6: the enterprise {@code manager} arrives as a plain id string ({@code "value":"26118915"}),
 * as {@code {"value":"26118915"}} (RFC 7643 §4.3) or as a one-element array
 * {@code [{"value":"26118915","$ref":…}]}, at path {@code manager} or the full enterprise URN path. All
 * are normalised to {@code {"value": id}}: {@code $ref} and {@code displayName} are derived from the id
 * by Rollcall, never taken from the client. An empty string, an empty array or {@code null} means "no
 * manager" ({@link JsonValue#NULL}), and so does an empty object or one whose {@code value} is null; an
 * object with other members but no {@code value}, or an array of several managers, is not accepted.
 *
 * <p>{@link #assign} is the whole rule for giving a user a manager (the User resource type's assignment rule
 * in {@code ScimSchemas}, which the PATCH engine applies): the normalised value, except that a manager with the
 * id the user already has keeps what is stored, so that naming the same manager again changes nothing.
 */
public final class ManagerValues {
    private static final String VALUE = "value";

    private ManagerValues() {
    }

    /**
     * The manager value as {@code {"value": id}}, {@link JsonValue#NULL} for "no manager", or empty when the
     * value has none of the accepted shapes (the caller's {@code 400 invalidValue}).
     */
    public static Optional<JsonValue> normalise(JsonValue manager) {
        if (manager == null || manager.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.of(JsonValue.NULL);
        }
        JsonValue single = manager;
        if (manager.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArray array = manager.asJsonArray();
            if (array.isEmpty()) {
                return Optional.of(JsonValue.NULL);
            }
            if (array.size() > 1) {
                return Optional.empty();
            }
            single = array.get(0);
        }
        return switch (single.getValueType()) {
            case STRING -> Optional.of(of(((JsonString) single).getString()));
            case NUMBER -> Optional.of(of(((JsonNumber) single).toString()));
            case NULL -> Optional.of(JsonValue.NULL);
            case OBJECT -> idOf(single.asJsonObject()).map(ManagerValues::of);
            default -> Optional.empty();
        };
    }

    /**
     * The manager after assigning {@code given} to a user whose manager is {@code current} (null when none):
     * {@code current} itself when {@code given} names the same id, else {@link #normalise}'s answer.
     */
    public static Optional<JsonValue> assign(JsonValue current, JsonValue given) {
        return normalise(given).map(manager -> sameId(current, manager) ? current : manager);
    }

    private static boolean sameId(JsonValue current, JsonValue manager) {
        return manager.getValueType() == JsonValue.ValueType.OBJECT
                && current != null && current.getValueType() == JsonValue.ValueType.OBJECT
                && JsonMembers.get(current.asJsonObject(), VALUE).equals(JsonMembers.get(manager.asJsonObject(), VALUE));
    }

    private static Optional<String> idOf(JsonObject manager) {
        for (Map.Entry<String, JsonValue> entry : manager.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(VALUE)) {
                JsonValue value = entry.getValue();
                return switch (value.getValueType()) {
                    case STRING -> Optional.of(((JsonString) value).getString());
                    case NUMBER -> Optional.of(((JsonNumber) value).toString());
                    case NULL -> Optional.of("");
                    default -> Optional.empty();
                };
            }
        }
        return manager.isEmpty() ? Optional.of("") : Optional.empty();
    }

    private static JsonValue of(String id) {
        return id.isBlank() ? JsonValue.NULL : ScimJson.object().add(VALUE, id).build();
    }
}
