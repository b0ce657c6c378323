package com.rollcall.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real migrations on H2 with the same URL options the embedded default uses
 * (read from server-config/micro-h2.asadmin), and the uniqueness rules they enforce.
 */
class MigrationsOnH2Test {
    private String url;

    @BeforeEach
    void freshDatabase() throws Exception {
        url = "jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1" + embeddedUrlOptions();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("rollcall");
        dataSource.setPassword("rollcall");
        DatabaseMigrator.migrate(dataSource);
    }

    /** The ";MODE=...;..." options of the embedded URL, unescaped from asadmin syntax, without ROLLCALL_H2_OPTIONS. */
    static String embeddedUrlOptions() throws Exception {
        String config = Files.readString(Path.of("server-config", "micro-h2.asadmin"));
        Matcher m = Pattern.compile("URL=jdbc\\\\:h2\\\\:file\\\\:\\S*?/db/rollcall((?:;[^:]+)*):").matcher(config);
        assertTrue(m.find(), "micro-h2.asadmin defines the H2 URL");
        return m.group(1).replace("\\=", "=").replaceAll("\\$\\{ENV=[A-Z0-9_]+\\}", "");
    }

    @Test
    void createsTheWholeDomainAndSeedsBuiltInRoles() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "rollcall", "rollcall"); Statement s = c.createStatement()) {
            for (String table : new String[] {"enterprise", "license_counter", "sub_account", "app_role",
                    "app_role_permission", "user_account", "user_multi_value", "user_group", "group_membership",
                    "group_nesting", "group_mapping", "user_effective_role", "api_client", "console_user", "audit_event"}) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    assertTrue(rs.next(), table);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app_role WHERE built_in = TRUE")) {
                rs.next();
                assertEquals(7, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT consumes_license FROM app_role WHERE code = 'INTEGRATIONS_MANAGER'")) {
                rs.next();
                assertEquals(false, rs.getBoolean(1));
            }
        }
    }

    @Test
    void userNameIsUniquePerEnterpriseThroughItsKeyAndFreedBySoftDelete() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "rollcall", "rollcall"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO enterprise (name, provisioning_mode, identifier_rule, created_at, last_modified, version) "
                    + "VALUES ('A', 'MANAGED_IN_PLATFORM', 'EMAIL', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.executeUpdate(user("u1", "Ann@Example.com", "ann@example.com", "ext-1"));
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> s.executeUpdate(user("u2", "ANN@example.com", "ann@example.com", "ext-2")));
            assertTrue(duplicate.getMessage().toLowerCase().contains("uq_user_name"), duplicate.getMessage());
            // externalId is case-exact: a different letter case is a different value
            s.executeUpdate(user("u3", "bob@example.com", "bob@example.com", "EXT-1"));
            // soft delete nulls the keys; the userName can be provisioned afresh
            s.executeUpdate("UPDATE user_account SET user_name_key = NULL, external_id_key = NULL WHERE scim_id = 'u1'");
            s.executeUpdate(user("u4", "ann@example.com", "ann@example.com", "ext-1"));
        }
    }

    @Test
    void aFormSubmissionIsClaimedOnceAndTheSecondClaimIsIgnoredNotAnError() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "rollcall", "rollcall"); Statement s = c.createStatement()) {
            String claim = "INSERT IGNORE INTO form_submission (token_hash, enterprise_id, login, form, created_at) "
                    + "VALUES ('" + "a".repeat(64) + "', 1, 'admin', 'api-client', CURRENT_TIMESTAMP)";
            assertEquals(1, s.executeUpdate(claim));
            assertEquals(0, s.executeUpdate(claim), "the copy is told it was not first (FormSubmissionRepository.claim)");
        }
    }

    private static String user(String scimId, String userName, String key, String externalId) {
        return "INSERT INTO user_account (enterprise_id, scim_id, user_name, user_name_key, external_id, external_id_key, "
                + "source, active, created_at, last_modified, version) VALUES ((SELECT MIN(id) FROM enterprise), '"
                + scimId + "', '" + userName + "', '" + key + "', '" + externalId + "', '" + externalId
                + "', 'SCIM', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)";
    }
}
