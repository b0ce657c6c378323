package com.rollcall.access;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one owner of {@code user_effective_role}: per user, the stored winner at the enterprise level (scope 0), in
 * each sub-account where the user has an explicit candidate (scope = sub-account id), and the role every other
 * sub-account inherits (scope −1: an enterprise role granting all sub-accounts; no row when nothing is inherited).
 */
@ApplicationScoped
public class EffectiveRoleRepository {
    /** The scope of the enterprise-level winner. */
    public static final long ENTERPRISE_LEVEL = 0L;
    /** The scope of the role inherited in every sub-account without an explicit mapping. */
    public static final long INHERITED = -1L;

    private static final UtcInstantConverter TIME = new UtcInstantConverter();

    @PersistenceContext
    private EntityManager em;

    /** One stored winner. */
    record Winner(long roleId, int score) {
    }

    /** The stored winners of these users, by user, then scope. */
    Map<Long, Map<Long, Winner>> stored(long enterpriseId, Collection<Long> userIds) {
        Map<Long, Map<Long, Winner>> byUser = new HashMap<>();
        for (List<Long> chunk : NativeSql.chunks(new TreeSet<>(userIds))) {
            for (Object[] c : NativeSql.query(em, "SELECT user_id, scope_key, role_id, score FROM user_effective_role "
                    + "WHERE enterprise_id = ? AND user_id IN " + NativeSql.placeholders(chunk.size()),
                    NativeSql.parameters(chunk, enterpriseId))) {
                byUser.computeIfAbsent(Columns.number(c[0]), k -> new TreeMap<>())
                        .put(Columns.number(c[1]), new Winner(Columns.number(c[2]), ((Number) c[3]).intValue()));
            }
        }
        return byUser;
    }

    /** Replaces the stored winners of {@code users} by {@code winners} (user, scope → winner; users without rows lose all). */
    void replace(long enterpriseId, List<Long> users, Map<Long, Map<Long, Winner>> winners, Instant at) {
        for (List<Long> chunk : NativeSql.chunks(new TreeSet<>(users))) {
            NativeSql.update(em, "DELETE FROM user_effective_role WHERE enterprise_id = ? AND user_id IN "
                    + NativeSql.placeholders(chunk.size()), NativeSql.parameters(chunk, enterpriseId));
        }
        List<Object[]> rows = new ArrayList<>();
        winners.forEach((user, byScope) -> byScope.forEach((scope, winner) ->
                rows.add(new Object[] {user, scope, winner.roleId(), winner.score()})));
        Object now = TIME.convertToDatabaseColumn(at);
        for (List<Object[]> chunk : NativeSql.chunks(rows)) {
            StringBuilder sql = new StringBuilder("INSERT INTO user_effective_role (user_id, scope_key, enterprise_id, "
                    + "sub_account_id, role_id, score, computed_at) VALUES ");
            List<Object> parameters = new ArrayList<>(chunk.size() * 7);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?)");
                long scope = (Long) chunk.get(i)[1];
                parameters.addAll(Arrays.asList(chunk.get(i)[0], scope, enterpriseId, scope <= ENTERPRISE_LEVEL ? null : scope,
                        chunk.get(i)[2], chunk.get(i)[3], now));
            }
            NativeSql.update(em, sql.toString(), parameters);
        }
    }

    /** A user who left the platform has no stored role left. */
    void removeUser(long enterpriseId, long userId) {
        NativeSql.update(em, "DELETE FROM user_effective_role WHERE enterprise_id = ? AND user_id = ?",
                List.of(enterpriseId, userId));
    }

    /** A deleted sub-account's stored roles go with it (none are stored while no mapping uses it; this keeps it so). */
    void removeScope(long enterpriseId, long subAccountId) {
        NativeSql.update(em, "DELETE FROM user_effective_role WHERE enterprise_id = ? AND scope_key = ?",
                List.of(enterpriseId, subAccountId));
    }

    /** How many users hold any stored role. */
    public long holderCount(long enterpriseId) {
        return Columns.number(NativeSql.query(em, "SELECT COUNT(DISTINCT user_id) FROM user_effective_role WHERE enterprise_id = ?",
                List.of(enterpriseId)).get(0)[0]);
    }

    /** The next {@code limit} users holding any stored role after user id {@code after}, ascending. */
    public List<Long> holdersAfter(long enterpriseId, long after, int limit) {
        return NativeSql.query(em, "SELECT DISTINCT user_id FROM user_effective_role WHERE enterprise_id = ? AND user_id > ? "
                + "ORDER BY user_id LIMIT " + Math.max(1, limit), List.of(enterpriseId, after)).stream()
                .map(c -> Columns.number(c[0])).toList();
    }
}
