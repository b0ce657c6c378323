package com.rollcall.app;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.platform.persistence.DatabaseMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * With {@code ROLLCALL_DEMO=true} (scripts/run.sh sets it), makes sure the demo enterprise exists
 * after the migrations, with the admin password {@code ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD} and the SCIM
 * token {@code ROLLCALL_BOOTSTRAP_TOKEN} (scopes scim+admin), and {@code ROLLCALL_BOOTSTRAP_LICENSES} seats when
 * it is set (500 when the enterprise is created without it).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class DemoBootstrap {
    private static final Logger LOG = Logger.getLogger(DemoBootstrap.class.getName());

    @Inject
    private DatabaseMigrator migrator;

    @Inject
    private DemoDataService demoData;

    @PostConstruct
    void bootstrap() {
        if (!"true".equalsIgnoreCase(System.getenv("ROLLCALL_DEMO")) || !migrator.isMigrated()) {
            return;
        }
        String token = System.getenv("ROLLCALL_BOOTSTRAP_TOKEN");
        String password = System.getenv("ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD");
        if (token == null || token.isBlank() || password == null || password.isBlank()) {
            LOG.warning("ROLLCALL_DEMO is set but ROLLCALL_BOOTSTRAP_TOKEN or ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD is not; "
                    + "no demo data created.");
            return;
        }
        if (!ApiTokens.plausible(token)) {
            LOG.warning("ROLLCALL_BOOTSTRAP_TOKEN must be 16 to 200 URL-safe characters; no demo data created.");
            return;
        }
        Integer licenses = licenses();
        for (int attempt = 1; ; attempt++) {
            try {
                boolean created = demoData.ensure(token, password, licenses);
                LOG.info(created ? "Demo enterprise created." : "Demo enterprise present.");
                return;
            } catch (RuntimeException e) {
                if (attempt == 1) {
                    // Instances starting together take turns on the startup lock; should one still lose a race (a
                    // unique key, a version), its transaction rolled back whole and a second look finds the winner's.
                    LOG.info(() -> "The demo bootstrap met a concurrent change (" + e.getClass().getSimpleName()
                            + "); trying once more.");
                    continue;
                }
                LOG.log(Level.SEVERE, "Could not create the demo enterprise", e);
                return;
            }
        }
    }

    /** ROLLCALL_BOOTSTRAP_LICENSES, or null when it is not set (or not a number from 0 to 10,000,000). */
    private static Integer licenses() {
        String value = System.getenv("ROLLCALL_BOOTSTRAP_LICENSES");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 0 && limit <= 10_000_000) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        LOG.warning("ROLLCALL_BOOTSTRAP_LICENSES must be a whole number from 0 to 10,000,000; the limit is unchanged.");
        return null;
    }
}
