package com.rollcall.roles;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A role as the priority matrix and the resolver see it: a pure, immutable value (the JPA entity
 * maps to it). Identity is {@link #id()}: the resolver treats two definitions with the same id as
 * the same role.
 *
 * @param id              the role's database id
 * @param name            display name; also the tie-breaker (case-insensitive, locale-independent)
 * @param scope           enterprise role or sub-account role
 * @param permissions     the permissions it grants (copied into an immutable set)
 * @param groupManager    "Group Manager" flag; only meaningful on enterprise roles (−10)
 * @param fullAccess      "full access to all sub-accounts" flag (enterprise roles); adds no weight
 * @param consumesLicense whether a user holding it takes a license
 * @param builtIn         a built-in, read-only role
 * @param code            stable code of built-in roles (e.g. {@code ENTERPRISE_ADMIN}); null for custom roles
 */
public record RoleDefinition(long id, String name, RoleScope scope, Set<Permission> permissions,
        boolean groupManager, boolean fullAccess, boolean consumesLicense, boolean builtIn, String code) {

    /** Code of the built-in Enterprise Admin role. */
    public static final String ENTERPRISE_ADMIN = "ENTERPRISE_ADMIN";

    public RoleDefinition {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a role needs a name");
        }
        Objects.requireNonNull(scope, "scope");
        permissions = immutableEnumSet(Objects.requireNonNull(permissions, "permissions"));
    }

    /** A custom (not built-in, no code) role that consumes a license. */
    public static RoleDefinition custom(long id, String name, RoleScope scope, Set<Permission> permissions,
            boolean groupManager, boolean fullAccess) {
        return new RoleDefinition(id, name, scope, permissions, groupManager, fullAccess, true, false, null);
    }

    /**
     * True for the built-in Enterprise Admin: an enterprise role whose code is {@code ENTERPRISE_ADMIN}.
     */
    public boolean isEnterpriseAdmin() {
        return scope == RoleScope.ENTERPRISE && ENTERPRISE_ADMIN.equals(code);
    }

    /**
     * Whether a user holding it at the enterprise level inherits it in every sub-account they are not mapped to
     * explicitly (PRODUCT.md rule 8): Enterprise Admin, and enterprise roles flagged full access. Other enterprise
     * roles (Group Manager, Integrations Manager, …) give nothing inside sub-accounts.
     */
    public boolean grantsAllSubAccounts() {
        return scope == RoleScope.ENTERPRISE && (fullAccess || isEnterpriseAdmin());
    }

    private static Set<Permission> immutableEnumSet(Collection<Permission> permissions) {
        EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
        for (Permission p : permissions) {
            copy.add(Objects.requireNonNull(p, "permission"));
        }
        return Collections.unmodifiableSet(copy);
    }
}
