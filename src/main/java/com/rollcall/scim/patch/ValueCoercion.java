package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.JsonEdits.isNull;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.quirks.BooleanStrings;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.Mutability;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a PATCH operation gives, checked against the attribute's type and written in the schema's
 * terms: a boolean attribute takes {@code true}/{@code false} or (ENTRA.md Q2, {@link BooleanStrings})
 * {@code "True"}/{@code "False"} in any case; a string attribute takes a string, a number being taken as its
 * text; an integer takes an integral number and a decimal any number; a complex attribute takes an object
 * whose sub-attributes get their canonical names. Anything else is {@code 400 invalidValue}.
 */
final class ValueCoercion {
    private ValueCoercion() {
    }

    /**
     * The values given for a multi-valued attribute: an array (a single value is accepted too); nulls and
     * values left empty are skipped.
     */
    static List<JsonValue> elements(AttributeDefinition attribute, JsonValue value) {
        List<JsonValue> given = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
        List<JsonValue> elements = new ArrayList<>();
        for (JsonValue element : given) {
            if (isNull(element)) {
                continue;
            }
            JsonValue coerced = element(attribute, element);
            if (!(coerced instanceof JsonObject object && object.isEmpty())) {
                elements.add(coerced);
            }
        }
        return elements;
    }

    /** One value of a multi-valued attribute: a complex value without nulls, or a simple value. */
    static JsonValue element(AttributeDefinition attribute, JsonValue value) {
        return attribute.isComplex() ? object(attribute, value, false) : simple(attribute, value, attribute.name());
    }

    /**
     * A complex value with canonical sub-attribute names and checked types. Unknown sub-attributes are
     * ignored (ENTRA.md Q8), and so are readOnly ones unless the attribute itself is readOnly (then any change
     * is a mutability error). Null sub-attributes are kept as {@link JsonValue#NULL} ("remove it" in a merge)
     * when {@code keepNulls}, dropped otherwise.
     */
    static JsonObject object(AttributeDefinition attribute, JsonValue value, boolean keepNulls) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ScimException.invalidValue("Each value of '" + attribute.name() + "' must be a JSON object.");
        }
        JsonObjectBuilder object = ScimJson.object();
        for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
            Optional<AttributeDefinition> sub = attribute.subAttribute(member.getKey());
            if (sub.isEmpty() || (sub.get().mutability() == Mutability.READ_ONLY
                    && attribute.mutability() != Mutability.READ_ONLY)) {
                continue;
            }
            if (isNull(member.getValue())) {
                if (keepNulls) {
                    object.add(sub.get().name(), JsonValue.NULL);
                }
                continue;
            }
            object.add(sub.get().name(), simple(sub.get(), member.getValue(),
                    attribute.name() + "." + sub.get().name()));
        }
        return object.build();
    }

    /** A value of a simple (not complex) attribute; {@code name} is how error details name the attribute. */
    static JsonValue simple(AttributeDefinition attribute, JsonValue value, String name) {
        return switch (attribute.type()) {
            case BOOLEAN -> BooleanStrings.coerce(value).orElseThrow(() ->
                    ScimException.invalidValue("'" + name + "' must be a boolean (true or false)."));
            case STRING, REFERENCE, DATE_TIME, BINARY -> switch (value.getValueType()) {
                case STRING -> value;
                case NUMBER -> ScimJson.PROVIDER.createValue(((JsonNumber) value).toString());
                default -> throw ScimException.invalidValue("'" + name + "' must be a string.");
            };
            case INTEGER -> {
                if (value.getValueType() == JsonValue.ValueType.NUMBER && ((JsonNumber) value).isIntegral()) {
                    yield value;
                }
                throw ScimException.invalidValue("'" + name + "' must be an integer.");
            }
            case DECIMAL -> {
                if (value.getValueType() == JsonValue.ValueType.NUMBER) {
                    yield value;
                }
                throw ScimException.invalidValue("'" + name + "' must be a number.");
            }
            case COMPLEX -> throw ScimException.invalidValue("'" + name + "' must be a JSON object.");
        };
    }
}
