package com.rollcall.groups;

import com.rollcall.audit.Actor;
import java.util.Collection;

/**
 * What else must happen, in the same transaction, when a group's user members change: effective roles
 * (PRODUCT.md rule 8) are recomputed for exactly the users who joined or left a group that has mappings.
 * Implemented by the roles feature; groups only say what changes, so the packages do not depend on each
 * other in a cycle.
 *
 * <p>Protocol, with the group's row locked: {@link #begin}, then {@link Change#users} (or
 * {@link Change#allUsers}) before each membership delta is written, then {@link Change#apply} once the
 * deltas are flushed. A change may be refused (e.g. 403 when users would need licenses beyond the limit),
 * which rolls the whole request back.
 */
public interface MembershipEffects {
    Change begin(Actor actor, UserGroup group);

    /** One request's membership change of one group. */
    interface Change {
        /** Before these users are added to or removed from the group. */
        void users(Collection<Long> userIds);

        /** Before every member of the group is removed (remove-all, replace, delete). */
        void allUsers();

        /** After the deltas are flushed. */
        void apply();
    }
}
