package com.rollcall.scim.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM resource type (RFC 7643 §6): where it lives ({@code endpoint}), its core schema URN and the URNs
 * of its schema extensions. Schemas are referred to by URN, as on the wire; {@link ScimSchemas} resolves them.
 * A type may also have {@link AssignmentRule}s for attributes whose values its clients send in forms of
 * their own; they are not part of the SCIM document of the type.
 */
public record ResourceTypeDefinition(String id, String name, String endpoint, String description, String schema,
                                     List<SchemaExtension> schemaExtensions, List<AssignmentRule> assignmentRules) {

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
        assignmentRules = List.copyOf(assignmentRules);
    }

    /** A resource type whose attributes all follow the generic rules. */
    public ResourceTypeDefinition(String id, String name, String endpoint, String description, String schema,
                                  List<SchemaExtension> schemaExtensions) {
        this(id, name, endpoint, description, schema, schemaExtensions, List.of());
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

    /**
     * The rule that assigns {@code attribute} of {@code schemaUrn} when an operation targets it or its
     * sub-attribute {@code subAttributeOrNull}; empty when the generic rules apply.
     */
    public Optional<AssignmentRule> assignmentRule(String schemaUrn, String attribute, String subAttributeOrNull) {
        return assignmentRules.stream().filter(rule -> rule.governs(schemaUrn, attribute, subAttributeOrNull)).findFirst();
    }

    /** Whether {@code urn} is the core schema or an extension of this type, ignoring case. */
    public boolean hasSchema(String urn) {
        return urn != null && schemaUrns().stream().anyMatch(urn::equalsIgnoreCase);
    }
}
