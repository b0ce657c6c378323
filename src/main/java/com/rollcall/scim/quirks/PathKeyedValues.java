package com.rollcall.scim.quirks;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * ENTRA.md Q4: Entra sends path-less {@code replace} (and {@code add}) operations whose value object uses
 * attribute <em>paths</em> as keys, not only attribute names:
 * {@code {"op":"Replace","value":{"displayName":"…","name.givenName":"…",
 * "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"…",
 * "emails[type eq \"work\"].value":"…"}}}. RFC 7644 §3.5.2 only has attribute names (and extension
 * objects keyed by their schema URN) there.
 *
 * <p>{@link #split} turns such a value object into (path, value) pairs, one per key, so that each pair is
 * applied exactly like an operation with that {@code path}: a plain name is a path, a path is a path, and
 * a schema URN key whose value is an object contributes one URN-qualified path per attribute inside it.
 * Keys with the misspelt enterprise URN (Q8) are normalised first.
 */
public final class PathKeyedValues {

    /** One key of a path-less value object, as the text of a PATCH path, with its value. */
    public record Entry(String path, JsonValue value) {
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }

    private PathKeyedValues() {
    }

    /**
     * The value object's keys as paths, in order. {@code isSchemaUrn} tells which keys are schema URNs (the
     * resource's core schema or an extension); the value of such a key, when an object, is flattened to
     * {@code urn:attribute} paths, otherwise kept as one entry keyed by the URN.
     */
    public static List<Entry> split(JsonObject value, Predicate<String> isSchemaUrn) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonValue> member : value.entrySet()) {
            String key = EnterpriseUrnTypo.normalise(member.getKey());
            JsonValue v = member.getValue();
            if (isSchemaUrn.test(key) && v.getValueType() == JsonValue.ValueType.OBJECT) {
                for (Map.Entry<String, JsonValue> inner : v.asJsonObject().entrySet()) {
                    entries.add(new Entry(key + ":" + inner.getKey(), inner.getValue()));
                }
            } else {
                entries.add(new Entry(key, v));
            }
        }
        return List.copyOf(entries);
    }
}
