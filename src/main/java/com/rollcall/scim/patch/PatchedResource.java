package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.JsonEdits.asObject;
import static com.rollcall.scim.patch.JsonEdits.member;
import static com.rollcall.scim.patch.JsonEdits.put;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.schema.ResourceTypeDefinition;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The resource while the operations of one PATCH apply to it: each step replaces it, none mutates it.
 * Attributes live in a container per schema: the resource itself for the core schema, the object keyed by
 * the URN for an extension (created when needed). {@link #finish} drops extension objects left empty and keeps
 * {@code schemas} in step with the extensions present.
 */
final class PatchedResource {
    private static final String SCHEMAS = "schemas";

    private final ResourceTypeDefinition type;
    private JsonObject resource;
    private final Set<String> touchedExtensions = new LinkedHashSet<>();

    PatchedResource(ResourceTypeDefinition type, JsonObject resource) {
        this.type = type;
        this.resource = resource;
    }

    /** The object that holds the attributes of {@code schemaUrn}; empty for an absent extension. */
    JsonObject container(String schemaUrn) {
        if (schemaUrn.equalsIgnoreCase(type.schema())) {
            return resource;
        }
        return asObject(member(resource, schemaUrn));
    }

    /** Replaces the object that holds the attributes of {@code schemaUrn}. */
    void writeContainer(String schemaUrn, JsonObject container) {
        if (schemaUrn.equalsIgnoreCase(type.schema())) {
            resource = container;
        } else {
            resource = put(resource, canonicalUrn(schemaUrn), container);
            touchedExtensions.add(canonicalUrn(schemaUrn));
        }
    }

    private String canonicalUrn(String urn) {
        return type.schemaUrns().stream().filter(urn::equalsIgnoreCase).findFirst().orElse(urn);
    }

    /** The patched resource, without empty extension objects and with {@code schemas} listing those present. */
    JsonObject finish() {
        JsonObject result = resource;
        for (String urn : touchedExtensions) {
            JsonValue extension = member(result, urn);
            boolean present = extension != null && !asObject(extension).isEmpty();
            if (!present) {
                result = put(result, urn, null);
            }
            JsonValue schemas = member(result, SCHEMAS);
            if (schemas == null || schemas.getValueType() != JsonValue.ValueType.ARRAY) {
                continue;
            }
            boolean listed = schemas.asJsonArray().stream().anyMatch(s -> isUrn(s, urn));
            if (present && !listed) {
                result = put(result, SCHEMAS, ScimJson.array(schemas.asJsonArray()).add(urn).build());
            } else if (!present && listed) {
                JsonArrayBuilder kept = ScimJson.array();
                schemas.asJsonArray().stream().filter(s -> !isUrn(s, urn)).forEach(kept::add);
                result = put(result, SCHEMAS, kept.build());
            }
        }
        return result;
    }

    private static boolean isUrn(JsonValue value, String urn) {
        return value.getValueType() == JsonValue.ValueType.STRING && ((JsonString) value).getString().equalsIgnoreCase(urn);
    }
}
