package com.rollcall.platform.bootstrap;

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
 * token {@code ROLLCALL_BOOTSTRAP_TOKEN} (scopes scim+admin), {@code ROLLCALL_BOOTSTRAP_LICENSES} seats.
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
        try {
            boolean created = demoData.ensure(token, password, licenses());
            LOG.info(created ? "Demo enterprise created." : "Demo enterprise present.");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not create the demo enterprise", e);
        }
    }

    private static int licenses() {
        String value = System.getenv("ROLLCALL_BOOTSTRAP_LICENSES");
        try {
            return value == null || value.isBlank() ? 500 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            LOG.warning("ROLLCALL_BOOTSTRAP_LICENSES is not a number; using 500.");
            return 500;
        }
    }
}
