package com.rollcall.groups;

import com.rollcall.platform.persistence.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Internal ids of group members: users and (one level of) groups; applied to a group as deltas. */
record MemberIds(Collection<Long> userIds, Collection<Long> groupIds) {
    static final MemberIds NONE = new MemberIds(List.of(), List.of());

    /** Adds these members (those already in are left alone); returns how many were added. */
    int addTo(GroupRepository repository, long enterpriseId, UserGroup group) {
        var now = Clock.now();
        return repository.addUsers(enterpriseId, group.id(), userIds, now)
                + repository.addGroups(enterpriseId, group.id(), groupIds, now);
    }

    /** Removes these members (those not in are ignored); returns how many were removed. */
    int removeFrom(GroupRepository repository, long enterpriseId, UserGroup group) {
        return repository.removeUsers(enterpriseId, group.id(), userIds)
                + repository.removeGroups(enterpriseId, group.id(), groupIds);
    }

    /** These members and {@code other}'s, each once. */
    MemberIds plus(MemberIds other) {
        return new MemberIds(union(userIds, other.userIds), union(groupIds, other.groupIds));
    }

    /** The members of this set that are not in {@code other}. */
    MemberIds minus(MemberIds other) {
        return new MemberIds(without(userIds, other.userIds), without(groupIds, other.groupIds));
    }

    boolean isEmpty() {
        return userIds.isEmpty() && groupIds.isEmpty();
    }

    int size() {
        return userIds.size() + groupIds.size();
    }

    private static List<Long> union(Collection<Long> a, Collection<Long> b) {
        Set<Long> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<Long> without(Collection<Long> from, Collection<Long> remove) {
        Set<Long> excluded = new HashSet<>(remove);
        return from.stream().filter(id -> !excluded.contains(id)).toList();
    }
}
