package com.rollcall.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.platform.query.JpqlSearch;
import com.rollcall.platform.query.ListQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Users of one enterprise: the enterprise id is the first argument of every call. */
@ApplicationScoped
public class UserRepository {
    @PersistenceContext
    private EntityManager em;

    public void add(long enterpriseId, UserAccount user) {
        if (user.enterpriseId() != enterpriseId) {
            throw new IllegalArgumentException("user of another enterprise");
        }
        em.persist(user);
    }

    /** A live (not soft-deleted) user by its SCIM id. */
    public Optional<UserAccount> findLive(long enterpriseId, String scimId) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.scimId = :scimId AND u.enterpriseId = :enterpriseId "
                        + "AND u.deletedAt IS NULL", UserAccount.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId)
                .getResultList().stream()
                .findFirst();
    }

    /** Which live users hold a userName key and an externalId: their ids, or null (one statement, no entity). */
    public record Holders(Long userName, Long externalId) {
    }

    /**
     * Who holds this userName (case-insensitively) and this externalId among the enterprise's live users
     * (a deleted user's keys are cleared). One statement of two unique-index lookups, returning ids only:
     * every create and every identifier change asks it.
     */
    public Holders holders(long enterpriseId, String userName, String externalId) {
        String byName = "(SELECT u.id FROM user_account u WHERE u.enterprise_id = ? AND u.user_name_key = ?)";
        String byExternalId = externalId == null ? "NULL"
                : "(SELECT u.id FROM user_account u WHERE u.enterprise_id = ? AND u.external_id_key = ?)";
        List<Object> parameters = new ArrayList<>(List.of(enterpriseId, UserAccount.userNameKey(userName)));
        if (externalId != null) {
            parameters.addAll(List.of(enterpriseId, externalId));
        }
        Object[] row = NativeSql.query(em, "SELECT " + byName + ", " + byExternalId, parameters).get(0);
        return new Holders(row[0] == null ? null : ((Number) row[0]).longValue(),
                row[1] == null ? null : ((Number) row[1]).longValue());
    }

    /** The live user, its row locked until commit (writes to one user run one at a time). */
    public Optional<UserAccount> findLiveForUpdate(long enterpriseId, String scimId) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.scimId = :scimId AND u.enterpriseId = :enterpriseId "
                        + "AND u.deletedAt IS NULL", UserAccount.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .findFirst();
    }

    /**
     * Removes the user from every group it belongs to; each of those groups gets its member count,
     * version and lastModified updated (its membership changed, so its ETag must too). Without groups
     * the user has no effective role (rule 8) and no exemption from a license (rule 5) left.
     * Returns the number of memberships removed. The caller holds the user's row lock.
     */
    public int removeFromAllGroups(long enterpriseId, long userId) {
        em.createNativeQuery("DELETE FROM user_effective_role WHERE enterprise_id = ? AND user_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, userId).executeUpdate();
        em.createNativeQuery("UPDATE user_account SET license_exempt = FALSE WHERE id = ?")
                .setParameter(1, userId).executeUpdate();
        em.createNativeQuery("UPDATE user_group SET member_count = member_count - 1, version = version + 1, "
                        + "last_modified = ? WHERE enterprise_id = ? "
                        + "AND id IN (SELECT group_id FROM group_membership WHERE user_id = ?)")
                .setParameter(1, new UtcInstantConverter().convertToDatabaseColumn(Clock.now()))
                .setParameter(2, enterpriseId).setParameter(3, userId).executeUpdate();
        return em.createNativeQuery("DELETE FROM group_membership WHERE enterprise_id = ? AND user_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, userId).executeUpdate();
    }

    /**
     * Live manual users with one of these lower-cased emails (any email, or an email userName). Not
     * locked: a locking read that finds nothing takes gap locks, and concurrent creates inserting into
     * those gaps deadlock; {@link #lock} the one that is adopted.
     *
     * <p>Every SCIM create asks this, so it must not grow with the tenant: the ids come from one UNION of
     * two index lookups (uq_user_name on (enterprise, userName key); ix_multi_value_lookup on (enterprise,
     * 'emails', value key)), and users are loaded only when there is a match. The former single JPQL
     * query ({@code userNameKey IN ... OR id IN (subquery)}) scanned every user of the tenant: the initial
     * sync of N users cost O(N²).
     */
    public List<UserAccount> manualByEmail(long enterpriseId, Set<String> emailKeys) {
        if (emailKeys.isEmpty()) {
            return List.of();
        }
        List<String> keys = List.copyOf(emailKeys);
        String in = NativeSql.placeholders(keys.size());
        List<Object> parameters = new ArrayList<>();
        parameters.add(enterpriseId);
        parameters.addAll(keys);
        parameters.add(enterpriseId);
        parameters.addAll(keys);
        parameters.add(enterpriseId);
        List<Long> found = NativeSql.query(em, "SELECT u.id FROM user_account u WHERE u.enterprise_id = ? "
                        + "AND u.user_name_key IN " + in + " AND u.deleted_at IS NULL AND u.source = 'MANUAL' "
                        + "UNION SELECT u.id FROM user_multi_value v JOIN user_account u ON u.id = v.user_id "
                        + "WHERE v.enterprise_id = ? AND v.attribute = 'emails' AND v.item_value_key IN " + in
                        + " AND u.enterprise_id = ? AND u.deleted_at IS NULL AND u.source = 'MANUAL'", parameters)
                .stream().map(row -> ((Number) row[0]).longValue()).distinct().toList();
        if (found.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.enterpriseId = :enterpriseId AND u.id IN :ids "
                        + "ORDER BY u.id", UserAccount.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("ids", found)
                .getResultList();
    }

    /** Live manual users with this employee-number key (not locked, see {@link #manualByEmail}). */
    public List<UserAccount> manualByEmployeeNumber(long enterpriseId, String employeeNumberKey) {
        if (employeeNumberKey == null) {
            return List.of();
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.enterpriseId = :enterpriseId AND u.deletedAt IS NULL "
                        + "AND u.source = :manual AND u.employeeNumberKey = :key ORDER BY u.id", UserAccount.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("manual", UserSource.MANUAL)
                .setParameter("key", employeeNumberKey)
                .getResultList();
    }

    /** Locks a found user's row by its key (no gap locks) and re-reads it; empty if it is gone. */
    public Optional<UserAccount> lock(long enterpriseId, UserAccount user) {
        em.lock(user, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(user);
        return user.enterpriseId() == enterpriseId && user.deletedAt() == null ? Optional.of(user) : Optional.empty();
    }

    /** A page of the enterprise's live users matching the query; their multi-valued attributes batch-loaded. */
    public JpqlSearch.Page<UserAccount> search(long enterpriseId, ListQuery query) {
        return JpqlSearch.run(em, UserAccount.class, "UserAccount u", "u.enterpriseId = :enterpriseId AND u.deletedAt IS NULL",
                enterpriseId, UserFilterMapping.MAPPING, query, "u.id",
                Map.of("eclipselink.batch", "u.multiValues", "eclipselink.batch.type", "IN"));
    }

    /** The groups each of these users belongs to (the read-only SCIM {@code groups}), in one query. */
    public Map<Long, List<UserScimMapper.GroupRef>> groupsOf(long enterpriseId, Collection<Long> userIds) {
        Map<Long, List<UserScimMapper.GroupRef>> groups = new HashMap<>();
        if (userIds.isEmpty()) {
            return groups;
        }
        // One id (every single-user read and write) binds a plain parameter: EclipseLink re-prepares a query
        // with a collection parameter on every execution.
        String select = "SELECT m.userId, g.scimId, g.displayName FROM GroupMembership m, UserGroup g "
                + "WHERE g.id = m.groupId AND m.enterpriseId = :enterpriseId AND m.userId ";
        List<Object[]> rows = (userIds.size() == 1
                ? em.createQuery(select + "= :id ORDER BY g.id", Object[].class).setParameter("id", userIds.iterator().next())
                : em.createQuery(select + "IN :ids ORDER BY g.id", Object[].class).setParameter("ids", List.copyOf(userIds)))
                .setParameter("enterpriseId", enterpriseId)
                .getResultList();
        for (Object[] row : rows) {
            groups.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                    .add(new UserScimMapper.GroupRef((String) row[1], (String) row[2]));
        }
        return groups;
    }

    public void flush() {
        em.flush();
    }
}
