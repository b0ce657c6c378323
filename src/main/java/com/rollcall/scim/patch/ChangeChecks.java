package com.rollcall.scim.patch;

import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.Mutability;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * Whether an operation may change what it changes (RFC 7643 §7 mutability and required): a change to a
 * {@code readOnly} attribute or sub-attribute is {@code 400 mutability}, and so is a change to an
 * {@code immutable} one that already has a value; a "change" that leaves the value as it is passes.
 * Removing a required attribute is {@code 400 invalidValue}.
 */
final class ChangeChecks {
    private ChangeChecks() {
    }

    /** Checks that {@code attribute} may go from {@code before} to {@code after} (null: unassigned). */
    static void attribute(AttributeDefinition attribute, JsonValue before, JsonValue after) {
        if (Objects.equals(before, after)) {
            return;
        }
        mutable(attribute.name(), attribute.mutability(), before);
        if (attribute.required() && after == null) {
            throw ScimException.invalidValue("'" + attribute.name() + "' is required and cannot be removed.");
        }
    }

    /** Checks that {@code sub} of {@code attribute} may go from {@code before} to {@code after} (null: unassigned). */
    static void subAttribute(AttributeDefinition attribute, AttributeDefinition sub, JsonValue before, JsonValue after) {
        if (!Objects.equals(before, after)) {
            mutable(attribute.name() + "." + sub.name(), sub.mutability(), before);
        }
    }

    private static void mutable(String name, Mutability mutability, JsonValue before) {
        if (mutability == Mutability.READ_ONLY) {
            throw ScimException.mutability("'" + name + "' is readOnly.");
        }
        if (mutability == Mutability.IMMUTABLE && before != null) {
            throw ScimException.mutability("'" + name + "' is immutable and already has a value.");
        }
    }
}
