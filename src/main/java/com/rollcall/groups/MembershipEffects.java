package com.rollcall.groups;

import com.rollcall.platform.security.Actor;
import java.util.Collection;

/**
 * What else must happen, in the same transaction, when a group's user members change: effective roles
 * (PRODUCT.md rule 8) are recomputed for exactly the users who joined or left a group that has mappings.
 * Implemented by the roles feature; groups only say what changes, so the packages do not depend on each
 * other in a cycle.
 *
 * <p>Protocol, with the group's row locked: {@link #begin}; then name every user the request will add or
 * remove ({@link Change#users}, {@link Change#allUsers}); then {@link Change#lock}, once, before any membership
 * is written; then the deltas; then {@link Change#apply} once they are flushed. Locking every user in one go,
 * in id order, before writing matters: inserting a membership takes a shared lock on the user's row (the
 * foreign key), and two requests that then both upgrade it to the exclusive lock of the recomputation, or
 * that lock their users in different orders, deadlock. A change may be refused (e.g. 403 when users would need
 * licenses beyond the limit), which rolls the whole request back.
 */
public interface MembershipEffects {
    Change begin(Actor actor, UserGroup group);

    /** One request's membership change of one group. */
    interface Change {
        /** These users will join or leave the group (named before {@link #lock}). */
        void users(Collection<Long> userIds);

        /** Every member will leave (remove-all, replace, delete); named before {@link #lock}. */
        void allUsers();

        /** Locks every user named so far, in id order; before any membership is written. */
        void lock();

        /** After the deltas are flushed. */
        void apply();
    }
}
