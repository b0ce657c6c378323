package com.rollcall.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readiness reflects the migrations, which ran on MariaDB (common + vendor folders). */
@ExtendWith(RollcallServer.class)
class ReadinessIT {
    @Test
    void readyOnceMigratedAndTheDatabaseAnswers() {
        ScimClient health = new ScimClient(RollcallServer.get().baseUrl(), null);
        ScimClient.Response ready = health.get("health/ready");
        assertEquals(200, ready.status(), ready.toString());
        assertEquals("UP", ready.json().getString("status"));
        assertEquals("current", ready.json().getJsonArray("checks").getJsonObject(0).getJsonObject("data").getString("migrations"));
    }

    /** The versions of the migration files in these folders, in order. */
    private static List<String> migrationVersions(String... folders) {
        List<Integer> versions = new ArrayList<>();
        for (String folder : folders) {
            java.io.File[] files = java.nio.file.Path.of("src", "main", "resources", "db", "migration", folder).toFile()
                    .listFiles((dir, name) -> name.matches("V\\d+__.*\\.sql"));
            for (java.io.File file : files) {
                versions.add(Integer.parseInt(file.getName().substring(1, file.getName().indexOf("__"))));
            }
        }
        return versions.stream().sorted().map(String::valueOf).toList();
    }

    @Test
    void migrationsRanOnMariaDbIncludingTheVendorSpecificOne() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        assertEquals(migrationVersions("common", "mysql"), applied, "every migration on disk ran, the MySQL ones included");
        try (Connection c = TestDatabase.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT TABLE_COLLATION FROM information_schema.TABLES "
                     + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'user_account'")) {
            assertTrue(rs.next());
            assertEquals("utf8mb4_bin", rs.getString(1));
        }
    }
}
