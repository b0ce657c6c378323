package com.rollcall.groups;

import java.util.List;

/**
 * What happens to a group's mappings when the IdP deletes the group: they are kept, inactive (they give no role),
 * for an admin to restore onto another group or discard. Implemented by the access room, which owns mappings;
 * groups only say when, so the packages do not depend on each other in a cycle.
 */
public interface KeptMappings {
    /**
     * Deactivates every active mapping of the group (whose row the caller holds locked) and returns them, for the
     * deletion's audit event. Call it after {@link MembershipEffects#begin} (which asks whether the group is mapped).
     */
    List<Kept> keep(long enterpriseId, long groupId);

    /** One deactivated mapping: the role, and the sub-account (both null = the enterprise level). */
    record Kept(long mappingId, long roleId, String role, Long subAccountId, String subAccount) {
        /** "Editor in EMEA", "Enterprise Admin (enterprise level)". */
        public String describe() {
            return subAccountId == null ? role + " (enterprise level)" : role + " in " + subAccount;
        }
    }
}
