package com.rollcall.groups;

import static com.rollcall.platform.persistence.NativeSql.chunks;
import static com.rollcall.platform.persistence.NativeSql.placeholders;

import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.platform.query.JpqlSearch;
import com.rollcall.platform.query.ListQuery;
import jakarta.enterprise.context.ApplicationScoped;
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
 */
@ApplicationScoped
public class GroupRepository {
    /** Ids per IN list / multi-row INSERT. */
    @PersistenceContext
    private EntityManager em;

    public void add(long enterpriseId, UserGroup group) {
        if (group.enterpriseId() != enterpriseId) {
            throw new IllegalArgumentException("group of another enterprise");
        }
        em.persist(group);
    }

    public Optional<UserGroup> find(long enterpriseId, String scimId) {
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.scimId = :scimId AND g.enterpriseId = :enterpriseId",
                        UserGroup.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId)
                .getResultList().stream()
                .findFirst();
    }

    /** The group, its row locked until commit: membership changes of one group run one at a time. */
    public Optional<UserGroup> findForUpdate(long enterpriseId, String scimId) {
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.scimId = :scimId AND g.enterpriseId = :enterpriseId",
                        UserGroup.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .findFirst();
    }

    public Optional<UserGroup> findByDisplayName(long enterpriseId, String displayName) {
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.enterpriseId = :enterpriseId AND g.displayNameKey = :key",
                        UserGroup.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("key", UserGroup.displayNameKey(displayName))
                .getResultList().stream()
                .findFirst();
    }

    public Optional<UserGroup> findByExternalId(long enterpriseId, String externalId) {
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.enterpriseId = :enterpriseId AND g.externalId = :externalId",
                        UserGroup.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("externalId", externalId)
                .getResultList().stream()
                .findFirst();
    }

    public void remove(long enterpriseId, UserGroup group) {
        if (group.enterpriseId() != enterpriseId) {
            throw new IllegalArgumentException("group of another enterprise");
        }
        em.remove(group);
    }

    /** Internal ids of the enterprise's live users among these SCIM ids. */
    public Map<String, Long> liveUserIds(long enterpriseId, Collection<String> scimIds) {
        return idsOf("SELECT scim_id, id FROM user_account WHERE enterprise_id = ? AND deleted_at IS NULL AND scim_id IN ",
                enterpriseId, scimIds);
    }

    /** A live user of the enterprise by SCIM id: its internal id and whether it came from SCIM. */
    public Optional<UserRef> liveUser(long enterpriseId, String scimId) {
        List<?> rows = em.createNativeQuery("SELECT id, source FROM user_account WHERE enterprise_id = ? AND scim_id = ? "
                        + "AND deleted_at IS NULL")
                .setParameter(1, enterpriseId).setParameter(2, scimId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new UserRef(((Number) columns[0]).longValue(), "SCIM".equals(columns[1]));
        });
    }

    /** A user as group membership rules need it. */
    public record UserRef(long id, boolean scimSourced) {
    }

    /** Internal ids of the enterprise's groups among these SCIM ids. */
    public Map<String, Long> groupIds(long enterpriseId, Collection<String> scimIds) {
        return idsOf("SELECT scim_id, id FROM user_group WHERE enterprise_id = ? AND scim_id IN ", enterpriseId, scimIds);
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
        for (Object row : em.createNativeQuery("SELECT u.scim_id, COALESCE(u.display_name, u.user_name) "
                        + "FROM group_membership m JOIN user_account u ON u.id = m.user_id "
                        + "WHERE m.enterprise_id = ? AND m.group_id = ? ORDER BY m.user_id")
                .setParameter(1, enterpriseId).setParameter(2, groupId).getResultList()) {
            Object[] columns = (Object[]) row;
            members.add(new GroupMember((String) columns[0], (String) columns[1], GroupMember.Type.User));
        }
        for (Object row : em.createNativeQuery("SELECT g.scim_id, g.display_name FROM group_nesting n "
                        + "JOIN user_group g ON g.id = n.member_group_id "
                        + "WHERE n.enterprise_id = ? AND n.group_id = ? ORDER BY n.member_group_id")
                .setParameter(1, enterpriseId).setParameter(2, groupId).getResultList()) {
            Object[] columns = (Object[]) row;
            members.add(new GroupMember((String) columns[0], (String) columns[1], GroupMember.Type.Group));
        }
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
        long after = 0;
        while (true) {
            List<?> rows = em.createNativeQuery("SELECT m.user_id, u.scim_id, COALESCE(u.display_name, u.user_name) "
                            + "FROM group_membership m JOIN user_account u ON u.id = m.user_id "
                            + "WHERE m.enterprise_id = ? AND m.group_id = ? AND m.user_id > ? ORDER BY m.user_id LIMIT "
                            + STREAM_PAGE)
                    .setParameter(1, enterpriseId).setParameter(2, groupId).setParameter(3, after).getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                after = ((Number) columns[0]).longValue();
                sink.accept(new GroupMember((String) columns[1], (String) columns[2], GroupMember.Type.User));
            }
            if (rows.size() < STREAM_PAGE) {
                break;
            }
        }
        for (Object row : em.createNativeQuery("SELECT g.scim_id, g.display_name FROM group_nesting n "
                        + "JOIN user_group g ON g.id = n.member_group_id "
                        + "WHERE n.enterprise_id = ? AND n.group_id = ? ORDER BY n.member_group_id")
                .setParameter(1, enterpriseId).setParameter(2, groupId).getResultList()) {
            Object[] columns = (Object[]) row;
            sink.accept(new GroupMember((String) columns[0], (String) columns[1], GroupMember.Type.Group));
        }
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

    /** A page of the enterprise's groups matching the query. */
    public JpqlSearch.Page<UserGroup> search(long enterpriseId, ListQuery query) {
        return JpqlSearch.run(em, UserGroup.class, "UserGroup g", "g.enterpriseId = :enterpriseId", enterpriseId,
                GroupFilterMapping.MAPPING, query, "g.id", Map.of());
    }

    public void flush() {
        em.flush();
    }
}
