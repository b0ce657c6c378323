package com.rollcall.scim.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * An attribute of a resource type found by {@link ScimSchemas#locate}: the URN of the schema that
 * defines it (which tells whether it lives at the top level of the resource or inside an extension
 * object), the attribute, and the sub-attribute when one was asked for.
 */
public record ResolvedAttribute(String schemaUrn, AttributeDefinition attribute,
                                AttributeDefinition subAttributeOrNull) {

    public ResolvedAttribute {
        Objects.requireNonNull(schemaUrn, "schemaUrn");
        Objects.requireNonNull(attribute, "attribute");
    }

    public Optional<AttributeDefinition> subAttribute() {
        return Optional.ofNullable(subAttributeOrNull);
    }

    /** The sub-attribute if one was asked for, else the attribute. */
    public AttributeDefinition target() {
        return subAttributeOrNull != null ? subAttributeOrNull : attribute;
    }
}
