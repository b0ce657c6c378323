package com.rollcall.roles;

import java.util.Objects;

/**
 * One role a user may hold, because one of their groups maps it: the resolver's input.
 *
 * @param groupName    the group that maps the role
 * @param subAccountId the sub-account it is mapped to; {@code null} for an enterprise-level
 *                     mapping, which every sub-account inherits
 * @param role         the mapped role
 */
public record Candidate(String groupName, Long subAccountId, RoleDefinition role) {
    public Candidate {
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(role, "role");
    }

    /** An enterprise-level mapping. */
    public static Candidate enterpriseLevel(String groupName, RoleDefinition role) {
        return new Candidate(groupName, null, role);
    }

    /** A mapping to one sub-account. */
    public static Candidate subAccount(String groupName, long subAccountId, RoleDefinition role) {
        return new Candidate(groupName, subAccountId, role);
    }

    public boolean isEnterpriseLevel() {
        return subAccountId == null;
    }
}
