package com.rollcall.readiness;

import com.rollcall.readiness.ReadinessReport.Clash;
import com.rollcall.readiness.ReadinessReport.GroupRef;
import com.rollcall.readiness.ReadinessReport.Licenses;
import com.rollcall.readiness.ReadinessReport.Section;
import com.rollcall.readiness.ReadinessReport.UserRef;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Migration readiness (PRODUCT.md rule 10): manual users an IdP could not match, identifier clashes,
 * license headroom and unmapped groups. Every figure is a SQL aggregate on the enterprise's rows (no user
 * is loaded to be counted); lists are capped at {@link #LIST_LIMIT}.
 */
@Stateless
public class MigrationReadinessService {
    public static final int LIST_LIMIT = 100;
    private static final String LIVE = "u.enterprise_id = ?1 AND u.deleted_at IS NULL";

    @PersistenceContext
    private EntityManager em;

    public ReadinessReport report(long enterpriseId) {
        List<?> enterprise = em.createNativeQuery("SELECT e.identifier_rule, c.license_limit, c.seats_used FROM enterprise e "
                        + "LEFT JOIN license_counter c ON c.enterprise_id = e.id WHERE e.id = ?1")
                .setParameter(1, enterpriseId).getResultList();
        if (enterprise.isEmpty()) {
            throw ScimException.notFound("The enterprise does not exist.");
        }
        Object[] row = (Object[]) enterprise.get(0);
        String rule = (String) row[0];
        int limit = ((Number) row[1]).intValue();
        long seatsUsed = row[2] == null ? 0 : ((Number) row[2]).longValue();
        long activeUsers = count("SELECT COUNT(*) FROM user_account u WHERE " + LIVE + " AND u.active = TRUE", enterpriseId);
        return new ReadinessReport(rule, unmatchableManualUsers(enterpriseId, rule),
                clashes(enterpriseId, "SELECT m.item_value_key AS k, COUNT(DISTINCT m.user_id) AS n FROM user_multi_value m "
                        + "JOIN user_account u ON u.id = m.user_id WHERE " + LIVE + " AND m.enterprise_id = ?1 "
                        + "AND m.attribute = 'emails' AND m.item_value_key IS NOT NULL AND m.item_value_key <> '' "
                        + "GROUP BY m.item_value_key HAVING COUNT(DISTINCT m.user_id) > 1",
                        "SELECT DISTINCT m.item_value_key, u.scim_id, u.user_name, u.id FROM user_multi_value m "
                        + "JOIN user_account u ON u.id = m.user_id WHERE " + LIVE + " AND m.enterprise_id = ?1 "
                        + "AND m.attribute = 'emails' AND m.item_value_key IN ?2 ORDER BY u.id"),
                clashes(enterpriseId, "SELECT u.employee_number_key AS k, COUNT(*) AS n FROM user_account u WHERE " + LIVE
                        + " AND u.employee_number_key IS NOT NULL AND u.employee_number_key <> '' "
                        + "GROUP BY u.employee_number_key HAVING COUNT(*) > 1",
                        "SELECT u.employee_number_key, u.scim_id, u.user_name, u.id FROM user_account u WHERE " + LIVE
                        + " AND u.employee_number_key IN ?2 ORDER BY u.id"),
                new Licenses(limit, activeUsers, seatsUsed),
                unmappedGroups(enterpriseId));
    }

    private Section<UserRef> unmatchableManualUsers(long enterpriseId, String rule) {
        String missing = "EMPLOYEE_ID".equals(rule)
                ? "(u.employee_number_key IS NULL OR u.employee_number_key = '')"
                : "NOT EXISTS (SELECT 1 FROM user_multi_value m WHERE m.user_id = u.id AND m.attribute = 'emails' "
                        + "AND m.item_value_key IS NOT NULL AND m.item_value_key <> '')";
        String where = " FROM user_account u WHERE " + LIVE + " AND u.source = 'MANUAL' AND " + missing;
        long count = count("SELECT COUNT(*)" + where, enterpriseId);
        List<UserRef> users = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT u.scim_id, u.user_name" + where + " ORDER BY u.id")
                .setParameter(1, enterpriseId).setMaxResults(LIST_LIMIT).getResultList()) {
            Object[] r = (Object[]) o;
            users.add(new UserRef((String) r[0], (String) r[1]));
        }
        return new Section<>(count, users);
    }

    /** Values shared by several live users: exact count of such values, the first ones with their users. */
    private Section<Clash> clashes(long enterpriseId, String groupedSql, String usersSql) {
        long count = count("SELECT COUNT(*) FROM (" + groupedSql + ") clash", enterpriseId);
        if (count == 0) {
            return new Section<>(0, List.of());
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Object o : em.createNativeQuery(groupedSql + " ORDER BY k").setParameter(1, enterpriseId)
                .setMaxResults(LIST_LIMIT).getResultList()) {
            Object[] r = (Object[]) o;
            sizes.put((String) r[0], ((Number) r[1]).longValue());
        }
        Map<String, List<UserRef>> users = new LinkedHashMap<>();
        List<String> values = new ArrayList<>(sizes.keySet());
        StringBuilder placeholders = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            placeholders.append(i == 0 ? "" : ", ").append('?').append(i + 2);
        }
        Query usersQuery = em.createNativeQuery(usersSql.replace("IN ?2", "IN " + placeholders + ")"))
                .setParameter(1, enterpriseId);
        for (int i = 0; i < values.size(); i++) {
            usersQuery.setParameter(i + 2, values.get(i));
        }
        for (Object o : usersQuery.getResultList()) {
            Object[] r = (Object[]) o;
            List<UserRef> of = users.computeIfAbsent((String) r[0], k -> new ArrayList<>());
            if (of.size() < LIST_LIMIT) {
                of.add(new UserRef((String) r[1], (String) r[2]));
            }
        }
        List<Clash> clashes = new ArrayList<>();
        sizes.forEach((value, n) -> clashes.add(new Clash(value, n, users.getOrDefault(value, List.of()))));
        return new Section<>(count, clashes);
    }

    private Section<GroupRef> unmappedGroups(long enterpriseId) {
        String where = " FROM user_group g WHERE g.enterprise_id = ?1 "
                + "AND NOT EXISTS (SELECT 1 FROM group_mapping gm WHERE gm.group_id = g.id)";
        long count = count("SELECT COUNT(*)" + where, enterpriseId);
        List<GroupRef> groups = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT g.scim_id, g.display_name, g.member_count" + where
                + " ORDER BY g.display_name_key").setParameter(1, enterpriseId).setMaxResults(LIST_LIMIT).getResultList()) {
            Object[] r = (Object[]) o;
            groups.add(new GroupRef((String) r[0], (String) r[1], ((Number) r[2]).longValue()));
        }
        return new Section<>(count, groups);
    }

    private long count(String sql, long enterpriseId) {
        Query query = em.createNativeQuery(sql).setParameter(1, enterpriseId);
        return ((Number) query.getSingleResult()).longValue();
    }
}
