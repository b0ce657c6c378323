package com.rollcall.scim.path;

import java.util.Objects;

/**
 * A SCIM attribute path (RFC 7644 §3.10): an optional schema URN, an attribute name and an optional
 * sub-attribute, e.g. {@code name.givenName} or
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * <p>Names keep the case in which they were written, and {@link #equals} is exact. SCIM attribute
 * names and URNs are case-insensitive (RFC 7643 §2.1): compare paths with {@link #sameAs}.
 *
 * @param schemaUrn    the schema URN the path is qualified with, or null
 * @param name         the attribute name
 * @param subAttribute the sub-attribute name, or null
 */
public record AttributePath(String schemaUrn, String name, String subAttribute) {

    public AttributePath {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || (schemaUrn != null && schemaUrn.isEmpty())
                || (subAttribute != null && subAttribute.isEmpty())) {
            throw new IllegalArgumentException("Attribute path parts must not be empty");
        }
    }

    /** An unqualified path to a top-level attribute. */
    public static AttributePath of(String name) {
        return new AttributePath(null, name, null);
    }

    /** An unqualified path to a sub-attribute of a complex attribute. */
    public static AttributePath of(String name, String subAttribute) {
        return new AttributePath(null, name, subAttribute);
    }

    /** Parses the text form; malformed text is {@code 400 invalidPath}. See {@link PathParser#parseAttributePath}. */
    public static AttributePath parse(String text) {
        return PathParser.parseAttributePath(text);
    }

    /** True when both paths name the same attribute, comparing URNs and names ignoring case. */
    public boolean sameAs(AttributePath other) {
        return other != null
                && equalsIgnoreCase(schemaUrn, other.schemaUrn)
                && name.equalsIgnoreCase(other.name)
                && equalsIgnoreCase(subAttribute, other.subAttribute);
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    /** The canonical text form: {@code [urn:]name[.subAttribute]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (schemaUrn != null) {
            text.append(schemaUrn).append(':');
        }
        text.append(name);
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }
}
