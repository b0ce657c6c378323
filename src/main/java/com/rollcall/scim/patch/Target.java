package com.rollcall.scim.patch;

import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.FilterVisitor;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import com.rollcall.scim.quirks.IgnoredRoles;
import com.rollcall.scim.schema.AssignmentRule;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.Mutability;
import com.rollcall.scim.schema.ResolvedAttribute;
import com.rollcall.scim.schema.ResourceTypeDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import java.util.Optional;

/**
 * What a PATCH path targets in a resource type, resolved against its schemas: the attribute (and the
 * canonical URN of the schema that defines it), an optional sub-attribute, and for a value path the filter
 * and the sub-attribute after it.
 *
 * @param schemaUrn          the canonical URN of the schema that defines the attribute
 * @param attribute          the attribute
 * @param subAttribute       the sub-attribute of {@code attr.sub} (no filter), or null
 * @param filter             the value filter of {@code attr[filter]}, or null
 * @param filterSubAttribute the sub-attribute of {@code attr[filter].sub}, or null
 * @param text               the path as written in the operation, for error details
 * @param rule               the resource type's rule for assigning the attribute at this path, or null for
 *                           the generic rules
 */
record Target(String schemaUrn, AttributeDefinition attribute, AttributeDefinition subAttribute,
              Filter filter, AttributeDefinition filterSubAttribute, String text, AssignmentRule rule) {

    /**
     * The target of {@code path} in resources of {@code type}; empty when the operation is to be ignored: a
     * URN that Rollcall does not know at all (ENTRA.md Q8), {@code roles} (Q7), a writeOnly attribute, or
     * (when not {@code explicit}) an unknown attribute or sub-attribute.
     *
     * @param explicit true for the {@code path} of an operation (unknown attributes are {@code 400 invalidPath}),
     *                 false for a key of a value object (unknown attributes are ignored, ENTRA.md Q8)
     */
    static Optional<Target> resolve(ResourceTypeDefinition type, PatchPath path, boolean explicit) {
        AttributePath attribute = path.attribute();
        if (attribute.schemaUrn() != null && ScimSchemas.schema(attribute.schemaUrn()).isEmpty()) {
            return Optional.empty();
        }
        if (IgnoredRoles.isRoles(attribute.name())) {
            return Optional.empty();
        }
        Optional<ResolvedAttribute> found = ScimSchemas.locate(type, attribute.schemaUrn(), attribute.name(), null);
        if (found.isEmpty()) {
            if (explicit) {
                throw ScimException.invalidPath("'" + attribute + "' is not an attribute of " + type.name()
                        + " resources.");
            }
            return Optional.empty();
        }
        AttributeDefinition definition = found.get().attribute();
        AttributeDefinition sub = null;
        if (attribute.subAttribute() != null) {
            sub = definition.subAttribute(attribute.subAttribute()).orElse(null);
            if (sub == null) {
                if (explicit) {
                    throw ScimException.invalidPath("'" + attribute + "' is not an attribute of " + type.name()
                            + " resources: '" + definition.name() + "' has no sub-attribute '"
                            + attribute.subAttribute() + "'.");
                }
                return Optional.empty();
            }
        }
        AttributeDefinition filterSub = null;
        if (path.valueFilter() != null) {
            if (!definition.multiValued() || !definition.isComplex()) {
                throw ScimException.invalidPath("'" + path + "': a value filter needs a multi-valued complex "
                        + "attribute, and '" + definition.name() + "' is not one.");
            }
            checkFilter(definition, path);
            if (path.subAttribute() != null) {
                filterSub = definition.subAttribute(path.subAttribute()).orElseThrow(() ->
                        ScimException.invalidPath("'" + path + "': '" + definition.name()
                                + "' has no sub-attribute '" + path.subAttribute() + "'."));
            }
        }
        if (definition.mutability() == Mutability.WRITE_ONLY) {
            return Optional.empty();
        }
        AssignmentRule rule = path.valueFilter() != null ? null : type.assignmentRule(found.get().schemaUrn(),
                definition.name(), sub == null ? null : sub.name()).orElse(null);
        return Optional.of(new Target(found.get().schemaUrn(), definition, sub, path.valueFilter(), filterSub,
                path.toString(), rule));
    }

    /** A value filter may only name sub-attributes of the attribute, unqualified, and may not nest: else invalidFilter. */
    private static void checkFilter(AttributeDefinition attribute, PatchPath path) {
        path.valueFilter().accept(new FilterVisitor<Void>() {
            @Override
            public Void visitComparison(Filter.Comparison comparison) {
                check(comparison.path());
                return null;
            }

            @Override
            public Void visitPresent(Filter.Present present) {
                check(present.path());
                return null;
            }

            @Override
            public Void visitAnd(Filter.And and) {
                and.left().accept(this);
                return and.right().accept(this);
            }

            @Override
            public Void visitOr(Filter.Or or) {
                or.left().accept(this);
                return or.right().accept(this);
            }

            @Override
            public Void visitNot(Filter.Not not) {
                return not.filter().accept(this);
            }

            @Override
            public Void visitValuePath(Filter.ValuePath valuePath) {
                throw ScimException.invalidFilter("'" + path + "': value filters cannot be nested.");
            }

            private void check(AttributePath relative) {
                if (relative.schemaUrn() != null || relative.subAttribute() != null
                        || attribute.subAttribute(relative.name()).isEmpty()) {
                    throw ScimException.invalidFilter("'" + path + "': '" + attribute.name()
                            + "' has no sub-attribute '" + relative + "' to filter on.");
                }
            }
        });
    }
}
