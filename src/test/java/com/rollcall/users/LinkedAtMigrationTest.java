package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.rollcall.platform.persistence.DatabaseMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * V20 on a database that already has linked users: they get linked_at and linked_by from their USER_LINKED audit
 * event (the latest, when there are several); users never linked, and manual users, get none.
 */
class LinkedAtMigrationTest {
    @Test
    void usersLinkedBeforeV20GetTheDateAndClientOfTheirUserLinkedEvent() throws SQLException {
        String url = "jdbc:h2:mem:linked-at-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).locations("classpath:db/migration/common")
                .target("8").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO enterprise (id, name, provisioning_mode, identifier_rule, created_at, last_modified, "
                    + "version) VALUES (1, 'E', 'MANAGED_IN_PLATFORM', 'EMAIL', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)");
            for (String[] user : new String[][] {{"1", "linked", "SCIM"}, {"2", "born-scim", "SCIM"}, {"3", "manual", "MANUAL"}}) {
                s.executeUpdate("INSERT INTO user_account (id, enterprise_id, scim_id, user_name, user_name_key, source, active, "
                        + "holds_seat, created_at, last_modified, version) VALUES (" + user[0] + ", 1, '" + user[1] + "', '"
                        + user[1] + "', '" + user[1] + "', '" + user[2] + "', TRUE, TRUE, '2026-01-01 00:00:00', "
                        + "'2026-01-01 00:00:00', 1)");
            }
            event(s, "2026-02-01 10:00:00.000", "Old IdP", "USER_LINKED", "linked");
            event(s, "2026-03-01 12:30:00.250", "Entra", "USER_LINKED", "linked");
            event(s, "2026-03-02 08:00:00.000", "Entra", "USER_PATCHED", "linked");
            event(s, "2026-03-01 12:30:00.000", "Entra", "USER_CREATED", "born-scim");
        }

        DatabaseMigrator.migrate(dataSource);

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT scim_id, linked_at, linked_by FROM user_account ORDER BY id")) {
            rs.next();
            assertEquals("2026-03-01 12:30:00.25", rs.getString(2), "the latest USER_LINKED event");
            assertEquals("Entra", rs.getString(3));
            rs.next();
            assertNull(rs.getString(2), "created by the IdP: never linked");
            assertNull(rs.getString(3));
            rs.next();
            assertNull(rs.getString(2), "still manual");
        }
    }

    private static void event(Statement s, String at, String actor, String action, String resourceId) throws SQLException {
        s.executeUpdate("INSERT INTO audit_event (enterprise_id, occurred_at, actor_type, actor_name, action, resource_type, "
                + "resource_id) VALUES (1, '" + at + "', 'API_CLIENT', '" + actor + "', '" + action + "', 'User', '"
                + resourceId + "')");
    }
}
