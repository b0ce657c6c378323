package com.rollcall.audit;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * What one audit event may store of a before or after state: at most {@link #MAX_CHARS} characters, so that a
 * group created with 100,000 members does not write every id into one row, and a page of events stays small. A
 * larger state keeps the first {@link #KEPT_ITEMS} items of each long array, with a note saying how many were left
 * out; if that is still too large, only its length is kept.
 */
final class AuditStates {
    static final int MAX_CHARS = 32_768;
    static final int KEPT_ITEMS = 100;

    private AuditStates() {
    }

    /** The state as stored: its JSON text, bounded; null for none. */
    static String bounded(JsonObject state) {
        if (state == null) {
            return null;
        }
        String text = state.toString();
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        String shrunk = shrink(state).toString();
        if (shrunk.length() <= MAX_CHARS) {
            return shrunk;
        }
        return ScimJson.object().add("truncated", true).add("originalLength", text.length())
                .add("note", "This state was too large to keep in the audit log.").build().toString();
    }

    private static JsonValue shrink(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder copy = ScimJson.object();
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                copy.add(member.getKey(), shrink(member.getValue()));
                if (member.getValue() instanceof JsonArray array && array.size() > KEPT_ITEMS) {
                    copy.add(member.getKey() + "Omitted", array.size() - KEPT_ITEMS);
                }
            }
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = ScimJson.array();
            for (int i = 0; i < Math.min(array.size(), KEPT_ITEMS); i++) {
                copy.add(shrink(array.get(i)));
            }
            return copy.build();
        }
        return value;
    }
}
