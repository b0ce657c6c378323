package com.rollcall.export;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backup export (PRODUCT.md rule 11): users, groups, roles and mappings of one enterprise, written to a
 * {@link ExportWriter} as they are read. Users and groups are read in keyset batches by id and group members
 * in pages, so memory stays flat whatever the enterprise's size. One read-only transaction per export.
 */
@Stateless
public class BackupExportService {
    static final int BATCH = 1000;
    static final int MEMBER_PAGE = 5000;

    @PersistenceContext
    private EntityManager em;

    public void export(long enterpriseId, List<ExportKind> kinds, ExportWriter out) {
        try {
            out.begin();
            for (ExportKind kind : kinds) {
                out.beginSection(kind);
                switch (kind) {
                    case USERS -> users(enterpriseId, out);
                    case GROUPS -> groups(enterpriseId, out);
                    case ROLES -> roles(enterpriseId, out);
                    case MAPPINGS -> mappings(enterpriseId, out);
                }
                out.endSection();
            }
            out.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void users(long enterpriseId, ExportWriter out) throws IOException {
        long after = 0;
        while (true) {
            List<Object[]> rows = rows(em.createNativeQuery("SELECT u.id, u.scim_id, u.user_name, u.external_id, u.active, "
                            + "u.source, u.given_name, u.family_name, u.middle_name, u.name_formatted, u.display_name, u.title, "
                            + "u.employee_number, u.department, u.created_at, u.last_modified FROM user_account u "
                            + "WHERE u.enterprise_id = ?1 AND u.deleted_at IS NULL AND u.id > ?2 ORDER BY u.id")
                    .setParameter(1, enterpriseId).setParameter(2, after).setMaxResults(BATCH).getResultList());
            if (rows.isEmpty()) {
                return;
            }
            long first = ((Number) rows.get(0)[0]).longValue();
            after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
            Map<Long, List<Map<String, Object>>> emails = new LinkedHashMap<>();
            for (Object[] e : rows(em.createNativeQuery("SELECT m.user_id, m.item_value, m.item_type, m.is_primary "
                            + "FROM user_multi_value m WHERE m.enterprise_id = ?1 AND m.attribute = 'emails' "
                            + "AND m.user_id BETWEEN ?2 AND ?3 ORDER BY m.user_id, m.ordinal")
                    .setParameter(1, enterpriseId).setParameter(2, first).setParameter(3, after).getResultList())) {
                Map<String, Object> email = new LinkedHashMap<>();
                email.put("value", e[1]);
                email.put("type", e[2]);
                email.put("primary", bool(e[3]));
                emails.computeIfAbsent(((Number) e[0]).longValue(), k -> new ArrayList<>()).add(email);
            }
            for (Object[] u : rows) {
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("id", u[1]);
                user.put("userName", u[2]);
                user.put("externalId", u[3]);
                user.put("active", bool(u[4]));
                user.put("source", u[5]);
                user.put("givenName", u[6]);
                user.put("familyName", u[7]);
                user.put("middleName", u[8]);
                user.put("formattedName", u[9]);
                user.put("displayName", u[10]);
                user.put("title", u[11]);
                user.put("employeeNumber", u[12]);
                user.put("department", u[13]);
                user.put("emails", emails.getOrDefault(((Number) u[0]).longValue(), List.of()));
                user.put("createdAt", instant(u[14]));
                user.put("lastModified", instant(u[15]));
                out.record(user);
            }
        }
    }

    private void groups(long enterpriseId, ExportWriter out) throws IOException {
        long after = 0;
        while (true) {
            List<Object[]> rows = rows(em.createNativeQuery("SELECT g.id, g.scim_id, g.display_name, g.external_id, "
                            + "g.member_count, g.created_at, g.last_modified FROM user_group g "
                            + "WHERE g.enterprise_id = ?1 AND g.id > ?2 ORDER BY g.id")
                    .setParameter(1, enterpriseId).setParameter(2, after).setMaxResults(BATCH).getResultList());
            if (rows.isEmpty()) {
                return;
            }
            after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
            for (Object[] g : rows) {
                long groupId = ((Number) g[0]).longValue();
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("id", g[1]);
                group.put("displayName", g[2]);
                group.put("externalId", g[3]);
                group.put("memberCount", ((Number) g[4]).longValue());
                group.put("members", memberIds(enterpriseId, groupId));
                group.put("memberGroups", strings(em.createNativeQuery("SELECT m.scim_id FROM group_nesting n "
                                + "JOIN user_group m ON m.id = n.member_group_id WHERE n.group_id = ?1 AND n.enterprise_id = ?2 "
                                + "ORDER BY m.id").setParameter(1, groupId).setParameter(2, enterpriseId).getResultList()));
                group.put("createdAt", instant(g[5]));
                group.put("lastModified", instant(g[6]));
                out.record(group);
            }
        }
    }

    /** The group's live members' SCIM ids, read in pages by user id. */
    private List<String> memberIds(long enterpriseId, long groupId) {
        List<String> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Object[]> page = rows(em.createNativeQuery("SELECT u.id, u.scim_id FROM group_membership gm "
                            + "JOIN user_account u ON u.id = gm.user_id WHERE gm.group_id = ?1 AND gm.enterprise_id = ?2 "
                            + "AND u.deleted_at IS NULL AND gm.user_id > ?3 ORDER BY gm.user_id")
                    .setParameter(1, groupId).setParameter(2, enterpriseId).setParameter(3, after)
                    .setMaxResults(MEMBER_PAGE).getResultList());
            page.forEach(r -> ids.add((String) r[1]));
            if (page.size() < MEMBER_PAGE) {
                return ids;
            }
            after = ((Number) page.get(page.size() - 1)[0]).longValue();
        }
    }

    private void roles(long enterpriseId, ExportWriter out) throws IOException {
        Map<Long, List<String>> permissions = new LinkedHashMap<>();
        for (Object[] p : rows(em.createNativeQuery("SELECT p.role_id, p.permission FROM app_role_permission p "
                        + "JOIN app_role r ON r.id = p.role_id WHERE r.enterprise_id IS NULL OR r.enterprise_id = ?1 "
                        + "ORDER BY p.role_id, p.permission").setParameter(1, enterpriseId).getResultList())) {
            permissions.computeIfAbsent(((Number) p[0]).longValue(), k -> new ArrayList<>()).add((String) p[1]);
        }
        for (Object[] r : rows(em.createNativeQuery("SELECT r.id, r.code, r.name, r.scope, r.group_manager, r.full_access, "
                        + "r.consumes_license, r.built_in FROM app_role r WHERE r.enterprise_id IS NULL OR r.enterprise_id = ?1 "
                        + "ORDER BY r.built_in DESC, r.name_key").setParameter(1, enterpriseId).getResultList())) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("id", Long.toString(((Number) r[0]).longValue()));
            role.put("code", r[1]);
            role.put("name", r[2]);
            role.put("scope", r[3]);
            role.put("groupManager", bool(r[4]));
            role.put("fullAccess", bool(r[5]));
            role.put("consumesLicense", bool(r[6]));
            role.put("builtIn", bool(r[7]));
            role.put("permissions", permissions.getOrDefault(((Number) r[0]).longValue(), List.of()));
            out.record(role);
        }
    }

    private void mappings(long enterpriseId, ExportWriter out) throws IOException {
        for (Object[] m : rows(em.createNativeQuery("SELECT gm.id, g.scim_id, g.display_name, s.id, s.name, r.id, r.code, r.name "
                        + "FROM group_mapping gm JOIN user_group g ON g.id = gm.group_id JOIN app_role r ON r.id = gm.role_id "
                        + "LEFT JOIN sub_account s ON s.id = gm.sub_account_id WHERE gm.enterprise_id = ?1 ORDER BY gm.id")
                .setParameter(1, enterpriseId).getResultList())) {
            Map<String, Object> mapping = new LinkedHashMap<>();
            mapping.put("id", Long.toString(((Number) m[0]).longValue()));
            mapping.put("groupId", m[1]);
            mapping.put("groupDisplayName", m[2]);
            mapping.put("level", m[3] == null ? "ENTERPRISE" : "SUB_ACCOUNT");
            mapping.put("subAccountId", m[3] == null ? null : Long.toString(((Number) m[3]).longValue()));
            mapping.put("subAccountName", m[4]);
            mapping.put("roleId", Long.toString(((Number) m[5]).longValue()));
            mapping.put("roleCode", m[6]);
            mapping.put("roleName", m[7]);
            out.record(mapping);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static List<String> strings(List<?> result) {
        return result.stream().map(String::valueOf).toList();
    }

    private static Boolean bool(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static String instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toString();
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC).toString();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        return value.toString();
    }
}
