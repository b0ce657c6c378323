package com.rollcall.platform.health;

import com.rollcall.platform.persistence.DatabaseMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the migrations ran, the database answers, and the pool hands out READ COMMITTED
 * connections, and never again once a stop began ({@link GracefulStop})
 * (MicroProfile Health, /health/ready). The isolation level is the pool's setting
 * (server-config/); effective roles stay right under concurrency only with it (EffectiveRoleStore), so a pool
 * configured otherwise is reported here rather than left to give wrong roles under load.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Inject
    private DatabaseMigrator migrator;

    @Inject
    private ServiceState state;

    @Resource(lookup = "jdbc/rollcall")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        if (state.isDraining()) {
            return HealthCheckResponse.named("database").down().withData("instance", "stopping").build();
        }
        if (!migrator.isMigrated()) {
            return HealthCheckResponse.named("database").down()
                    .withData("migrations", migrator.failure() == null ? "pending" : "failed: " + migrator.failure())
                    .build();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            if (connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                return HealthCheckResponse.named("database").down().withData("migrations", "current")
                        .withData("isolation", "the pool's transactions are not READ COMMITTED; set the pool's "
                                + "isolation level to read-committed (see server-config/)").build();
            }
            return HealthCheckResponse.named("database").status(valid).withData("migrations", "current").build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
