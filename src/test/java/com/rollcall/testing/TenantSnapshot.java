package com.rollcall.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
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
        "SELECT COALESCE(MAX(seats_used), -1) AS seats_used FROM license_counter WHERE enterprise_id = ?",
    };

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
