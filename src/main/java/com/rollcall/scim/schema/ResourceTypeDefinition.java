package com.rollcall.scim.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SCIM resource type (RFC 7643 §6): where it lives ({@code endpoint}), its core schema URN and the URNs
 * of its schema extensions. Schemas are referred to by URN, as on the wire; {@link ScimSchemas} resolves them.
 */
public record ResourceTypeDefinition(String id, String name, String endpoint, String description, String schema,
                                     List<SchemaExtension> schemaExtensions) {

    /** A schema extension of a resource type, and whether every resource must carry it. */
    public record SchemaExtension(String schema, boolean required) {
        public SchemaExtension {
            Objects.requireNonNull(schema, "schema");
        }
    }

    public ResourceTypeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        schemaExtensions = List.copyOf(schemaExtensions);
    }

    /** The core schema URN first, then the extension URNs in declaration order. */
    public List<String> schemaUrns() {
        List<String> urns = new ArrayList<>();
        urns.add(schema);
        for (SchemaExtension extension : schemaExtensions) {
            urns.add(extension.schema());
        }
        return List.copyOf(urns);
    }

    /** Whether {@code urn} is the core schema or an extension of this type, ignoring case. */
    public boolean hasSchema(String urn) {
        return urn != null && schemaUrns().stream().anyMatch(urn::equalsIgnoreCase);
    }
}
