package com.rollcall.scim.quirks;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * ENTRA.md Q5: Entra sends {@code Add} (or {@code Replace}) on {@code emails[type eq "work"].value},
 * {@code phoneNumbers[type eq "mobile"].value} or {@code addresses[type eq "work"].locality} for a user
 * who has no value of that type yet. RFC 7644 §3.5.2.3 would answer {@code 400 noTarget}; Entra means
 * "create it". When the value filter is exactly {@code type eq "<string>"} on a multi-valued attribute
 * that has a {@code type} sub-attribute and no value matches, the operation creates the element
 * {@code {"type": "<string>", "<subAttribute>": value}} (or the value object with that type). Any other
 * filter that matches nothing is still {@code noTarget}.
 */
public final class TypedValueCreation {
    /** The sub-attribute the filter must compare. */
    public static final String TYPE = "type";

    private TypedValueCreation() {
    }

    /**
     * The element to create for {@code attr[type eq "type"].subAttribute} (or {@code attr[type eq "type"]}
     * when {@code subAttributeOrNull} is null, with an object {@code value}); empty when there is nothing to
     * create (a null value, or an element value that is not an object).
     */
    public static Optional<JsonObject> newElement(String type, String subAttributeOrNull, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        JsonObjectBuilder element = ScimJson.object();
        if (subAttributeOrNull != null) {
            return Optional.of(element.add(subAttributeOrNull, value).add(TYPE, type).build());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
            if (!member.getKey().equalsIgnoreCase(TYPE)) {
                element.add(member.getKey(), member.getValue());
            }
        }
        return Optional.of(element.add(TYPE, type).build());
    }
}
