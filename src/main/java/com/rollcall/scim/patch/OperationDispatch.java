package com.rollcall.scim.patch;

import static com.rollcall.scim.patch.JsonEdits.member;
import static com.rollcall.scim.patch.JsonEdits.put;

import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import com.rollcall.scim.quirks.PathKeyedValues;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.ResourceTypeDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * Takes the operations of one PATCH, in order, to the attributes they target: an operation with a
 * {@code path} to its {@link Target}; a path-less one key by key, each key being the path of an operation of
 * its own (ENTRA.md Q4, {@link PathKeyedValues}; unknown keys are ignored, Q8); a path that is only a schema
 * URN of the resource type to the whole extension object (or, for the core schema, the resource). The new
 * value of the targeted attribute comes from {@link SingularPatch} or {@link MultiValuedPatch}, is checked by
 * {@link ChangeChecks} and written into the {@link PatchedResource}.
 */
final class OperationDispatch {
    private final ResourceTypeDefinition type;
    private final MultiValuedPatch multiValued;
    private final PatchedResource resource;

    OperationDispatch(ResourceTypeDefinition type, MultiValuedPatch multiValued, JsonObject resource) {
        this.type = type;
        this.multiValued = multiValued;
        this.resource = new PatchedResource(type, resource);
    }

    void apply(PatchOperation operation) {
        if (operation.path() == null) {
            if (operation.op() == PatchOperation.Op.REMOVE) {
                throw ScimException.noTarget("'remove' needs a 'path'.");
            }
            applyPathless(operation.op(), objectValue(operation.value(), "without a 'path'"));
        } else {
            applyPath(operation.op(), operation.path(), operation.value(), true);
        }
    }

    /** The patched resource; see {@link PatchedResource#finish}. */
    JsonObject finish() {
        return resource.finish();
    }

    private static JsonObject objectValue(JsonValue value, String where) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ScimException.invalidValue("An operation " + where + " needs a JSON object 'value' of attributes.");
        }
        return value.asJsonObject();
    }

    /** Each key of the value object is the path of an operation of its own (Q4); unknown keys are ignored (Q8). */
    private void applyPathless(PatchOperation.Op op, JsonObject value) {
        for (PathKeyedValues.Entry entry : PathKeyedValues.split(value, type::hasSchema)) {
            PatchPath path;
            try {
                path = PatchPathParser.parse(entry.path());
            } catch (ScimException notAPath) {
                if (entry.path().indexOf('[') >= 0) {
                    throw notAPath;
                }
                continue;
            }
            applyPath(op, path, entry.value(), false);
        }
    }

    /**
     * @param explicit true for the {@code path} of an operation (unknown attributes are errors), false for
     *                 a key of a value object (unknown attributes are ignored, ENTRA.md Q8)
     */
    private void applyPath(PatchOperation.Op op, PatchPath path, JsonValue value, boolean explicit) {
        String wholeSchema = wholeSchemaUrn(path);
        if (wholeSchema != null) {
            applyWholeSchema(op, wholeSchema, value);
            return;
        }
        Target.resolve(type, path, explicit).ifPresent(target -> applyTo(op, target, value));
    }

    /** The canonical URN when the path is exactly a schema URN of the resource type (parsed as urn-prefix:lastSegment). */
    private String wholeSchemaUrn(PatchPath path) {
        AttributePath attribute = path.attribute();
        if (attribute.schemaUrn() == null || attribute.subAttribute() != null || path.valueFilter() != null) {
            return null;
        }
        String urn = attribute.schemaUrn() + ":" + attribute.name();
        for (String known : type.schemaUrns()) {
            if (known.equalsIgnoreCase(urn)) {
                return known;
            }
        }
        return null;
    }

    private void applyWholeSchema(PatchOperation.Op op, String urn, JsonValue value) {
        boolean core = urn.equalsIgnoreCase(type.schema());
        boolean clear = op == PatchOperation.Op.REMOVE || value == null
                || value.getValueType() == JsonValue.ValueType.NULL;
        if (core) {
            if (clear) {
                throw ScimException.invalidPath("The core schema '" + urn + "' of a resource cannot be removed.");
            }
            applyPathless(op, objectValue(value, "on '" + urn + "'"));
            return;
        }
        if (clear) {
            resource.writeContainer(urn, JsonValue.EMPTY_JSON_OBJECT);
            return;
        }
        for (Map.Entry<String, JsonValue> member : objectValue(value, "on '" + urn + "'").entrySet()) {
            PatchPath path;
            try {
                path = PatchPathParser.parse(urn + ":" + member.getKey());
            } catch (ScimException notAPath) {
                continue;
            }
            applyPath(op, path, member.getValue(), false);
        }
    }

    private void applyTo(PatchOperation.Op op, Target target, JsonValue value) {
        AttributeDefinition attribute = target.attribute();
        JsonObject container = resource.container(target.schemaUrn());
        JsonValue current = member(container, attribute.name());
        JsonValue next = attribute.multiValued()
                ? multiValued.next(op, target, current, value)
                : SingularPatch.next(op, target, current, value);
        if (!Objects.equals(current, next)) {
            ChangeChecks.attribute(attribute, current, next);
            resource.writeContainer(target.schemaUrn(), put(container, attribute.name(), next));
        }
    }
}
