package com.rollcall.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import com.rollcall.testing.TestDatabase;

/** Test data the admin API reads but no API of ours writes yet (manual users, mappings), by SQL. */
final class AdminSql {
    private AdminSql() {
    }

    /** A live manual user; returns its SCIM id. */
    static String manualUser(long enterpriseId, String userName, String email, String employeeNumber) {
        String scimId = UUID.randomUUID().toString();
        long id = insert("INSERT INTO user_account (enterprise_id, scim_id, user_name, user_name_key, source, active, "
                + "employee_number, employee_number_key, created_at, last_modified, version) VALUES (?, ?, ?, ?, 'MANUAL', TRUE, "
                + "?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 1)", enterpriseId, scimId, userName, userName.toLowerCase(),
                employeeNumber, employeeNumber == null ? null : employeeNumber.strip().toLowerCase());
        if (email != null) {
            insert("INSERT INTO user_multi_value (user_id, ordinal, enterprise_id, attribute, is_primary, item_value, item_value_key) "
                    + "VALUES (?, 0, ?, 'emails', TRUE, ?, ?)", id, enterpriseId, email, email.toLowerCase());
        }
        return scimId;
    }

    static void execute(String sql, Object... parameters) {
        insert(sql, parameters);
    }

    /** Maps a group (by SCIM id) at the enterprise level to a built-in role. */
    static void mapGroup(long enterpriseId, String groupScimId, String roleCode) {
        insert("INSERT INTO group_mapping (enterprise_id, group_id, sub_account_id, scope_key, role_id, created_at) "
                + "SELECT ?, g.id, NULL, 0, r.id, UTC_TIMESTAMP(3) FROM user_group g, app_role r "
                + "WHERE g.scim_id = ? AND r.code = ?", enterpriseId, groupScimId, roleCode);
    }

    private static long insert(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
