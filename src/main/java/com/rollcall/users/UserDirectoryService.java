package com.rollcall.users;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's user directory: a free-text search over the enterprise's live users (userName, names,
 * employee ID, any email), counted and paged in the database, one row per user with its first email.
 */
@Stateless
public class UserDirectoryService {
    /** One page of users and how many match in all. */
    public record UserPage(long total, List<UserRow> rows) {
    }

    private static final String COLUMNS = "SELECT u.scim_id, u.user_name, u.display_name, u.given_name, u.family_name, "
            + "(SELECT m.item_value FROM user_multi_value m WHERE m.user_id = u.id AND m.attribute = 'emails' "
            + "ORDER BY m.is_primary DESC, m.ordinal LIMIT 1), u.employee_number, u.source, u.active, u.version "
            + "FROM user_account u";
    private static final String LIVE = " WHERE u.enterprise_id = ?1 AND u.deleted_at IS NULL";
    private static final String MATCHES = " AND (u.user_name_key LIKE ?2 OR LOWER(u.display_name) LIKE ?2 "
            + "OR LOWER(u.given_name) LIKE ?2 OR LOWER(u.family_name) LIKE ?2 OR u.employee_number_key LIKE ?2 "
            + "OR EXISTS (SELECT 1 FROM user_multi_value e WHERE e.user_id = u.id AND e.attribute = 'emails' "
            + "AND e.item_value_key LIKE ?2))";

    @PersistenceContext
    private EntityManager em;

    /** Users whose userName, name, employee ID or an email contains {@code text} (all when blank), by userName. */
    public UserPage search(long enterpriseId, String text, int startIndex, int count) {
        boolean filtered = text != null && !text.isBlank();
        String where = LIVE + (filtered ? MATCHES : "");
        Query total = em.createNativeQuery("SELECT COUNT(*) FROM user_account u" + where).setParameter(1, enterpriseId);
        Query page = em.createNativeQuery(COLUMNS + where + " ORDER BY u.user_name_key, u.id").setParameter(1, enterpriseId);
        if (filtered) {
            String pattern = "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
            total.setParameter(2, pattern);
            page.setParameter(2, pattern);
        }
        long n = ((Number) total.getSingleResult()).longValue();
        List<UserRow> rows = n == 0 ? List.of() : rows(page.setFirstResult(Math.max(0, startIndex - 1))
                .setMaxResults(count).getResultList());
        return new UserPage(n, rows);
    }

    /** One live user of the enterprise; empty for unknown, deleted or another enterprise's ids. */
    public Optional<UserRow> find(long enterpriseId, String scimId) {
        if (scimId == null || scimId.isBlank()) {
            return Optional.empty();
        }
        return rows(em.createNativeQuery(COLUMNS + LIVE + " AND u.scim_id = ?2").setParameter(1, enterpriseId)
                .setParameter(2, scimId.strip()).getResultList()).stream().findFirst();
    }

    private static List<UserRow> rows(List<?> result) {
        return result.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new UserRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], UserSource.valueOf((String) r[7]), bool(r[8]), ((Number) r[9]).intValue());
        }).toList();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
