package com.rollcall.groups;

import com.rollcall.platform.persistence.NativeSql;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The console's read side of user groups: a paged group list with member counts and what each group is
 * mapped to, one group's summary, and its user members paged. Every query is a page or a COUNT in the
 * database (a group can have 100,000 members); nothing here writes.
 */
@Stateless
public class GroupDirectoryService {
    /** Largest page the console asks for. */
    public static final int MAX_PAGE = 200;

    /** A group in the list: its mappings in plain words, e.g. "Editor in EMEA", "Enterprise Admin (enterprise level)". */
    public record GroupRow(String scimId, String displayName, String externalId, int memberCount, List<String> mappings)
            implements Serializable {
        public boolean mapped() {
            return !mappings.isEmpty();
        }
    }

    /** One group's header: user members and group members counted in the database. */
    public record GroupSummary(String scimId, String displayName, String externalId, long userMembers, long groupMembers)
            implements Serializable {
    }

    /** A user as a group's member list shows it. */
    public record MemberRow(String scimId, String userName, String displayName, boolean active, String source)
            implements Serializable {
        /** The display name, or the userName when there is none. */
        public String label() {
            return displayName == null || displayName.isBlank() ? userName : displayName;
        }
    }

    /** A page of rows: {@code offset} is zero-based, {@code total} counts every match. */
    public record Page<T>(List<T> rows, long total, int offset, int limit) implements Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    /** The enterprise's groups whose name contains {@code nameContains} (any case; null or blank = all), by name. */
    public Page<GroupRow> groups(long enterpriseId, String nameContains, int offset, int limit) {
        int first = Math.max(0, offset);
        int size = pageSize(limit);
        String where = "WHERE enterprise_id = ?" + (blank(nameContains) ? "" : " AND display_name_key LIKE ? ESCAPE '!'");
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM user_group " + where).setParameter(1, enterpriseId);
        Query rows = em.createNativeQuery("SELECT id, scim_id, display_name, external_id, member_count FROM user_group "
                + where + " ORDER BY display_name_key, id").setParameter(1, enterpriseId);
        if (!blank(nameContains)) {
            String pattern = "%" + likeEscaped(nameContains.trim().toLowerCase(Locale.ROOT)) + "%";
            count.setParameter(2, pattern);
            rows.setParameter(2, pattern);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        Map<Long, Object[]> byId = new LinkedHashMap<>();
        for (Object row : rows.setFirstResult(first).setMaxResults(size).getResultList()) {
            Object[] c = (Object[]) row;
            byId.put(((Number) c[0]).longValue(), c);
        }
        Map<Long, List<String>> mappings = mappings(enterpriseId, List.copyOf(byId.keySet()));
        List<GroupRow> result = new ArrayList<>();
        byId.forEach((id, c) -> result.add(new GroupRow((String) c[1], (String) c[2], (String) c[3],
                ((Number) c[4]).intValue(), mappings.getOrDefault(id, List.of()))));
        return new Page<>(result, total, first, size);
    }

    public Optional<GroupSummary> group(long enterpriseId, String groupScimId) {
        if (blank(groupScimId)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT g.scim_id, g.display_name, g.external_id, "
                        + "(SELECT COUNT(*) FROM group_membership m WHERE m.group_id = g.id), "
                        + "(SELECT COUNT(*) FROM group_nesting n WHERE n.group_id = g.id) "
                        + "FROM user_group g WHERE g.enterprise_id = ? AND g.scim_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, groupScimId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new GroupSummary((String) c[0], (String) c[1], (String) c[2], ((Number) c[3]).longValue(),
                    ((Number) c[4]).longValue());
        });
    }

    /** A page of the group's user members, in the order they were added (empty page for an unknown group). */
    public Page<MemberRow> members(long enterpriseId, String groupScimId, int offset, int limit) {
        int first = Math.max(0, offset);
        int size = pageSize(limit);
        List<?> ids = em.createNativeQuery("SELECT id FROM user_group WHERE enterprise_id = ? AND scim_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, String.valueOf(groupScimId)).getResultList();
        if (ids.isEmpty()) {
            return new Page<>(List.of(), 0, first, size);
        }
        long groupId = ((Number) ids.get(0)).longValue();
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM group_membership "
                        + "WHERE enterprise_id = ? AND group_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, groupId).getSingleResult()).longValue();
        List<MemberRow> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT u.scim_id, u.user_name, u.display_name, u.active, u.source "
                        + "FROM group_membership m JOIN user_account u ON u.id = m.user_id "
                        + "WHERE m.enterprise_id = ? AND m.group_id = ? ORDER BY m.user_id")
                .setParameter(1, enterpriseId).setParameter(2, groupId)
                .setFirstResult(first).setMaxResults(size).getResultList()) {
            rows.add(member((Object[]) row));
        }
        return new Page<>(rows, total, first, size);
    }

    /** A live user of the enterprise, as a member row (for the effective-access page's heading). */
    public Optional<MemberRow> user(long enterpriseId, String userScimId) {
        if (blank(userScimId)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT scim_id, user_name, display_name, active, source FROM user_account "
                        + "WHERE enterprise_id = ? AND scim_id = ? AND deleted_at IS NULL")
                .setParameter(1, enterpriseId).setParameter(2, userScimId).getResultList();
        return rows.stream().findFirst().map(row -> member((Object[]) row));
    }

    /** Live users of the enterprise whose userName or display name contains the text: a short list to pick from. */
    public List<MemberRow> findUsers(long enterpriseId, String text, int limit) {
        if (blank(text)) {
            return List.of();
        }
        String pattern = "%" + likeEscaped(text.trim().toLowerCase(Locale.ROOT)) + "%";
        List<MemberRow> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT scim_id, user_name, display_name, active, source FROM user_account "
                        + "WHERE enterprise_id = ? AND deleted_at IS NULL AND (user_name_key LIKE ? ESCAPE '!' "
                        + "OR LOWER(display_name) LIKE ? ESCAPE '!') ORDER BY user_name_key")
                .setParameter(1, enterpriseId).setParameter(2, pattern).setParameter(3, pattern)
                .setMaxResults(pageSize(limit)).getResultList()) {
            rows.add(member((Object[]) row));
        }
        return rows;
    }

    private Map<Long, List<String>> mappings(long enterpriseId, List<Long> groupIds) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        if (groupIds.isEmpty()) {
            return result;
        }
        for (Object[] c : NativeSql.query(em, "SELECT gm.group_id, r.name, s.name FROM group_mapping gm "
                + "JOIN app_role r ON r.id = gm.role_id LEFT JOIN sub_account s ON s.id = gm.sub_account_id "
                + "WHERE gm.enterprise_id = ? AND gm.group_id IN " + NativeSql.placeholders(groupIds.size())
                + " ORDER BY gm.group_id, s.name_key, r.name_key", NativeSql.parameters(groupIds, enterpriseId))) {
            String text = c[2] == null ? c[1] + " (enterprise level)" : c[1] + " in " + c[2];
            result.computeIfAbsent(((Number) c[0]).longValue(), k -> new ArrayList<>()).add(text);
        }
        return result;
    }

    private static MemberRow member(Object[] c) {
        return new MemberRow((String) c[0], (String) c[1], (String) c[2], bool(c[3]), (String) c[4]);
    }

    private static int pageSize(int limit) {
        return Math.max(1, Math.min(MAX_PAGE, limit));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Escapes LIKE wildcards with '!' (the ESCAPE character of these queries). */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
