package com.rollcall.scim.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a SCIM schema with all the characteristics of RFC 7643 §7. Immutable; build one
 * with a factory ({@link #string}, {@link #bool}, {@link #dateTime}, {@link #reference}, {@link #complex})
 * and refine it with the {@code as…}/{@code with…} methods, each of which returns a copy. A new
 * definition is singular, optional, not case-exact, {@code readWrite}, returned by default and not unique.
 *
 * <p>Sub-attributes exist only on {@code complex} attributes and have no sub-attributes themselves
 * (RFC 7643 §2.3.8); reference types exist only on {@code reference} attributes.
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes,
        int maxLength) {

    /** No limit of its own: an attribute without {@link #withMaxLength} (booleans, complex attributes, references). */
    public static final int UNLIMITED = 0;

    /** The canonical constructor without a length limit. */
    public AttributeDefinition(String name, AttributeType type, boolean multiValued, String description, boolean required,
            boolean caseExact, Mutability mutability, Returned returned, Uniqueness uniqueness, List<String> canonicalValues,
            List<String> referenceTypes, List<AttributeDefinition> subAttributes) {
        this(name, type, multiValued, description, required, caseExact, mutability, returned, uniqueness, canonicalValues,
                referenceTypes, subAttributes, UNLIMITED);
    }

    public AttributeDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An attribute needs a name.");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(uniqueness, "uniqueness");
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
        if (type == AttributeType.COMPLEX) {
            if (subAttributes.isEmpty()) {
                throw new IllegalArgumentException("Complex attribute '" + name + "' needs sub-attributes.");
            }
            for (AttributeDefinition sub : subAttributes) {
                if (sub.type() == AttributeType.COMPLEX) {
                    throw new IllegalArgumentException("Complex attribute '" + name + "' cannot nest complex '"
                            + sub.name() + "'.");
                }
            }
        } else if (!subAttributes.isEmpty()) {
            throw new IllegalArgumentException("Only complex attributes have sub-attributes: '" + name + "'.");
        }
        if (maxLength < 0 || (maxLength > 0 && type == AttributeType.COMPLEX)) {
            throw new IllegalArgumentException("A length limit belongs to a simple attribute: '" + name + "'.");
        }
        if (type != AttributeType.REFERENCE && !referenceTypes.isEmpty()) {
            throw new IllegalArgumentException("Only reference attributes have reference types: '" + name + "'.");
        }
    }

    /** A singular attribute of any simple type, with the defaults described on the class. */
    public static AttributeDefinition of(String name, AttributeType type, String description) {
        return new AttributeDefinition(name, type, false, description, false, false, Mutability.READ_WRITE,
                Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(), List.of());
    }

    public static AttributeDefinition string(String name, String description) {
        return of(name, AttributeType.STRING, description);
    }

    public static AttributeDefinition bool(String name, String description) {
        return of(name, AttributeType.BOOLEAN, description);
    }

    public static AttributeDefinition dateTime(String name, String description) {
        return of(name, AttributeType.DATE_TIME, description);
    }

    /** A reference to resources of the given types ("User", "Group", "external", "uri"). */
    public static AttributeDefinition reference(String name, String description, String... referenceTypes) {
        return new AttributeDefinition(name, AttributeType.REFERENCE, false, description, false, false,
                Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(referenceTypes),
                List.of());
    }

    public static AttributeDefinition complex(String name, String description, AttributeDefinition... subAttributes) {
        return new AttributeDefinition(name, AttributeType.COMPLEX, false, description, false, false,
                Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(), List.of(subAttributes));
    }

    public AttributeDefinition asMultiValued() {
        return new AttributeDefinition(name, type, true, description, required, caseExact, mutability, returned,
                uniqueness, canonicalValues, referenceTypes, subAttributes, maxLength);
    }

    public AttributeDefinition asRequired() {
        return new AttributeDefinition(name, type, multiValued, description, true, caseExact, mutability, returned,
                uniqueness, canonicalValues, referenceTypes, subAttributes, maxLength);
    }

    public AttributeDefinition asCaseExact() {
        return new AttributeDefinition(name, type, multiValued, description, required, true, mutability, returned,
                uniqueness, canonicalValues, referenceTypes, subAttributes, maxLength);
    }

    public AttributeDefinition with(Mutability newMutability) {
        return new AttributeDefinition(name, type, multiValued, description, required, caseExact, newMutability,
                returned, uniqueness, canonicalValues, referenceTypes, subAttributes, maxLength);
    }

    public AttributeDefinition with(Returned newReturned) {
        return new AttributeDefinition(name, type, multiValued, description, required, caseExact, mutability,
                newReturned, uniqueness, canonicalValues, referenceTypes, subAttributes, maxLength);
    }

    public AttributeDefinition with(Uniqueness newUniqueness) {
        return new AttributeDefinition(name, type, multiValued, description, required, caseExact, mutability,
                returned, newUniqueness, canonicalValues, referenceTypes, subAttributes, maxLength);
    }

    public AttributeDefinition withCanonicalValues(String... values) {
        return new AttributeDefinition(name, type, multiValued, description, required, caseExact, mutability,
                returned, uniqueness, List.of(values), referenceTypes, subAttributes, maxLength);
    }

    /**
     * The most characters a client may send for this attribute: checked when a resource is read from JSON, and
     * said in its description on /Schemas (" (up to N characters)"), so the limit is written once.
     */
    public AttributeDefinition withMaxLength(int limit) {
        return new AttributeDefinition(name, type, multiValued, description + " (up to " + limit + " characters).", required, caseExact, mutability, returned, uniqueness, canonicalValues,
                referenceTypes, subAttributes, limit);
    }

    /** The sub-attribute whose name equals {@code subName} ignoring case (RFC 7643 §2.1). */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        return Named.find(subAttributes, subName);
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /** Case-insensitive lookup by name in a list of definitions, shared by schemas and complex attributes. */
    static final class Named {
        private Named() {
        }

        static Optional<AttributeDefinition> find(List<AttributeDefinition> definitions, String name) {
            if (name == null) {
                return Optional.empty();
            }
            for (AttributeDefinition definition : definitions) {
                if (definition.name().equalsIgnoreCase(name)) {
                    return Optional.of(definition);
                }
            }
            return Optional.empty();
        }
    }
}
