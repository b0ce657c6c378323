package com.rollcall.scim.patch;

import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.path.AttributePath;
import java.util.Objects;

/**
 * The {@code path} of a PATCH operation (RFC 7644 §3.5.2): {@code attrPath} or
 * {@code valuePath [subAttr]}, e.g. {@code members}, {@code name.familyName},
 * {@code members[value eq "2819c223"]} or {@code emails[type eq "work"].value}.
 *
 * <p>Without a value filter, a sub-attribute is part of {@link #attribute()} ({@code name.familyName});
 * {@link #subAttribute()} is only the {@code .x} that follows {@code [...]}. A value filter's paths
 * are relative to the multi-valued attribute ({@code type}, {@code value}).
 *
 * @param attribute    the targeted attribute; has no sub-attribute when a value filter is present
 * @param valueFilter  the filter inside {@code [...]}, or null
 * @param subAttribute the sub-attribute after {@code ]}, or null
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {

    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
        if (valueFilter != null && attribute.subAttribute() != null) {
            throw new IllegalArgumentException("A value filter cannot follow a sub-attribute");
        }
        if (subAttribute != null && (valueFilter == null || subAttribute.isEmpty())) {
            throw new IllegalArgumentException("A sub-attribute after ']' needs a value filter");
        }
    }

    /** A path without value filter. */
    public static PatchPath of(AttributePath attribute) {
        return new PatchPath(attribute, null, null);
    }

    /** Parses the text form; see {@link PatchPathParser#parse}. */
    public static PatchPath parse(String text) {
        return PatchPathParser.parse(text);
    }

    /** The canonical text form, e.g. {@code emails[type eq "work"].value}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(attribute.toString());
        if (valueFilter != null) {
            text.append('[').append(valueFilter).append(']');
        }
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }
}
