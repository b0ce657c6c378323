package com.rollcall.groups;

import com.rollcall.audit.AuditSubject;
import com.rollcall.audit.AuditTrail;
import com.rollcall.events.ChangeFeed;
import com.rollcall.events.EventType;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.users.UserRepository;
import com.rollcall.users.UserSummary;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which users a membership change added to a group and which it removed, for its audit event: the exact counts, and
 * the first {@link AuditTrail#MAX_SUBJECTS} by id and userName as the event's subjects (so the audit log filtered by a
 * user shows every membership change that touched them, and the event lists whom it touched); the event's own state
 * lists the first {@link #LISTED} of each.
 */
final class MembershipLog {
    private final List<Long> joined = new ArrayList<>();
    private final List<Long> left = new ArrayList<>();
    /** Every user who joined or left, in order (true: joined), for the change feed's one event per user. */
    private final List<Long> everyone = new ArrayList<>();
    private final List<Boolean> joining = new ArrayList<>();
    private long joinedCount;
    private long leftCount;

    void joined(Collection<Long> userIds) {
        joinedCount += userIds.size();
        keep(joined, userIds);
        every(userIds, true);
    }

    void left(Collection<Long> userIds) {
        leftCount += userIds.size();
        keep(left, userIds);
        every(userIds, false);
    }

    /** Every member leaving at once, all of them named (read before they leave). */
    void leftAll(List<Long> allUserIds) {
        leftCount += allUserIds.size();
        keep(left, allUserIds);
        every(allUserIds, false);
    }

    private void every(Collection<Long> userIds, boolean joined) {
        for (Long id : userIds) {
            everyone.add(id);
            joining.add(joined);
        }
    }

    /**
     * The change feed's {@code group.member.added} / {@code group.member.removed}: one event per user who joined or
     * left, in order, in the change's transaction.
     */
    void publish(ChangeFeed feed, Actor actor, UserGroup group, UserRepository users) {
        int index = 0;
        for (List<Long> chunk : NativeSql.chunks(everyone)) {
            Map<Long, UserSummary> names = users.summaries(actor.enterpriseId(), chunk);
            for (Long id : chunk) {
                boolean joined = joining.get(index++);
                UserSummary user = names.get(id);
                if (user == null) {
                    continue;
                }
                feed.record(actor, joined ? EventType.GROUP_MEMBER_ADDED : EventType.GROUP_MEMBER_REMOVED, "Group",
                        group.scimId(), ScimJson.object()
                                .add("group", ScimJson.object().add("id", group.scimId()).add("displayName", group.displayName()))
                                .add("user", ScimJson.object().add("id", user.scimId()).add("userName", user.userName()))
                                .build());
            }
        }
    }

    /** Every member leaving at once: how many, and the first ones (read before they leave). */
    void leftAll(long count, Collection<Long> firstUserIds) {
        leftCount += count;
        keep(left, firstUserIds);
    }

    boolean isEmpty() {
        return joinedCount == 0 && leftCount == 0;
    }

    private static void keep(List<Long> named, Collection<Long> userIds) {
        for (Long id : userIds) {
            if (named.size() >= AuditTrail.MAX_SUBJECTS) {
                return;
            }
            named.add(id);
        }
    }

    /**
     * Adds {@code joined}/{@code left} (id and userName, sorted by userName; the first {@link #LISTED} of each) and
     * their exact counts to an audit state; every named user (the first {@link AuditTrail#MAX_SUBJECTS}) becomes a
     * subject of the event ({@code GET /audit-events/{id}/users} lists them all).
     */
    Described describe(long enterpriseId, UserRepository users, JsonObjectBuilder state) {
        List<Long> all = new ArrayList<>(joined);
        all.addAll(left);
        Map<Long, UserSummary> names = users.summaries(enterpriseId, all);
        List<AuditSubject> subjects = new ArrayList<>();
        state.add("joined", list(joined, names, subjects, true)).add("joinedCount", joinedCount)
                .add("left", list(left, names, subjects, false)).add("leftCount", leftCount);
        return new Described(state, subjects);
    }

    /** How many joined (and left) users the event's own state lists; the rest are its subjects only. */
    static final int LISTED = 50;

    /** The state with the lists, and the users it names. */
    record Described(JsonObjectBuilder state, List<AuditSubject> subjects) {
    }

    private static JsonArrayBuilder list(List<Long> ids, Map<Long, UserSummary> names, List<AuditSubject> subjects,
            boolean joining) {
        List<UserSummary> named = ids.stream().map(names::get).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(UserSummary::userName)).toList();
        JsonArrayBuilder array = ScimJson.array();
        for (UserSummary user : named) {
            subjects.add(joining ? AuditSubject.joined(user.scimId(), user.userName())
                    : AuditSubject.left(user.scimId(), user.userName()));
        }
        named.stream().limit(LISTED).forEach(user -> array.add(ScimJson.object().add("id", user.scimId())
                .add("userName", user.userName())));
        return array;
    }
}
