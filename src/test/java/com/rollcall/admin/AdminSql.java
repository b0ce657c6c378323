package com.rollcall.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import com.rollcall.testing.TestDatabase;

/** Raw SQL updates for what no API may do (the operator's license limit, a counter drifted by hand). */
final class AdminSql {
    private AdminSql() {
    }

    static void execute(String sql, Object... parameters) {
        insert(sql, parameters);
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
