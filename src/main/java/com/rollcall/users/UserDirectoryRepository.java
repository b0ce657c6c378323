package com.rollcall.users;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's user directory as the database reads it: a page of the enterprise's live users by userName, searched
 * by prefix through the indexes and by "contains" only when nothing starts with the text, every count bounded and
 * every statement under a timeout (issue 20: flat at 1,000,000 users). {@link UserRepository} owns the users' writes
 * and the SCIM reads; this owns the console's listing of them.
 */
@ApplicationScoped
public class UserDirectoryRepository {
    @PersistenceContext
    private EntityManager em;

    private static final String DIRECTORY_COLUMNS = "SELECT u.scim_id, u.user_name, u.display_name, u.given_name, u.family_name, "
            + "(SELECT m.item_value FROM user_multi_value m WHERE m.user_id = u.id AND m.attribute = 'emails' "
            + "ORDER BY m.is_primary DESC, m.ordinal LIMIT 1), u.employee_number, u.source, u.active, u.version, "
            + "u.linked_at, u.linked_by FROM user_account u";
    private static final String DIRECTORY_LIVE = " WHERE u.enterprise_id = ? AND u.deleted_at IS NULL";
    /** "Contains" over every searched field (JDBC parameters: the pattern six times). */
    private static final String DIRECTORY_CONTAINS = " AND (u.user_name_key LIKE ? ESCAPE '!' "
            + "OR LOWER(u.display_name) LIKE ? ESCAPE '!' OR LOWER(u.given_name) LIKE ? ESCAPE '!' "
            + "OR LOWER(u.family_name) LIKE ? ESCAPE '!' OR u.employee_number_key LIKE ? ESCAPE '!' "
            + "OR EXISTS (SELECT 1 FROM user_multi_value e WHERE e.user_id = u.id AND e.attribute = 'emails' "
            + "AND e.item_value_key LIKE ? ESCAPE '!'))";

    /**
     * The ids of the enterprise's live users whose userName, employee ID or an email starts with the LIKE pattern
     * {@code ?} (given three times, each after the enterprise id): three index range reads (uq_user_name,
     * ix_user_employee_number, ix_multi_value_lookup), each stopped after {@code limit} rows.
     */
    private static String directoryPrefixIds(long limit) {
        return "(SELECT p.id FROM user_account p WHERE p.enterprise_id = ? AND p.user_name_key LIKE ? ESCAPE '!' "
                + "AND p.deleted_at IS NULL ORDER BY p.user_name_key LIMIT " + limit + ") UNION "
                + "(SELECT p.id FROM user_account p WHERE p.enterprise_id = ? AND p.employee_number_key LIKE ? ESCAPE '!' "
                + "AND p.deleted_at IS NULL LIMIT " + limit + ") UNION "
                + "(SELECT m.user_id FROM user_multi_value m JOIN user_account p ON p.id = m.user_id "
                + "WHERE m.enterprise_id = ? AND m.attribute = 'emails' AND m.item_value_key LIKE ? ESCAPE '!' "
                + "AND p.deleted_at IS NULL LIMIT " + limit + ")";
    }

    /**
     * One page of the console's directory (see UserDirectoryService#search for what matches), each statement bounded:
     * matches are counted up to {@code startIndex - 1 + bound} (more is "more than"), and every statement gives up
     * after {@code timeoutSeconds} (a PersistenceException caused by an SQLTimeoutException).
     */
    UserDirectoryService.UserPage page(long enterpriseId, String text, int startIndex, int count, int bound,
            int timeoutSeconds) {
        int start = Math.max(1, startIndex);
        int size = Math.max(1, count);
        long cap = (long) start - 1 + bound;
        String pageBounds = " ORDER BY u.user_name_key LIMIT " + size + " OFFSET " + (start - 1);
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        // By userName key alone: it is unique among the enterprise's live users (uq_user_name; only deleted users have
        // none), so the database walks uq_user_name in order and stops after the page (with ", u.id" MariaDB sorted
        // every live user of the enterprise to return 25: 15 s at 1,000,000 users). The page's bounds are in the
        // statement itself (EclipseLink leaves setFirstResult/setMaxResults of a native query to the driver).
        if (key.isEmpty()) {
            long n = boundedCount("SELECT 1 FROM user_account u" + DIRECTORY_LIVE, List.of(enterpriseId), cap,
                    timeoutSeconds);
            List<UserRow> rows = n == 0 ? List.of() : rows(NativeSql.query(em,
                    DIRECTORY_COLUMNS + DIRECTORY_LIVE + pageBounds, List.of(enterpriseId), timeoutSeconds));
            return page(n, cap, rows, false);
        }
        String prefix = NativeSql.likeEscaped(key) + "%";
        List<Object> prefixParameters = List.of(enterpriseId, prefix, enterpriseId, prefix, enterpriseId, prefix);
        String ids = directoryPrefixIds(cap + 1);
        long n = count("SELECT COUNT(*) FROM (" + ids + ") k", prefixParameters, timeoutSeconds);
        if (n > 0) {
            List<UserRow> rows = rows(NativeSql.query(em, DIRECTORY_COLUMNS + " JOIN (" + ids + ") k ON k.id = u.id"
                    + pageBounds, prefixParameters, timeoutSeconds));
            return page(n, cap, rows, false);
        }
        // nothing starts with the text: what contains it, anywhere (a scan of the enterprise's users, bounded by the
        // count's cap, the page's LIMIT and the timeout)
        String contains = NativeSql.containing(key);
        List<Object> parameters = new ArrayList<>(List.of(enterpriseId));
        for (int i = 0; i < 6; i++) {
            parameters.add(contains);
        }
        n = boundedCount("SELECT 1 FROM user_account u" + DIRECTORY_LIVE + DIRECTORY_CONTAINS, parameters, cap,
                timeoutSeconds);
        List<UserRow> rows = n == 0 ? List.of() : rows(NativeSql.query(em,
                DIRECTORY_COLUMNS + DIRECTORY_LIVE + DIRECTORY_CONTAINS + pageBounds, parameters, timeoutSeconds));
        return page(n, cap, rows, true);
    }

    /** How many rows {@code select} gives, counted up to {@code cap + 1}. */
    private long boundedCount(String select, List<?> parameters, long cap, int timeoutSeconds) {
        return count("SELECT COUNT(*) FROM (" + select + " LIMIT " + (cap + 1) + ") k", parameters, timeoutSeconds);
    }

    private static UserDirectoryService.UserPage page(long n, long cap, List<UserRow> rows, boolean contains) {
        return new UserDirectoryService.UserPage(Math.min(n, cap), n > cap, rows, contains, null);
    }

    /** The enterprise's live users, counted through ix_user_live (an index-only count: 1.5 s at 1,000,000). */
    long liveCount(long enterpriseId, int timeoutSeconds) {
        return count("SELECT COUNT(*) FROM user_account u" + DIRECTORY_LIVE, List.of(enterpriseId), timeoutSeconds);
    }

    /** One live user of the enterprise; empty for unknown, deleted or another enterprise's ids. */
    Optional<UserRow> row(long enterpriseId, String scimId) {
        if (scimId == null || scimId.isBlank()) {
            return Optional.empty();
        }
        return rows(NativeSql.query(em, DIRECTORY_COLUMNS + DIRECTORY_LIVE + " AND u.scim_id = ?",
                List.of(enterpriseId, scimId.strip()))).stream().findFirst();
    }

    private long count(String sql, List<?> parameters, int timeoutSeconds) {
        return Columns.number(NativeSql.query(em, sql, parameters, timeoutSeconds).get(0)[0]);
    }

    private static List<UserRow> rows(List<?> result) {
        return result.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new UserRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], UserSource.valueOf((String) r[7]), Columns.bool(r[8]), ((Number) r[9]).intValue(),
                    Columns.instant(r[10]), (String) r[11]);
        }).toList();
    }
}
