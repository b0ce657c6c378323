package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.JsonEdits.member;
import static com.rollcall.scim.patch.JsonEdits.merge;
import static com.rollcall.scim.patch.JsonEdits.put;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.quirks.BooleanStrings;
import com.rollcall.scim.schema.AttributeDefinition;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The values of one multi-valued attribute while an operation works on them. Each value remembers whether
 * the operation set or changed it, which is what {@code primary} needs: when the operation made one value
 * primary, the others stop being primary, and an operation that makes two values primary is
 * {@code 400 invalidValue}.
 *
 * <p>Two values are <em>the same value</em> (so that {@code add} merges instead of duplicating, and a listed
 * removal finds its value) when, for complex values with a {@code value} sub-attribute, they have the same
 * {@code value} (by the schema's case exactness) and the same {@code type} when both have one; otherwise
 * when they are equal JSON.
 */
final class ValueList {
    private static final String VALUE = "value";
    private static final String TYPE = "type";
    private static final String PRIMARY = "primary";

    /** One value of the attribute. */
    static final class Element {
        private JsonValue value;
        private boolean touched;

        private Element(JsonValue value, boolean touched) {
            this.value = value;
            this.touched = touched;
        }

        JsonValue value() {
            return value;
        }

        /** Sets the value; the element counts as touched by the operation. */
        void set(JsonValue newValue) {
            value = newValue;
            touched = true;
        }
    }

    private final AttributeDefinition attribute;
    private final List<Element> elements = new ArrayList<>();

    /** The values the attribute has: those of an array, or a single value; none for null. */
    ValueList(AttributeDefinition attribute, JsonValue current) {
        this.attribute = attribute;
        if (current != null) {
            if (current.getValueType() == JsonValue.ValueType.ARRAY) {
                current.asJsonArray().forEach(element -> elements.add(new Element(element, false)));
            } else {
                elements.add(new Element(current, false));
            }
        }
    }

    boolean isEmpty() {
        return elements.isEmpty();
    }

    /** The elements, in order. */
    List<Element> all() {
        return List.copyOf(elements);
    }

    /** The elements whose value matches, in order. */
    List<Element> matching(Predicate<JsonValue> test) {
        return elements.stream().filter(element -> test.test(element.value)).toList();
    }

    void clear() {
        elements.clear();
    }

    /** Appends a value set by the operation. */
    void add(JsonValue value) {
        elements.add(new Element(value, true));
    }

    /** Appends {@code added}, or merges it into the same value when there is one (RFC 7644 §3.5.2.1). */
    void addOrMerge(JsonValue added) {
        Optional<Element> same = elements.stream().filter(e -> sameValue(e.value, added)).findFirst();
        if (same.isEmpty()) {
            add(added);
        } else {
            Element element = same.get();
            element.set(attribute.isComplex() ? merge(element.value.asJsonObject(), added.asJsonObject()) : added);
        }
    }

    /** Removes the values that are the same value as {@code unwanted}. */
    void removeSame(JsonValue unwanted) {
        elements.removeIf(element -> sameValue(element.value, unwanted));
    }

    void removeAll(Collection<Element> unwanted) {
        elements.removeAll(unwanted);
    }

    /**
     * The attribute's value after the operation: the values left (empty objects dropped, {@code primary} kept
     * on one value at most) as an array, null when none is left, and {@code current} itself when nothing changed.
     */
    JsonValue result(JsonValue current) {
        elements.removeIf(element -> element.value == null
                || (element.value.getValueType() == JsonValue.ValueType.OBJECT && element.value.asJsonObject().isEmpty()));
        onePrimary();
        if (elements.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = ScimJson.array();
        elements.forEach(element -> array.add(element.value));
        JsonValue next = array.build();
        return next.equals(current) ? current : next;
    }

    /** When the operation made one value primary, the others stop being primary; two new primaries are an error. */
    private void onePrimary() {
        if (attribute.subAttribute(PRIMARY).isEmpty()) {
            return;
        }
        List<Element> newPrimaries = elements.stream().filter(e -> e.touched && isPrimary(e.value)).toList();
        if (newPrimaries.size() > 1) {
            throw ScimException.invalidValue("Only one value of '" + attribute.name() + "' may be primary.");
        }
        if (newPrimaries.size() == 1) {
            for (Element element : elements) {
                if (element != newPrimaries.get(0) && isPrimary(element.value)) {
                    element.value = put(element.value.asJsonObject(), PRIMARY, null);
                }
            }
        }
    }

    private static boolean isPrimary(JsonValue value) {
        JsonValue primary = value.getValueType() == JsonValue.ValueType.OBJECT ? member(value.asJsonObject(), PRIMARY) : null;
        return primary != null && BooleanStrings.coerce(primary).map(JsonValue.TRUE::equals).orElse(false);
    }

    private boolean sameValue(JsonValue existing, JsonValue candidate) {
        if (!attribute.isComplex() || existing.getValueType() != JsonValue.ValueType.OBJECT
                || candidate.getValueType() != JsonValue.ValueType.OBJECT) {
            return existing.equals(candidate);
        }
        JsonObject a = existing.asJsonObject();
        JsonObject b = candidate.asJsonObject();
        JsonValue bValue = member(b, VALUE);
        if (attribute.subAttribute(VALUE).isEmpty() || bValue == null) {
            return a.equals(b);
        }
        boolean caseExact = attribute.subAttribute(VALUE).get().caseExact();
        if (!sameText(member(a, VALUE), bValue, caseExact)) {
            return false;
        }
        JsonValue aType = member(a, TYPE);
        JsonValue bType = member(b, TYPE);
        return aType == null || bType == null || sameText(aType, bType, false);
    }

    private static boolean sameText(JsonValue a, JsonValue b, boolean caseExact) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getValueType() == JsonValue.ValueType.STRING && b.getValueType() == JsonValue.ValueType.STRING) {
            String x = ((JsonString) a).getString();
            String y = ((JsonString) b).getString();
            return caseExact ? x.equals(y) : x.toLowerCase(Locale.ROOT).equals(y.toLowerCase(Locale.ROOT));
        }
        return a.equals(b);
    }
}
