package com.rollcall.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
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

    @Resource(lookup = "jdbc/rollcall")
    private DataSource dataSource;

    private volatile boolean migrated;
    private volatile String failure;

    @PostConstruct
    void migrateAtStartup() {
        try {
            MigrateResult result = migrate(dataSource);
            LOG.info(() -> "Rollcall schema at version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations applied now)");
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

    /** True once the schema is current; readiness depends on it. */
    public boolean isMigrated() {
        return migrated;
    }

    public String failure() {
        return failure;
    }
}
