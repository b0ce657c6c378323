package com.rollcall.scim.schema;

import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A resource type's own rule for giving one of its singular attributes a value, where the generic rules of
 * RFC 7644 §3.5.2 (a complex value is merged sub-attribute by sub-attribute) would not give what clients
 * mean. The PATCH engine uses it for {@code add} and {@code replace} of the attribute, and of
 * {@code viaSubAttribute} when there is one, instead of its generic handling; {@code remove} of either, or a
 * JSON {@code null}, unassigns the whole attribute. The other sub-attributes follow the generic rules.
 *
 * @param schemaUrn       the URN of the schema that defines the attribute
 * @param attribute       the attribute's name
 * @param viaSubAttribute the sub-attribute whose assignment assigns the whole attribute, or null
 * @param assign          (current value or null, given value) to the attribute's new value, {@link JsonValue#NULL}
 *                        for "unassigned", or empty when the given value has none of the accepted forms
 * @param refusal         the detail of the {@code 400 invalidValue} for a value with none of the accepted forms
 */
public record AssignmentRule(String schemaUrn, String attribute, String viaSubAttribute,
                             BiFunction<JsonValue, JsonValue, Optional<JsonValue>> assign, String refusal) {

    public AssignmentRule {
        Objects.requireNonNull(schemaUrn, "schemaUrn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(assign, "assign");
        Objects.requireNonNull(refusal, "refusal");
    }

    /**
     * Whether this rule assigns {@code attributeName} of {@code schemaUrn} when an operation targets it, or
     * targets its sub-attribute {@code subAttributeOrNull}; names and URNs compared ignoring case.
     */
    public boolean governs(String schemaUrn, String attributeName, String subAttributeOrNull) {
        return this.schemaUrn.equalsIgnoreCase(schemaUrn) && attribute.equalsIgnoreCase(attributeName)
                && (subAttributeOrNull == null || subAttributeOrNull.equalsIgnoreCase(viaSubAttribute));
    }
}
