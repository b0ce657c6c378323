package com.rollcall.scim.quirks;

/**
 * ENTRA.md Q7: Entra sends app role assignments as {@code roles}, often with JSON inside a string
 * ({@code "roles":[{"primary":true,"value":"{\"id\":\"…\",\"value\":\"Admin\"}"}]}). Rollcall takes
 * roles from group mappings, never from SCIM: every operation on {@code roles} (any path form, any value)
 * and every {@code roles} key inside a value object is ignored, and never fails.
 */
public final class IgnoredRoles {
    /** The attribute name RFC 7643 §4.1.2 gives user roles. */
    public static final String ROLES = "roles";

    private IgnoredRoles() {
    }

    /** Whether an attribute name (without URN, sub-attribute or filter) is {@code roles}, ignoring case. */
    public static boolean isRoles(String attributeName) {
        return ROLES.equalsIgnoreCase(attributeName);
    }
}
