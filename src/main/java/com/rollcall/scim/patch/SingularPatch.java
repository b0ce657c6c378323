package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.JsonEdits.asObject;
import static com.rollcall.scim.patch.JsonEdits.emptyToNull;
import static com.rollcall.scim.patch.JsonEdits.isNull;
import static com.rollcall.scim.patch.JsonEdits.member;
import static com.rollcall.scim.patch.JsonEdits.merge;
import static com.rollcall.scim.patch.JsonEdits.put;

import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.quirks.ManagerValues;
import com.rollcall.scim.schema.AttributeDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One operation on a singular attribute (RFC 7644 §3.5.2): {@code add} and {@code replace} set a simple
 * attribute and merge the given sub-attributes into a complex one; a sub-attribute path sets or removes that
 * sub-attribute; {@code remove} and an explicit JSON {@code null} make the target unassigned.
 */
final class SingularPatch {
    private static final String VALUE = "value";

    private SingularPatch() {
    }

    /** The attribute's value after the operation; null for unassigned. */
    static JsonValue next(PatchOperation.Op op, Target target, JsonValue current, JsonValue value) {
        AttributeDefinition attribute = target.attribute();
        boolean unassign = op == PatchOperation.Op.REMOVE || isNull(value);
        if (target.subAttribute() == null) {
            if (unassign) {
                return null;
            }
            if (target.isManager()) {
                return sameManager(current, manager(value));
            }
            if (attribute.isComplex()) {
                JsonObject given = ValueCoercion.object(attribute, value, true);
                return emptyToNull(merge(asObject(current), given));
            }
            return ValueCoercion.simple(attribute, value, attribute.name());
        }
        AttributeDefinition sub = target.subAttribute();
        JsonObject object = asObject(current);
        if (target.isManager() && sub.name().equals(VALUE)) {
            return unassign ? null : sameManager(current, manager(value));
        }
        JsonValue subValue = unassign ? null : ValueCoercion.simple(sub, value, attribute.name() + "." + sub.name());
        ChangeChecks.subAttribute(attribute, sub, member(object, sub.name()), subValue);
        return emptyToNull(put(object, sub.name(), subValue));
    }

    /** The current manager when it has the same id (keeping its derived members: a no-op), else the new one. */
    private static JsonValue sameManager(JsonValue current, JsonValue manager) {
        if (manager != null && current != null && current.getValueType() == JsonValue.ValueType.OBJECT
                && Objects.equals(member(current.asJsonObject(), VALUE), member(manager.asJsonObject(), VALUE))) {
            return current;
        }
        return manager;
    }

    private static JsonValue manager(JsonValue value) {
        JsonValue manager = ManagerValues.normalise(value).orElseThrow(() -> ScimException.invalidValue(
                "'manager' must be the manager's id, {\"value\": id} or [{\"value\": id}]."));
        return isNull(manager) ? null : manager;
    }
}
