package com.rollcall.access;

import com.rollcall.groups.GroupRepository;
import com.rollcall.groups.MembershipEffects;
import com.rollcall.groups.UserGroup;
import com.rollcall.platform.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps effective roles current when group memberships change (PRODUCT.md rule 8), in the transaction of
 * the change: nothing for groups without mappings; for mapped groups, the joining and leaving users are
 * locked all at once, in id order, before the change is written (see {@link MembershipEffects} for why) and
 * recomputed after it. Removing every member of a mapped group larger than
 * {@link RemapQueue#inlineLimit()} (remove-all, delete) queues a background job instead.
 */
@ApplicationScoped
public class EffectiveRoleUpdates implements MembershipEffects {
    private static final Change NOTHING = new Change() {
        @Override
        public void users(Collection<Long> userIds) {
        }

        @Override
        public void allUsers() {
        }

        @Override
        public void lock() {
        }

        @Override
        public void apply() {
        }
    };

    @Inject
    private EffectiveRoleStore store;

    @Inject
    private GroupRepository groups;

    @Inject
    private RemapQueue jobs;

    @Override
    public Change begin(Actor actor, UserGroup group) {
        return store.isMapped(actor.enterpriseId(), group.id()) ? new Recompute(actor, group) : NOTHING;
    }

    private final class Recompute implements Change {
        private final Actor actor;
        private final UserGroup group;
        private final Set<Long> touched = new HashSet<>();
        private int leavingInBackground;

        Recompute(Actor actor, UserGroup group) {
            this.actor = actor;
            this.group = group;
        }

        @Override
        public void users(Collection<Long> userIds) {
            touched.addAll(userIds);
        }

        @Override
        public void allUsers() {
            if (group.memberCount() > jobs.inlineLimit()) {
                leavingInBackground = group.memberCount();
            } else {
                users(groups.userIds(actor.enterpriseId(), group.id()));
            }
        }

        @Override
        public void lock() {
            store.lockUsers(actor.enterpriseId(), touched);
        }

        @Override
        public void apply() {
            store.recompute(actor, touched, true, RoleChangeCause.of("membership of group '" + group.displayName()
                    + "' changed"));
            if (leavingInBackground > 0) {
                jobs.enqueueHolders(actor, group, "All " + leavingInBackground + " members left the mapped group '"
                        + group.displayName() + "'");
            }
        }
    }
}
