package com.rollcall.scim.schema;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Schema (RFC 7643 §7, as §8.7.1 shows) and ResourceType (§6, as §8.6 shows) documents for the discovery
 * endpoints. Every attribute carries all its characteristics; {@code canonicalValues} appears when there
 * are some, {@code referenceTypes} on references and {@code subAttributes} on complex attributes.
 * {@code schemaExtensions} is left out for a resource type without extensions, as in the RFC's Group
 * example. {@code baseUrl} is the SCIM base URL ending with '/'.
 */
public final class SchemaDocuments {
    private SchemaDocuments() {
    }

    public static JsonObject schema(SchemaDefinition schema, String baseUrl) {
        JsonArrayBuilder attributes = ScimJson.array();
        schema.attributes().forEach(attribute -> attributes.add(attribute(attribute)));
        return ScimJson.object()
                .add("schemas", ScimJson.array().add(Urns.SCHEMA))
                .add("id", schema.id())
                .add("name", schema.name())
                .add("description", schema.description())
                .add("attributes", attributes)
                .add("meta", ScimJson.object()
                        .add("resourceType", "Schema")
                        .add("location", baseUrl + "Schemas/" + schema.id()))
                .build();
    }

    public static JsonObject resourceType(ResourceTypeDefinition type, String baseUrl) {
        JsonObjectBuilder json = ScimJson.object()
                .add("schemas", ScimJson.array().add(Urns.RESOURCE_TYPE))
                .add("id", type.id())
                .add("name", type.name())
                .add("endpoint", type.endpoint())
                .add("description", type.description())
                .add("schema", type.schema());
        if (!type.schemaExtensions().isEmpty()) {
            JsonArrayBuilder extensions = ScimJson.array();
            for (ResourceTypeDefinition.SchemaExtension extension : type.schemaExtensions()) {
                extensions.add(ScimJson.object()
                        .add("schema", extension.schema())
                        .add("required", extension.required()));
            }
            json.add("schemaExtensions", extensions);
        }
        return json.add("meta", ScimJson.object()
                        .add("resourceType", "ResourceType")
                        .add("location", baseUrl + "ResourceTypes/" + type.id()))
                .build();
    }

    /** One attribute definition with all its characteristics, in the RFC's key order. */
    public static JsonObject attribute(AttributeDefinition attribute) {
        JsonObjectBuilder json = ScimJson.object()
                .add("name", attribute.name())
                .add("type", attribute.type().wire());
        if (attribute.type() == AttributeType.REFERENCE) {
            json.add("referenceTypes", strings(attribute.referenceTypes()));
        }
        json.add("multiValued", attribute.multiValued())
                .add("description", attribute.description())
                .add("required", attribute.required())
                .add("caseExact", attribute.caseExact());
        if (!attribute.canonicalValues().isEmpty()) {
            json.add("canonicalValues", strings(attribute.canonicalValues()));
        }
        if (attribute.isComplex()) {
            JsonArrayBuilder subAttributes = ScimJson.array();
            attribute.subAttributes().forEach(sub -> subAttributes.add(attribute(sub)));
            json.add("subAttributes", subAttributes);
        }
        return json.add("mutability", attribute.mutability().wire())
                .add("returned", attribute.returned().wire())
                .add("uniqueness", attribute.uniqueness().wire())
                .build();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = ScimJson.array();
        values.forEach(array::add);
        return array;
    }
}
