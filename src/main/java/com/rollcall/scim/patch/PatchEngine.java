package com.rollcall.scim.patch;

import com.rollcall.scim.filter.FilterEvaluator;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.quirks.BooleanStrings;
import com.rollcall.scim.quirks.IgnoredRoles;
import com.rollcall.scim.quirks.ListedValueRemoval;
import com.rollcall.scim.quirks.PathKeyedValues;
import com.rollcall.scim.quirks.TypedValueCreation;
import com.rollcall.scim.schema.AssignmentRule;
import com.rollcall.scim.schema.ResourceTypeDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a SCIM resource held as immutable JSON, for one resource
 * type, and returns the patched resource as a new object. The input is never changed and any failing
 * operation throws a {@link ScimException} before anything is returned: all or nothing by construction.
 * When nothing changes, the very input object is returned.
 *
 * <h2>Targets</h2>
 * Attribute and sub-attribute names and schema URNs are matched ignoring case; the output uses the
 * schema's canonical names. Extension attributes live in the object keyed by the extension URN (created
 * when needed, dropped with its URN from {@code schemas} when it becomes empty; its URN is added to
 * {@code schemas} when it appears). A path that is only a schema URN of the resource type targets the
 * whole extension object (or, for the core schema, the resource). A path-less operation applies each key of
 * its value object as if it were the path of its own operation; keys may be attribute paths (ENTRA.md
 * Q4, {@link PathKeyedValues}).
 *
 * <h2>Semantics (RFC 7644 §3.5.2.1–3)</h2>
 * <ul>
 * <li><b>add</b>: a single-valued attribute is set (so {@code add} replaces it); a singular complex
 *     attribute gets the given sub-attributes merged in; a multi-valued attribute gets the given values
 *     appended, a value equal to an existing one (same {@code value}, and same {@code type} when both have
 *     one; for values without {@code value}, equal JSON) being merged into it instead of duplicated.</li>
 * <li><b>replace</b>: a single-valued attribute is set; a singular complex attribute gets the given
 *     sub-attributes replaced, the others left unchanged; a multi-valued attribute without filter gets all
 *     its values replaced; with a value filter, the matching values (or their sub-attribute) are replaced,
 *     and no match is {@code 400 noTarget} (but see Q5).</li>
 * <li><b>remove</b>: a single-valued attribute or sub-attribute is removed; a multi-valued attribute
 *     without filter loses all its values, with a filter the matching values (or their sub-attribute), and
 *     a filter that matches nothing is {@code 400 noTarget} (RFC 7644 Table 9). A {@code remove} with a
 *     value on a multi-valued attribute removes the values listed (ENTRA.md Q3,
 *     {@link ListedValueRemoval}); values not present are ignored. Removing an absent attribute is a
 *     no-op; removing a required attribute ({@code userName}, a group's {@code displayName}) is
 *     {@code 400 invalidValue}.</li>
 * <li><b>Explicit JSON {@code null}</b> as the value of an {@code add} or {@code replace} (or of a key of a
 *     path-less value object, or of a sub-attribute of a singular complex value) makes the attribute
 *     unassigned, i.e. removes it (RFC 7643 §2.5: null and unassigned are the same state). An {@code add}
 *     of {@code null} to a multi-valued attribute, or to the values a filter selects, adds nothing. Inside the values of a multi-valued
 *     attribute, null sub-attributes such as {@code "$ref": null} are ignored (ENTRA.md Q8).</li>
 * <li><b>primary</b>: when an operation makes a value {@code primary}, {@code primary} is removed from the
 *     other values of that attribute; an operation that makes two values primary is
 *     {@code 400 invalidValue}.</li>
 * </ul>
 *
 * <h2>Mutability, types and unknown attributes</h2>
 * <ul>
 * <li>An operation that would change a {@code readOnly} attribute ({@code id}, {@code meta},
 *     {@code groups}, ...) or a targeted {@code readOnly} sub-attribute is {@code 400 mutability}; one that
 *     leaves it as it is (e.g. replacing {@code id} with the same id) is a no-op. {@code immutable}
 *     attributes and targeted sub-attributes (a member's {@code value}) may only be set while they have no
 *     value. {@code readOnly} sub-attributes inside the values of a writable attribute (a member's
 *     {@code display}) are ignored. {@code writeOnly} attributes ({@code password}) are accepted and
 *     ignored: Rollcall never stores them.</li>
 * <li>Values are checked against the attribute type: a boolean attribute takes {@code true}/{@code false}
 *     or, ENTRA.md Q2, {@code "True"}/{@code "False"} in any case; a string attribute takes a string (a
 *     number is taken as its text); a complex attribute takes an object; anything else is
 *     {@code 400 invalidValue}.</li>
 * <li>A {@code path} naming an attribute or sub-attribute that the resource type does not have is
 *     {@code 400 invalidPath}. ENTRA.md Q8: a path qualified with a schema URN that Rollcall does not know
 *     at all is ignored, and so are unknown keys (and unknown URN keys) inside value objects. ENTRA.md Q7:
 *     anything about {@code roles} is ignored ({@link IgnoredRoles}).</li>
 * <li>ENTRA.md Q5 ({@link TypedValueCreation}): {@code add}/{@code replace} on
 *     {@code attr[type eq "t"](.sub)} that matches nothing creates the value with that type.</li>
 * <li>A resource type may have an {@link AssignmentRule} for an attribute whose value its clients send in
 *     forms of their own; the rule then gives the attribute's new value (for Users, ENTRA.md Q6: the
 *     enterprise {@code manager} in any of Entra's forms; see {@code ScimSchemas.USER_RESOURCE_TYPE}).</li>
 * </ul>
 * Value filters are evaluated by {@link FilterEvaluator#matchesValue} with the schema's case exactness;
 * a filter on a sub-attribute the attribute does not have is {@code 400 invalidFilter}.
 *
 * <h2>Where each rule lives</h2>
 * {@link OperationDispatch} takes each operation (with or without path, or on a whole schema) to its
 * {@link Target}; {@link SingularPatch} and {@link MultiValuedPatch} compute the attribute's next value,
 * {@link ValueList} keeps the values of a multi-valued attribute (identity, {@code primary}),
 * {@link ValueCoercion} checks and converts the given values, {@link ChangeChecks} guards mutability and
 * required attributes, and {@link PatchedResource} holds the resource between steps.
 */
public final class PatchEngine {
    private final ResourceTypeDefinition type;
    private final MultiValuedPatch multiValued;

    public PatchEngine(ResourceTypeDefinition type) {
        this.type = Objects.requireNonNull(type, "type");
        this.multiValued = new MultiValuedPatch(new FilterEvaluator(path ->
                ScimSchemas.isCaseExact(type, path.schemaUrn(), path.name(), path.subAttribute())));
    }

    public ResourceTypeDefinition resourceType() {
        return type;
    }

    /**
     * The resource with the operations applied in order; the input itself when nothing changes.
     *
     * @throws ScimException {@code 400} with scimType {@code invalidPath}, {@code invalidFilter},
     *                       {@code invalidValue}, {@code noTarget} or {@code mutability}, naming the operation
     */
    public JsonObject apply(JsonObject resource, List<PatchOperation> operations) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(operations, "operations");
        OperationDispatch dispatch = new OperationDispatch(type, multiValued, resource);
        int number = 0;
        for (PatchOperation operation : operations) {
            number++;
            try {
                dispatch.apply(operation);
            } catch (ScimException e) {
                throw new ScimException(e.status(), e.type(), "Operation " + number + ": " + e.detail());
            }
        }
        JsonObject result = dispatch.finish();
        return result.equals(resource) ? resource : result;
    }
}
