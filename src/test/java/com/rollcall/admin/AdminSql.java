package com.rollcall.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import com.rollcall.testing.TestDatabase;

/** Test data by SQL where no API writes it in the shape a test needs (mappings, raw updates). */
final class AdminSql {
    private AdminSql() {
    }

    static void execute(String sql, Object... parameters) {
        insert(sql, parameters);
    }

    /** Maps a group (by SCIM id) at the enterprise level to a built-in role. */
    static void mapGroup(long enterpriseId, String groupScimId, String roleCode) {
        insert("INSERT INTO group_mapping (enterprise_id, group_id, sub_account_id, scope_key, role_id, created_at) "
                + "SELECT ?, g.id, NULL, 0, r.id, ? FROM user_group g, app_role r "
                + "WHERE g.scim_id = ? AND r.code = ?", enterpriseId, TestDatabase.utcNow(), groupScimId, roleCode);
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
