package com.rollcall.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One distinct role in a {@link Resolution}, with every group through which the user reaches it.
 *
 * @param role            the role
 * @param score           its power score ({@link RolePriorityMatrix#score})
 * @param explicitGroups  groups mapping it directly at the level being resolved (to this
 *                        sub-account; for the enterprise-level resolution, at the enterprise level)
 * @param inheritedGroups groups mapping it at the enterprise level, seen from this sub-account
 *                        (always empty in the enterprise-level resolution)
 * @param aside           why it did not compete here; null when it competed
 */
public record ConsideredCandidate(RoleDefinition role, int score, List<String> explicitGroups,
        List<String> inheritedGroups, Aside aside) {

    /** Why an enterprise-level role gives nothing in a sub-account. */
    public enum Aside {
        /** The sub-account has explicit mappings: they take precedence over the enterprise level there. */
        EXPLICIT_TAKES_PRECEDENCE,
        /** The role grants no access to sub-accounts (Group Manager, Integrations Manager, …). */
        NO_SUB_ACCOUNT_ACCESS
    }

    public ConsideredCandidate {
        Objects.requireNonNull(role, "role");
        explicitGroups = List.copyOf(explicitGroups);
        inheritedGroups = List.copyOf(inheritedGroups);
        if (explicitGroups.isEmpty() && inheritedGroups.isEmpty()) {
            throw new IllegalArgumentException("a candidate comes from at least one group");
        }
    }

    /** True when it did not compete at this level ({@link #aside()} says why). */
    public boolean setAside() {
        return aside != null;
    }

    /** True when at least one group maps the role explicitly at this level. */
    public boolean explicit() {
        return !explicitGroups.isEmpty();
    }

    /** True when the role reaches this sub-account only through enterprise-level mappings. */
    public boolean inheritedOnly() {
        return explicitGroups.isEmpty();
    }

    /** All its groups, explicit ones first. */
    public List<String> groups() {
        List<String> all = new ArrayList<>(explicitGroups);
        all.addAll(inheritedGroups);
        return List.copyOf(all);
    }

    /** e.g. {@code "Editor from groups Sales, Sales EMEA (enterprise level) (score 140)"}. */
    public String describe() {
        return role.name() + " from " + sources() + " (score " + score + ")";
    }

    String sources() {
        StringBuilder sb = new StringBuilder(groups().size() == 1 ? "group " : "groups ");
        sb.append(String.join(", ", explicitGroups));
        if (!inheritedGroups.isEmpty()) {
            if (!explicitGroups.isEmpty()) {
                sb.append(", ");
            }
            sb.append(String.join(", ", inheritedGroups)).append(" (enterprise level)");
        }
        return sb.toString();
    }
}
