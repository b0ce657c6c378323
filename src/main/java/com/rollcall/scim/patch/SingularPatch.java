package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.JsonEdits.asObject;
import static com.rollcall.scim.patch.JsonEdits.emptyToNull;
import static com.rollcall.scim.patch.JsonEdits.isNull;
import static com.rollcall.scim.patch.JsonEdits.member;
import static com.rollcall.scim.patch.JsonEdits.merge;
import static com.rollcall.scim.patch.JsonEdits.put;

import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.AssignmentRule;
import com.rollcall.scim.schema.AttributeDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One operation on a singular attribute (RFC 7644 §3.5.2): {@code add} and {@code replace} set a simple
 * attribute and merge the given sub-attributes into a complex one; a sub-attribute path sets or removes that
 * sub-attribute; {@code remove} and an explicit JSON {@code null} make the target unassigned. Where the
 * resource type has an {@link AssignmentRule} for the target, the rule gives the new value instead.
 */
final class SingularPatch {
    private SingularPatch() {
    }

    /** The attribute's value after the operation; null for unassigned. */
    static JsonValue next(PatchOperation.Op op, Target target, JsonValue current, JsonValue value) {
        AttributeDefinition attribute = target.attribute();
        boolean unassign = op == PatchOperation.Op.REMOVE || isNull(value);
        if (target.rule() != null) {
            return unassign ? null : assigned(target.rule(), current, value);
        }
        if (target.subAttribute() == null) {
            if (unassign) {
                return null;
            }
            if (attribute.isComplex()) {
                JsonObject given = ValueCoercion.object(attribute, value, true);
                return emptyToNull(merge(asObject(current), given));
            }
            return ValueCoercion.simple(attribute, value, attribute.name());
        }
        AttributeDefinition sub = target.subAttribute();
        JsonObject object = asObject(current);
        JsonValue subValue = unassign ? null : ValueCoercion.simple(sub, value, attribute.name() + "." + sub.name());
        ChangeChecks.subAttribute(attribute, sub, member(object, sub.name()), subValue);
        return emptyToNull(put(object, sub.name(), subValue));
    }

    private static JsonValue assigned(AssignmentRule rule, JsonValue current, JsonValue value) {
        JsonValue next = rule.assign().apply(current, value)
                .orElseThrow(() -> ScimException.invalidValue(rule.refusal()));
        return isNull(next) ? null : next;
    }
}
