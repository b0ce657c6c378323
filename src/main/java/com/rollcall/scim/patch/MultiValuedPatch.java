package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.JsonEdits.asObject;
import static com.rollcall.scim.patch.JsonEdits.isNull;
import static com.rollcall.scim.patch.JsonEdits.member;
import static com.rollcall.scim.patch.JsonEdits.merge;
import static com.rollcall.scim.patch.JsonEdits.put;

import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.FilterEvaluator;
import com.rollcall.scim.filter.Literal;
import com.rollcall.scim.filter.Operator;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import com.rollcall.scim.quirks.ListedValueRemoval;
import com.rollcall.scim.quirks.TypedValueCreation;
import com.rollcall.scim.schema.AttributeDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * One operation on a multi-valued attribute (RFC 7644 §3.5.2): on the attribute as a whole ({@code emails}),
 * on a sub-attribute of every value ({@code emails.value}), or on the values a filter selects
 * ({@code emails[type eq "work"]}, {@code emails[type eq "work"].value}). The values themselves, their
 * identity and {@code primary} are {@link ValueList}'s.
 *
 * <ul>
 * <li>ENTRA.md Q3 ({@link ListedValueRemoval}): a {@code remove} with a value removes the values listed.</li>
 * <li>ENTRA.md Q5 ({@link TypedValueCreation}): {@code add}/{@code replace} on {@code attr[type eq "t"](.sub)}
 *     that matches nothing creates the value with that type; any other filter that matches nothing is
 *     {@code 400 noTarget}.</li>
 * </ul>
 */
final class MultiValuedPatch {
    private static final String VALUE = "value";

    private final FilterEvaluator evaluator;

    /** @param evaluator evaluates value filters with the resource type's case exactness */
    MultiValuedPatch(FilterEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The attribute's value after the operation; {@code current} itself when nothing changed, null for none. */
    JsonValue next(PatchOperation.Op op, Target target, JsonValue current, JsonValue value) {
        ValueList values = new ValueList(target.attribute(), current);
        if (target.filter() != null) {
            filtered(op, target, values, value);
        } else if (target.subAttribute() != null) {
            everySubAttribute(op, target, values, value);
        } else {
            whole(op, target.attribute(), values, value);
        }
        return values.result(current);
    }

    /** {@code emails}: add, replace or remove values of the attribute as a whole. */
    private static void whole(PatchOperation.Op op, AttributeDefinition attribute, ValueList values, JsonValue value) {
        switch (op) {
            case REMOVE -> {
                if (!ListedValueRemoval.listsValues(value)) {
                    values.clear();
                    return;
                }
                for (JsonValue listed : ListedValueRemoval.listed(value)) {
                    values.removeSame(listedElement(attribute, listed));
                }
            }
            case REPLACE -> {
                values.clear();
                if (!isNull(value)) {
                    ValueCoercion.elements(attribute, value).forEach(values::add);
                }
            }
            case ADD -> {
                if (isNull(value)) {
                    return;
                }
                ValueCoercion.elements(attribute, value).forEach(values::addOrMerge);
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    /** {@code emails.value} without a filter: the sub-attribute of every value. */
    private static void everySubAttribute(PatchOperation.Op op, Target target, ValueList values, JsonValue value) {
        AttributeDefinition sub = target.subAttribute();
        boolean unassign = op == PatchOperation.Op.REMOVE || isNull(value);
        if (values.isEmpty()) {
            if (unassign) {
                return;
            }
            throw ScimException.noTarget("'" + target.text() + "': '" + target.attribute().name()
                    + "' has no values to set '" + sub.name() + "' on.");
        }
        JsonValue subValue = unassign ? null : ValueCoercion.simple(sub, value, target.text());
        for (ValueList.Element element : values.all()) {
            setSub(target.attribute(), sub, element, subValue);
        }
    }

    /** {@code emails[type eq "work"]} or {@code emails[type eq "work"].value}. */
    private void filtered(PatchOperation.Op op, Target target, ValueList values, JsonValue value) {
        AttributeDefinition attribute = target.attribute();
        AttributePath base = new AttributePath(target.schemaUrn(), attribute.name(), null);
        List<ValueList.Element> matched = values.matching(element -> evaluator.matchesValue(base, target.filter(), element));
        boolean unassign = op == PatchOperation.Op.REMOVE || isNull(value);
        if (matched.isEmpty()) {
            if (op == PatchOperation.Op.REMOVE) {
                throw ScimException.noTarget("No value of '" + attribute.name() + "' matches '" + target.text() + "'.");
            }
            if (!unassign) {
                values.add(typedElement(target, value));
            }
            return;
        }
        AttributeDefinition sub = target.filterSubAttribute();
        if (sub == null) {
            if (op == PatchOperation.Op.ADD && isNull(value)) {
                return;
            }
            if (unassign) {
                values.removeAll(matched);
                return;
            }
            JsonObject given = ValueCoercion.object(attribute, value, op == PatchOperation.Op.ADD);
            for (ValueList.Element element : matched) {
                element.set(op == PatchOperation.Op.ADD ? merge(element.value().asJsonObject(), given) : given);
            }
            return;
        }
        JsonValue subValue = unassign ? null : ValueCoercion.simple(sub, value, target.text());
        for (ValueList.Element element : matched) {
            setSub(attribute, sub, element, subValue);
        }
    }

    /** ENTRA.md Q5: the value that {@code attr[type eq "t"](.sub)} creates when it matches nothing; else noTarget. */
    private static JsonObject typedElement(Target target, JsonValue value) {
        AttributeDefinition attribute = target.attribute();
        String typeValue = typeEquality(attribute, target.filter());
        if (typeValue == null) {
            throw ScimException.noTarget("No value of '" + attribute.name() + "' matches '" + target.text() + "'.");
        }
        AttributeDefinition sub = target.filterSubAttribute();
        if (sub != null) {
            ChangeChecks.subAttribute(attribute, sub, null, value);
        }
        JsonObject created = TypedValueCreation.newElement(typeValue, sub == null ? null : sub.name(), value)
                .orElseThrow(() -> ScimException.invalidValue("'" + target.text() + "' needs a JSON object value."));
        return ValueCoercion.object(attribute, created, false);
    }

    private static void setSub(AttributeDefinition attribute, AttributeDefinition sub, ValueList.Element element,
                               JsonValue subValue) {
        JsonObject object = asObject(element.value());
        ChangeChecks.subAttribute(attribute, sub, member(object, sub.name()), subValue);
        // Set even when unchanged: the operation set this value's sub-attribute, so a primary it keeps is one the
        // operation made (primary true on every value of several is two primaries, not a move to the other one).
        element.set(put(object, sub.name(), subValue));
    }

    /** The string {@code t} when the filter is exactly {@code type eq "t"} and the attribute has a type (Q5). */
    private static String typeEquality(AttributeDefinition attribute, Filter filter) {
        if (attribute.subAttribute(TypedValueCreation.TYPE).isEmpty() || !(filter instanceof Filter.Comparison comparison)) {
            return null;
        }
        AttributePath path = comparison.path();
        if (path.schemaUrn() != null || path.subAttribute() != null
                || !path.name().equalsIgnoreCase(TypedValueCreation.TYPE)
                || comparison.operator() != Operator.EQ
                || !(comparison.value() instanceof Literal.StringLiteral literal)) {
            return null;
        }
        return literal.value();
    }

    /** A value listed for removal (Q3): a value as the attribute holds it; a bare string is taken as its {@code value}. */
    private static JsonValue listedElement(AttributeDefinition attribute, JsonValue listed) {
        if (attribute.isComplex() && attribute.subAttribute(VALUE).isPresent()
                && listed.getValueType() == JsonValue.ValueType.STRING) {
            return ScimJson.object().add(VALUE, listed).build();
        }
        return ValueCoercion.element(attribute, listed);
    }
}
