package com.rollcall.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database. Flyway owns the schema:
 * {@code db/migration/common} everywhere, plus {@code db/migration/mysql} on MySQL and MariaDB for the
 * few statements H2 does not share (Flyway 13 has no {@code {vendor}} placeholder, so the folder is
 * chosen here from the connection's metadata). Bean-managed transactions: Flyway drives its own.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());
    /**
     * Flyway's "Database: jdbc:mysql:... (MySQL 5.5)" line misnames MariaDB (which reports itself as "5.5.5-10.x" to
     * MySQL's driver); Rollcall logs the database's own name and version instead (kept in a field: JUL holds loggers
     * weakly, and a collected one would lose its level).
     */
    private static final Logger FLYWAY_EXECUTOR = Logger.getLogger("org.flywaydb.core.FlywayExecutor");

    @Resource(lookup = "jdbc/rollcall")
    private DataSource dataSource;

    private volatile boolean migrated;
    private volatile String failure;

    @PostConstruct
    void migrateAtStartup() {
        FLYWAY_EXECUTOR.setLevel(Level.WARNING);
        try {
            String database = describe(dataSource);
            LOG.info(() -> "Database: " + database);
            MigrateResult result = migrate(dataSource);
            // Flyway leaves targetSchemaVersion null when there was nothing to apply: the schema is then at its initial
            // version ("schema at version null" was logged at every restart)
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            LOG.info(() -> "Rollcall schema at version " + version + " (" + result.migrationsExecuted
                    + " migrations applied now)");
            migrated = true;
        } catch (RuntimeException | SQLException e) {
            failure = e.getClass().getSimpleName();
            LOG.log(Level.SEVERE, "Rollcall could not migrate its database; the service stays not ready", e);
        }
    }

    /** Runs the migrations for the database behind {@code dataSource}. */
    public static MigrateResult migrate(DataSource dataSource) throws SQLException {
        return Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations(dataSource))
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    static String[] locations(DataSource dataSource) throws SQLException {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return new String[] {"classpath:db/migration/common", "classpath:db/migration/mysql"};
        }
        return new String[] {"classpath:db/migration/common"};
    }

    /** The database's product and version as it states them, e.g. "MariaDB 10.11.14-MariaDB-0+deb12u1". */
    static String describe(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String version = connection.getMetaData().getDatabaseProductVersion();
            String lower = product.toLowerCase(Locale.ROOT);
            if (lower.contains("mysql") || lower.contains("mariadb")) {
                try (java.sql.Statement statement = connection.createStatement();
                     java.sql.ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
                    if (rs.next()) {
                        version = rs.getString(1);
                    }
                }
                product = version.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
            }
            return product + " " + version;
        }
    }

    /** True once the schema is current; readiness and the request gate depend on it. */
    @Lock(LockType.READ)
    public boolean isMigrated() {
        return migrated;
    }

    @Lock(LockType.READ)
    public String failure() {
        return failure;
    }
}
