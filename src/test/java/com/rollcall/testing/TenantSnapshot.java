package com.rollcall.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a SCIM request could have changed for one enterprise, read by SQL from the test database:
 * row counts, version sums and last modifications of users, multi-values, groups, memberships,
 * nestings, audit events and the seat counter. Two equal snapshots mean nothing was written.
 */
public final class TenantSnapshot {
    private static final String[] QUERIES = {
        "SELECT COUNT(*) AS users, COALESCE(SUM(version), 0) AS user_versions, "
                + "COALESCE(SUM(CASE WHEN deleted_at IS NULL THEN 1 ELSE 0 END), 0) AS live_users, "
                + "COALESCE(SUM(CASE WHEN active THEN 1 ELSE 0 END), 0) AS active_users, "
                + "MAX(last_modified) AS users_last_modified FROM user_account WHERE enterprise_id = ?",
        "SELECT COUNT(*) AS user_multi_values FROM user_multi_value WHERE enterprise_id = ?",
        "SELECT COUNT(*) AS groups_, COALESCE(SUM(version), 0) AS group_versions, "
                + "COALESCE(SUM(member_count), 0) AS member_counts, MAX(last_modified) AS groups_last_modified "
                + "FROM user_group WHERE enterprise_id = ?",
        "SELECT COUNT(*) AS memberships FROM group_membership WHERE enterprise_id = ?",
        "SELECT COUNT(*) AS nestings FROM group_nesting WHERE enterprise_id = ?",
        "SELECT COUNT(*) AS audit_events FROM audit_event WHERE enterprise_id = ?",
        "SELECT COALESCE(MAX(seats_used), -1) AS seats_used, COALESCE(MAX(license_limit), -1) AS license_limit "
                + "FROM license_counter WHERE enterprise_id = ?",
        "SELECT COUNT(*) AS console_users, COALESCE(SUM(version), 0) AS console_user_versions, "
                + "COALESCE(SUM(CASE WHEN disabled THEN 1 ELSE 0 END), 0) AS disabled_console_users "
                + "FROM console_user WHERE enterprise_id = ?",
        "SELECT COUNT(*) AS license_requests, COALESCE(SUM(version), 0) AS license_request_versions "
                + "FROM license_request WHERE enterprise_id = ?",
    };

    /** Table -> every row of the enterprise in it, ordered by key (the one parameter is the enterprise id). */
    private static final Map<String, String> FULL = new LinkedHashMap<>();

    static {
        FULL.put("enterprise", "SELECT * FROM enterprise WHERE id = ?");
        FULL.put("license_counter", "SELECT * FROM license_counter WHERE enterprise_id = ?");
        FULL.put("license_refusal", "SELECT * FROM license_refusal WHERE enterprise_id = ? ORDER BY id");
        FULL.put("sub_account", "SELECT * FROM sub_account WHERE enterprise_id = ? ORDER BY id");
        FULL.put("app_role", "SELECT * FROM app_role WHERE enterprise_id = ? ORDER BY id");
        FULL.put("app_role_permission", "SELECT p.* FROM app_role_permission p JOIN app_role r ON r.id = p.role_id "
                + "WHERE r.enterprise_id = ? ORDER BY p.role_id, p.permission");
        FULL.put("user_account", "SELECT * FROM user_account WHERE enterprise_id = ? ORDER BY id");
        FULL.put("user_multi_value", "SELECT * FROM user_multi_value WHERE enterprise_id = ? ORDER BY user_id, ordinal");
        FULL.put("user_group", "SELECT * FROM user_group WHERE enterprise_id = ? ORDER BY id");
        FULL.put("group_membership", "SELECT * FROM group_membership WHERE enterprise_id = ? ORDER BY group_id, user_id");
        FULL.put("group_nesting", "SELECT * FROM group_nesting WHERE enterprise_id = ? ORDER BY group_id, member_group_id");
        FULL.put("group_mapping", "SELECT * FROM group_mapping WHERE enterprise_id = ? ORDER BY id");
        FULL.put("user_effective_role", "SELECT * FROM user_effective_role WHERE enterprise_id = ? ORDER BY user_id, scope_key");
        FULL.put("audit_event", "SELECT * FROM audit_event WHERE enterprise_id = ? ORDER BY id");
        FULL.put("remap_job", "SELECT * FROM remap_job WHERE enterprise_id = ? ORDER BY id");
        FULL.put("console_user", "SELECT * FROM console_user WHERE enterprise_id = ? ORDER BY id");
        FULL.put("license_request", "SELECT * FROM license_request WHERE enterprise_id = ? ORDER BY id");
    }

    private TenantSnapshot() {
    }

    /** The enterprise's current state, as an ordered name → value map (readable in assertion messages). */
    public static Map<String, String> of(Tenant tenant) {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection c = TestDatabase.connect()) {
            for (String sql : QUERIES) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, tenant.enterpriseId());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        ResultSetMetaData meta = rs.getMetaData();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            values.put(meta.getColumnLabel(i), String.valueOf(rs.getObject(i)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    /**
     * Every row of every table an enterprise's writes can touch, in full, by table: the enterprise, its seat
     * counter and license refusals, sub-accounts, custom roles, users, their multi-valued attributes, groups,
     * memberships, nestings, mappings, stored effective roles, audit events, remap jobs, console users and license
     * requests. Rows are their
     * column values in order, ordered by key. (API clients are left out: every request stamps their last use.)
     */
    public static Map<String, List<String>> full(Tenant tenant) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = TestDatabase.connect()) {
            for (Map.Entry<String, String> table : FULL.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(table.getValue())) {
                    s.setLong(1, tenant.enterpriseId());
                    try (ResultSet rs = s.executeQuery()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                row.append(i == 1 ? "" : ", ").append(meta.getColumnLabel(i).toLowerCase(Locale.ROOT))
                                        .append('=').append(rs.getString(i));
                            }
                            rows.add(row.toString());
                        }
                    }
                }
                tables.put(table.getKey(), rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    /**
     * Asserts that between two {@link #full} snapshots nothing changed but one more license refusal: what a
     * request refused at the license limit may leave, however late in its transaction the refusal came.
     */
    public static void assertOnlyARefusalWasAdded(Map<String, List<String>> before, Map<String, List<String>> after,
            String what) {
        Map<String, List<String>> beforeRest = new LinkedHashMap<>(before);
        Map<String, List<String>> afterRest = new LinkedHashMap<>(after);
        List<String> refusalsBefore = beforeRest.remove("license_refusal");
        List<String> refusalsAfter = afterRest.remove("license_refusal");
        if (!beforeRest.equals(afterRest)) {
            throw new AssertionError(what + ": the refused request left changes behind:\n" + difference(beforeRest, afterRest));
        }
        if (refusalsAfter.size() != refusalsBefore.size() + 1 || !refusalsAfter.containsAll(refusalsBefore)) {
            throw new AssertionError(what + ": expected exactly one more license refusal; before " + refusalsBefore
                    + ", after " + refusalsAfter);
        }
    }

    /** The rows that only one of two snapshots has, by table. */
    public static String difference(Map<String, List<String>> before, Map<String, List<String>> after) {
        StringBuilder text = new StringBuilder();
        for (String table : after.keySet()) {
            List<String> gone = new ArrayList<>(before.getOrDefault(table, List.of()));
            gone.removeAll(after.get(table));
            List<String> added = new ArrayList<>(after.get(table));
            added.removeAll(before.getOrDefault(table, List.of()));
            gone.forEach(row -> text.append("  ").append(table).append(" - ").append(row).append('\n'));
            added.forEach(row -> text.append("  ").append(table).append(" + ").append(row).append('\n'));
        }
        return text.toString();
    }

    /** The number of live (not soft-deleted) users of the enterprise. */
    public static long liveUsers(Tenant tenant) {
        return Long.parseLong(of(tenant).get("live_users"));
    }

    /** The stored member_count of a group, by SCIM id. */
    public static int memberCount(String groupScimId) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT member_count FROM user_group WHERE scim_id = ?")) {
            s.setString(1, groupScimId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no group row " + groupScimId);
                }
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
