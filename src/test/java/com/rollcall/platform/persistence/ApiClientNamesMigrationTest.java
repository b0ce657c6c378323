package com.rollcall.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * V40 on data written before API client names were required and unique: the upgrade never fails, blank names get
 * "API client <id>", live namesakes (letter case and spaces aside) get " (2)", " (3)" in id order, a name so given
 * that another client already held gets " (#id)" too (the holder keeps it), revoked clients keep theirs, and the
 * unique key holds from then on.
 */
class ApiClientNamesMigrationTest {
    @Test
    void existingBlankAndDuplicateNamesAreRenamedDeterministically() throws Exception {
        String url = "jdbc:h2:mem:v40-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1" + MigrationsOnH2Test.embeddedUrlOptions();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("rollcall");
        dataSource.setPassword("rollcall");
        Flyway.configure(DatabaseMigrator.class.getClassLoader()).dataSource(dataSource)
                .locations(DatabaseMigrator.locations(dataSource)).failOnMissingLocations(false).target("31").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "rollcall", "rollcall"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO enterprise (name, provisioning_mode, identifier_rule, created_at, last_modified, "
                    + "version) VALUES ('A', 'MANAGED_IN_PLATFORM', 'EMAIL', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.executeUpdate("INSERT INTO enterprise (name, provisioning_mode, identifier_rule, created_at, last_modified, "
                    + "version) VALUES ('B', 'MANAGED_IN_PLATFORM', 'EMAIL', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            client(s, 1, "A", "Entra", false);
            client(s, 2, "A", " entra ", false);
            client(s, 3, "A", "Entra (2)", false);
            client(s, 4, "A", "ENTRA", false);
            client(s, 5, "A", "   ", false);
            client(s, 6, "A", "Entra", true);
            client(s, 7, "B", "Entra", false);
            client(s, 8, "A", "", true);
        }
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = DriverManager.getConnection(url, "rollcall", "rollcall"); Statement s = c.createStatement()) {
            Map<Long, String> names = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT id, name FROM api_client ORDER BY id")) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                }
            }
            assertEquals(Map.of(1L, "Entra", 2L, "entra (2) (#2)", 3L, "Entra (2)", 4L, "ENTRA (3)", 5L, "API client 5",
                    6L, "Entra", 7L, "Entra", 8L, "API client 8"), names);
            SQLException taken = assertThrows(SQLException.class, () -> client(s, 9, "A", "x", false, "entra (3)"));
            assertTrue(taken.getMessage().toLowerCase().contains("uq_api_client_name"), taken.getMessage());
            client(s, 10, "A", "Entra", true);
        }
    }

    private static void client(Statement s, long id, String enterprise, String name, boolean revoked) throws SQLException {
        client(s, id, enterprise, name, revoked, null);
    }

    private static void client(Statement s, long id, String enterprise, String name, boolean revoked, String key)
            throws SQLException {
        s.executeUpdate("INSERT INTO api_client (id, enterprise_id, name, " + (key == null ? "" : "name_key, ")
                + "token_hash, token_hint, scopes, created_at, version, revoked_at) VALUES (" + id
                + ", (SELECT id FROM enterprise WHERE name = '" + enterprise + "'), '" + name + "', "
                + (key == null ? "" : "'" + key + "', ") + "'" + String.format("%064d", id) + "', 'rc_x', 'scim', "
                + "CURRENT_TIMESTAMP, 0, " + (revoked ? "CURRENT_TIMESTAMP" : "NULL") + ")");
    }
}
