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

/** Ready only once the migrations ran and the database answers (MicroProfile Health, /health/ready). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Inject
    private DatabaseMigrator migrator;

    @Resource(lookup = "jdbc/rollcall")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        if (!migrator.isMigrated()) {
            return HealthCheckResponse.named("database").down()
                    .withData("migrations", migrator.failure() == null ? "pending" : "failed: " + migrator.failure())
                    .build();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("database").status(valid).withData("migrations", "current").build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
