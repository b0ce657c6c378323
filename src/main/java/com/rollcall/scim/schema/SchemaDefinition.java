package com.rollcall.scim.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A SCIM schema (RFC 7643 §7): its URN, name, description and top-level attributes. */
public record SchemaDefinition(String id, String name, String description, List<AttributeDefinition> attributes) {

    public SchemaDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        attributes = List.copyOf(attributes);
    }

    /** The attribute whose name equals {@code attributeName} ignoring case (RFC 7643 §2.1). */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        return AttributeDefinition.Named.find(attributes, attributeName);
    }
}
