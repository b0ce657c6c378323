package com.rollcall.groups;

import static com.rollcall.platform.persistence.NativeSql.chunks;
import static com.rollcall.platform.persistence.NativeSql.placeholders;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.platform.query.JpqlSearch;
import com.rollcall.platform.query.ListQuery;
import com.rollcall.users.UserRepository;
import com.rollcall.users.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups of one enterprise (the enterprise id comes first on every call) and their membership rows.
 * Membership changes are deltas: adding or removing k members costs a few statements per 500 ids,
 * whatever the group's size, and never reads the existing member list.
 *
 * <p>Every look-up answers live groups only, except the ones named {@code deleted…}: a group the IdP deleted
 * ({@code deleted_at} set) is kept for its mappings but is no group to SCIM, the console's list or the export.
 */
@ApplicationScoped
public class GroupRepository {
    /** Ids per IN list / multi-row INSERT. */
    @PersistenceContext
    private EntityManager em;

    @Inject
    private UserRepository users;

    public void add(long enterpriseId, UserGroup group) {
        if (group.enterpriseId() != enterpriseId) {
            throw new IllegalArgumentException("group of another enterprise");
        }
        em.persist(group);
    }

    public Optional<UserGroup> find(long enterpriseId, String scimId) {
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.scimId = :scimId AND g.enterpriseId = :enterpriseId "
                        + "AND g.deletedAt IS NULL", UserGroup.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId)
                .getResultList().stream()
                .findFirst();
    }

    /**
     * The live group, its row locked until commit: membership changes of one group run one at a time. A group
     * deleted meanwhile is not found (the locking read sees the committed deletion).
     */
    public Optional<UserGroup> findForUpdate(long enterpriseId, String scimId) {
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.scimId = :scimId AND g.enterpriseId = :enterpriseId "
                        + "AND g.deletedAt IS NULL", UserGroup.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .findFirst();
    }

    /** A group the IdP deleted, by its SCIM id ({@code lock}: its row locked until commit). */
    public Optional<UserGroup> findDeleted(long enterpriseId, String scimId, boolean lock) {
        var query = em.createQuery("SELECT g FROM UserGroup g WHERE g.scimId = :scimId AND g.enterpriseId = :enterpriseId "
                        + "AND g.deletedAt IS NOT NULL", UserGroup.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultList().stream().findFirst();
    }

    /** The groups the IdP deleted among these internal ids, the most recently deleted first. */
    public List<UserGroup> deleted(long enterpriseId, Collection<Long> groupIds) {
        List<UserGroup> found = new ArrayList<>();
        for (List<Long> chunk : chunks(new java.util.TreeSet<>(groupIds))) {
            found.addAll(em.createQuery("SELECT g FROM UserGroup g WHERE g.enterpriseId = :enterpriseId "
                            + "AND g.deletedAt IS NOT NULL AND g.id IN :ids", UserGroup.class)
                    .setParameter("enterpriseId", enterpriseId).setParameter("ids", chunk).getResultList());
        }
        found.sort(java.util.Comparator.comparing(UserGroup::deletedAt).reversed().thenComparing(UserGroup::id));
        return found;
    }

    /** Live groups whose displayName is this one (in any case), at most {@code limit}, oldest first. */
    public List<UserGroup> findByDisplayName(long enterpriseId, String displayName, int limit) {
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.enterpriseId = :enterpriseId AND g.displayNameKey = :key "
                        + "AND g.deletedAt IS NULL ORDER BY g.id", UserGroup.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("key", UserGroup.displayNameKey(displayName))
                .setMaxResults(limit)
                .getResultList();
    }

    /** The live group with this externalId (case-exact; unique among live groups). */
    public Optional<UserGroup> findByExternalId(long enterpriseId, String externalId) {
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.enterpriseId = :enterpriseId "
                        + "AND g.externalIdKey = :externalId", UserGroup.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("externalId", externalId)
                .getResultList().stream()
                .findFirst();
    }

    /** Internal ids of the enterprise's live groups among these SCIM ids. */
    public Map<String, Long> groupIds(long enterpriseId, Collection<String> scimIds) {
        return idsOf("SELECT scim_id, id FROM user_group WHERE enterprise_id = ? AND deleted_at IS NULL AND scim_id IN ",
                enterpriseId, scimIds);
    }

    private Map<String, Long> idsOf(String sqlPrefix, long enterpriseId, Collection<String> scimIds) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(scimIds)) {
            for (Object[] columns : NativeSql.query(em, sqlPrefix + placeholders(chunk.size()),
                    NativeSql.parameters(chunk, enterpriseId))) {
                ids.put((String) columns[0], ((Number) columns[1]).longValue());
            }
        }
        return ids;
    }

    /** Adds user members; those already in the group are left alone. Returns how many were added. */
    public int addUsers(long enterpriseId, long groupId, Collection<Long> userIds, Instant now) {
        return insertIgnoring("group_membership (group_id, user_id, enterprise_id, created_at)", enterpriseId, groupId,
                userIds, now);
    }

    /** Adds group members (one level); those already in the group are left alone. */
    public int addGroups(long enterpriseId, long groupId, Collection<Long> memberGroupIds, Instant now) {
        return insertIgnoring("group_nesting (group_id, member_group_id, enterprise_id, created_at)", enterpriseId,
                groupId, memberGroupIds, now);
    }

    private int insertIgnoring(String table, long enterpriseId, long groupId, Collection<Long> memberIds, Instant now) {
        Object createdAt = new UtcInstantConverter().convertToDatabaseColumn(now);
        int added = 0;
        for (List<Long> chunk : chunks(memberIds)) {
            StringBuilder sql = new StringBuilder("INSERT IGNORE INTO ").append(table).append(" VALUES ");
            List<Object> parameters = new ArrayList<>(chunk.size() * 4);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?)");
                parameters.add(groupId);
                parameters.add(chunk.get(i));
                parameters.add(enterpriseId);
                parameters.add(createdAt);
            }
            added += NativeSql.update(em, sql.toString(), parameters);
        }
        return added;
    }

    /** Removes these user members; ids not in the group are ignored. Returns how many were removed. */
    /** Which of these users are members of the group now. */
    public java.util.Set<Long> userMembersAmong(long enterpriseId, long groupId, Collection<Long> userIds) {
        java.util.Set<Long> members = new java.util.HashSet<>();
        for (List<Long> chunk : chunks(userIds)) {
            for (Object[] row : NativeSql.query(em, "SELECT user_id FROM group_membership WHERE enterprise_id = ? "
                    + "AND group_id = ? AND user_id IN " + NativeSql.placeholders(chunk.size()),
                    NativeSql.parameters(chunk, enterpriseId, groupId))) {
                members.add(Columns.number(row[0]));
            }
        }
        return members;
    }

    public int removeUsers(long enterpriseId, long groupId, Collection<Long> userIds) {
        return deleteMembers("DELETE FROM group_membership WHERE enterprise_id = ? AND group_id = ? AND user_id IN ",
                enterpriseId, groupId, userIds);
    }

    public int removeGroups(long enterpriseId, long groupId, Collection<Long> memberGroupIds) {
        return deleteMembers("DELETE FROM group_nesting WHERE enterprise_id = ? AND group_id = ? AND member_group_id IN ",
                enterpriseId, groupId, memberGroupIds);
    }

    private int deleteMembers(String sqlPrefix, long enterpriseId, long groupId, Collection<Long> ids) {
        int removed = 0;
        for (List<Long> chunk : chunks(ids)) {
            removed += NativeSql.update(em, sqlPrefix + placeholders(chunk.size()), NativeSql.parameters(chunk, enterpriseId, groupId));
        }
        return removed;
    }

    /**
     * The group stops being a member of other groups (it is being deleted): those groups get their member count,
     * version and lastModified updated, as when a member leaves them. Returns how many memberships went.
     */
    public int leaveParentGroups(long enterpriseId, long groupId) {
        em.createNativeQuery("UPDATE user_group SET member_count = member_count - 1, version = version + 1, "
                        + "last_modified = ? WHERE enterprise_id = ? "
                        + "AND id IN (SELECT group_id FROM group_nesting WHERE member_group_id = ?)")
                .setParameter(1, new UtcInstantConverter().convertToDatabaseColumn(com.rollcall.platform.persistence.Clock.now()))
                .setParameter(2, enterpriseId).setParameter(3, groupId).executeUpdate();
        return em.createNativeQuery("DELETE FROM group_nesting WHERE enterprise_id = ? AND member_group_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, groupId).executeUpdate();
    }

    /** Removes every member of the group. Returns how many were removed. */
    public int removeAllMembers(long enterpriseId, long groupId) {
        int users = em.createNativeQuery("DELETE FROM group_membership WHERE enterprise_id = ? AND group_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, groupId).executeUpdate();
        int groups = em.createNativeQuery("DELETE FROM group_nesting WHERE enterprise_id = ? AND group_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, groupId).executeUpdate();
        return users + groups;
    }

    /** The members, users then groups, in a stable order, read as plain rows (no entities). */
    public List<GroupMember> members(long enterpriseId, long groupId) {
        List<GroupMember> members = new ArrayList<>();
        forEachMember(enterpriseId, groupId, members::add);
        return members;
    }

    /** Members per page when streaming a group's members. */
    static final int STREAM_PAGE = 2_000;

    /**
     * The members, in the same order as {@link #members}, handed to {@code sink} page by page (keyset
     * pages of {@value #STREAM_PAGE} users): memory stays bounded whatever the group's size. Inside one
     * transaction, so all pages come from one snapshot.
     */
    public void forEachMember(long enterpriseId, long groupId, java.util.function.Consumer<GroupMember> sink) {
        forEachUserMember(enterpriseId, groupId, user -> sink.accept(new GroupMember(user.scimId(), user.label(),
                GroupMember.Type.User)));
        forEachGroupMember(enterpriseId, groupId, sink);
    }

    /** The group's live user members, in pages, by internal id. */
    private void forEachUserMember(long enterpriseId, long groupId, java.util.function.Consumer<UserSummary> sink) {
        long after = 0;
        while (true) {
            List<Long> page = memberUserIdsAfter(enterpriseId, groupId, after, STREAM_PAGE);
            Map<Long, UserSummary> users = this.users.summaries(enterpriseId, page);
            for (Long id : page) {
                UserSummary user = users.get(id);
                if (user != null) {
                    sink.accept(user);
                }
            }
            if (page.size() < STREAM_PAGE) {
                break;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** The group's member groups. */
    private void forEachGroupMember(long enterpriseId, long groupId, java.util.function.Consumer<GroupMember> sink) {
        for (Object row : em.createNativeQuery("SELECT g.scim_id, g.display_name FROM group_nesting n "
                        + "JOIN user_group g ON g.id = n.member_group_id "
                        + "WHERE n.enterprise_id = ? AND n.group_id = ? ORDER BY n.member_group_id")
                .setParameter(1, enterpriseId).setParameter(2, groupId).getResultList()) {
            Object[] columns = (Object[]) row;
            sink.accept(new GroupMember((String) columns[0], (String) columns[1], GroupMember.Type.Group));
        }
    }

    /** The next {@code limit} user members of the group after user id {@code after}, ascending. */
    public List<Long> memberUserIdsAfter(long enterpriseId, long groupId, long after, int limit) {
        return NativeSql.query(em, "SELECT user_id FROM group_membership WHERE enterprise_id = ? AND group_id = ? "
                + "AND user_id > ? ORDER BY user_id LIMIT " + Math.max(1, limit), List.of(enterpriseId, groupId, after))
                .stream().map(c -> Columns.number(c[0])).toList();
    }

    /** A page of the group's user members, in the order they were added: their user ids. */
    public List<Long> memberUserIdsPage(long enterpriseId, long groupId, int offset, int limit) {
        return NativeSql.query(em, "SELECT user_id FROM group_membership WHERE enterprise_id = ? AND group_id = ? "
                + "ORDER BY user_id LIMIT " + Math.max(1, limit) + " OFFSET " + Math.max(0, offset),
                List.of(enterpriseId, groupId)).stream().map(c -> Columns.number(c[0])).toList();
    }

    /** How many user members and group members the group has, counted in the database. */
    public long[] memberCounts(long enterpriseId, long groupId) {
        Object[] row = NativeSql.query(em, "SELECT (SELECT COUNT(*) FROM group_membership WHERE enterprise_id = ? AND "
                + "group_id = ?), (SELECT COUNT(*) FROM group_nesting WHERE enterprise_id = ? AND group_id = ?)",
                List.of(enterpriseId, groupId, enterpriseId, groupId)).get(0);
        return new long[] {Columns.number(row[0]), Columns.number(row[1])};
    }

    /**
     * The groups each of these users belongs to (a User's read-only SCIM {@code groups}), in one query per
     * {@link NativeSql#CHUNK} users.
     */
    public Map<Long, List<com.rollcall.users.UserScimMapper.GroupRef>> groupsOf(long enterpriseId, Collection<Long> userIds) {
        Map<Long, List<com.rollcall.users.UserScimMapper.GroupRef>> groups = new HashMap<>();
        for (List<Long> chunk : chunks(new java.util.TreeSet<>(userIds))) {
            for (Object[] row : NativeSql.query(em, "SELECT m.user_id, g.scim_id, g.display_name FROM group_membership m "
                    + "JOIN user_group g ON g.id = m.group_id WHERE m.enterprise_id = ? AND m.user_id IN "
                    + placeholders(chunk.size()) + " ORDER BY g.id", NativeSql.parameters(chunk, enterpriseId))) {
                groups.computeIfAbsent(Columns.number(row[0]), id -> new ArrayList<>())
                        .add(new com.rollcall.users.UserScimMapper.GroupRef((String) row[1], (String) row[2]));
            }
        }
        return groups;
    }

    /** The live groups a user belongs to (directly), by name. */
    public List<UserGroup> groupsOfUser(long enterpriseId, long userId) {
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.enterpriseId = :e AND g.deletedAt IS NULL AND g.id IN "
                + "(SELECT m.groupId FROM GroupMembership m WHERE m.enterpriseId = :e AND m.userId = :u) "
                + "ORDER BY g.displayNameKey, g.id", UserGroup.class)
                .setParameter("e", enterpriseId).setParameter("u", userId).getResultList();
    }

    /** The ids of the groups each of these users belongs to (directly). */
    public Map<Long, List<Long>> groupIdsOf(long enterpriseId, Collection<Long> userIds) {
        Map<Long, List<Long>> groups = new HashMap<>();
        for (List<Long> chunk : chunks(new java.util.TreeSet<>(userIds))) {
            for (Object[] row : NativeSql.query(em, "SELECT user_id, group_id FROM group_membership WHERE enterprise_id = ? "
                    + "AND user_id IN " + placeholders(chunk.size()), NativeSql.parameters(chunk, enterpriseId))) {
                groups.computeIfAbsent(Columns.number(row[0]), id -> new ArrayList<>()).add(Columns.number(row[1]));
            }
        }
        return groups;
    }

    /** The distinct users who are members of any of these groups. */
    public List<Long> userIdsOfGroups(long enterpriseId, Collection<Long> groupIds) {
        java.util.Set<Long> users = new java.util.TreeSet<>();
        for (List<Long> chunk : chunks(new java.util.TreeSet<>(groupIds))) {
            NativeSql.query(em, "SELECT DISTINCT user_id FROM group_membership WHERE enterprise_id = ? AND group_id IN "
                    + placeholders(chunk.size()), NativeSql.parameters(chunk, enterpriseId))
                    .forEach(row -> users.add(Columns.number(row[0])));
        }
        return List.copyOf(users);
    }

    /** The groups' scimId and displayName, by internal id (deleted groups too). */
    public Map<Long, String[]> names(long enterpriseId, Collection<Long> groupIds) {
        Map<Long, String[]> names = new HashMap<>();
        for (List<Long> chunk : chunks(new java.util.TreeSet<>(groupIds))) {
            for (Object[] row : NativeSql.query(em, "SELECT id, scim_id, display_name FROM user_group WHERE enterprise_id = ? "
                    + "AND id IN " + placeholders(chunk.size()), NativeSql.parameters(chunk, enterpriseId))) {
                names.put(Columns.number(row[0]), new String[] {(String) row[1], (String) row[2]});
            }
        }
        return names;
    }

    /**
     * The user leaves every group: its memberships go, and each of those groups gets its member count, version
     * and lastModified updated (its membership changed, so its ETag must too). The caller holds the user's lock.
     */
    public int removeUserEverywhere(long enterpriseId, long userId) {
        em.createNativeQuery("UPDATE user_group SET member_count = member_count - 1, version = version + 1, "
                        + "last_modified = ? WHERE enterprise_id = ? "
                        + "AND id IN (SELECT group_id FROM group_membership WHERE user_id = ?)")
                .setParameter(1, new UtcInstantConverter().convertToDatabaseColumn(com.rollcall.platform.persistence.Clock.now()))
                .setParameter(2, enterpriseId).setParameter(3, userId).executeUpdate();
        return em.createNativeQuery("DELETE FROM group_membership WHERE enterprise_id = ? AND user_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, userId).executeUpdate();
    }

    /** The internal ids of the group's user members. */
    public List<Long> userIds(long enterpriseId, long groupId) {
        return memberIds(enterpriseId, groupId).userIds().stream().toList();
    }

    /** The internal ids of the group's user members and group members (for a full replace). */
    MemberIds memberIds(long enterpriseId, long groupId) {
        List<Long> users = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT user_id FROM group_membership WHERE enterprise_id = ? AND group_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, groupId).getResultList()) {
            users.add(((Number) id).longValue());
        }
        List<Long> groups = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT member_group_id FROM group_nesting WHERE enterprise_id = ? AND group_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, groupId).getResultList()) {
            groups.add(((Number) id).longValue());
        }
        return new MemberIds(users, groups);
    }

    /**
     * The enterprise's live groups that are not among {@code excluded} (their count exactly; the first {@code limit}
     * by name). {@code excluded} must hold live groups only.
     */
    public ListingPage groupsExcept(long enterpriseId, java.util.Set<Long> excluded, int limit) {
        long total = em.createQuery("SELECT COUNT(g) FROM UserGroup g WHERE g.enterpriseId = :e AND g.deletedAt IS NULL",
                        Long.class)
                .setParameter("e", enterpriseId).getSingleResult();
        List<UserGroup> first = new ArrayList<>();
        int offset = 0;
        while (first.size() < limit) {
            List<UserGroup> page = em.createQuery("SELECT g FROM UserGroup g WHERE g.enterpriseId = :e AND g.deletedAt IS NULL "
                    + "ORDER BY g.displayNameKey, g.id", UserGroup.class).setParameter("e", enterpriseId)
                    .setFirstResult(offset).setMaxResults(500).getResultList();
            page.stream().filter(g -> !excluded.contains(g.id())).limit(limit - first.size()).forEach(first::add);
            if (page.size() < 500) {
                break;
            }
            offset += page.size();
        }
        long mapped = excluded.size();
        return new ListingPage(first, total - mapped);
    }

    /**
     * The enterprise's live groups in keyset batches of {@code batch} by id, each as its exported fields by name with its
     * members' SCIM ids (read in pages) and its member groups' SCIM ids, handed to {@code sink}.
     */
    public void forEachExported(long enterpriseId, int batch, java.util.function.Consumer<Map<String, Object>> sink) {
        long after = 0;
        while (true) {
            List<UserGroup> page = em.createQuery("SELECT g FROM UserGroup g WHERE g.enterpriseId = :e AND g.id > :after "
                    + "AND g.deletedAt IS NULL ORDER BY g.id", UserGroup.class).setParameter("e", enterpriseId).setParameter("after", after)
                    .setMaxResults(batch).getResultList();
            if (page.isEmpty()) {
                return;
            }
            after = page.get(page.size() - 1).id();
            for (UserGroup g : page) {
                Map<String, Object> group = new java.util.LinkedHashMap<>();
                group.put("id", g.scimId());
                group.put("displayName", g.displayName());
                group.put("externalId", g.externalId());
                group.put("memberCount", (long) g.memberCount());
                List<String> members = new ArrayList<>();
                List<String> memberUserNames = new ArrayList<>();
                List<String> memberGroups = new ArrayList<>();
                forEachUserMember(enterpriseId, g.id(), user -> {
                    members.add(user.scimId());
                    memberUserNames.add(user.userName());
                });
                forEachGroupMember(enterpriseId, g.id(), member -> memberGroups.add(member.scimId()));
                group.put("members", members);
                group.put("memberUserNames", memberUserNames);
                group.put("memberGroups", memberGroups);
                group.put("createdAt", g.createdAt() == null ? null : g.createdAt().toString());
                group.put("lastModified", g.lastModified() == null ? null : g.lastModified().toString());
                sink.accept(group);
            }
        }
    }

    /** A page of groups for the console, and how many match in all. */
    public record ListingPage(List<UserGroup> groups, long total) {
    }

    /** The enterprise's live groups whose name contains {@code nameContains} (any case; null = all), by name. */
    public ListingPage listing(long enterpriseId, String nameContains, int offset, int limit) {
        String where = " WHERE g.enterpriseId = :enterpriseId AND g.deletedAt IS NULL" + (nameContains == null ? ""
                : " AND g.displayNameKey LIKE :name ESCAPE '!'");
        var count = em.createQuery("SELECT COUNT(g) FROM UserGroup g" + where, Long.class)
                .setParameter("enterpriseId", enterpriseId);
        var page = em.createQuery("SELECT g FROM UserGroup g" + where + " ORDER BY g.displayNameKey, g.id", UserGroup.class)
                .setParameter("enterpriseId", enterpriseId);
        if (nameContains != null) {
            String pattern = NativeSql.containing(nameContains.toLowerCase(java.util.Locale.ROOT));
            count.setParameter("name", pattern);
            page.setParameter("name", pattern);
        }
        long total = count.getSingleResult();
        return new ListingPage(total == 0 ? List.of() : page.setFirstResult(offset).setMaxResults(limit).getResultList(),
                total);
    }

    /** A page of the enterprise's live groups matching the query (a deleted group is in no SCIM list). */
    public JpqlSearch.Page<UserGroup> search(long enterpriseId, ListQuery query) {
        return JpqlSearch.run(em, UserGroup.class, "UserGroup g", "g.enterpriseId = :enterpriseId AND g.deletedAt IS NULL",
                enterpriseId,
                GroupFilterMapping.MAPPING, query, "g.id", Map.of());
    }

    public void flush() {
        em.flush();
    }
}
