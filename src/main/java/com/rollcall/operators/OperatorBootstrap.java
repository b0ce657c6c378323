package com.rollcall.operators;

import com.rollcall.platform.persistence.Constraints;
import com.rollcall.platform.persistence.DatabaseMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * At start, after the migrations: adopts the operator token configured for this server
 * ({@link ConfiguredOperatorToken}), so the first enterprise can be onboarded through {@code /api/operator/v1}.
 * Several instances starting together with the same token store it once (its hash is unique).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class OperatorBootstrap {
    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

    @Inject
    private DatabaseMigrator migrator;

    @Inject
    private OperatorTokenService tokens;

    @PostConstruct
    void adopt() {
        if (!migrator.isMigrated()) {
            return;
        }
        Optional<String> token;
        try {
            Config config = ConfigProvider.getConfig();
            token = ConfiguredOperatorToken.read(name -> config.getOptionalValue(name, String.class));
        } catch (ConfiguredOperatorToken.InvalidTokenException e) {
            LOG.severe(e.getMessage());
            return;
        }
        if (token.isEmpty()) {
            LOG.info("No operator token is configured (ROLLCALL_OPERATOR_TOKEN, -Drollcall.operator.token or a password "
                    + "alias): the operator API accepts only tokens issued before.");
            return;
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                tokens.adoptConfigured(token.get());
                LOG.info("The configured operator token is accepted on /api/operator/v1.");
                return;
            } catch (EJBException e) {
                if (attempt == 2 || !Constraints.violated(e, "uq_operator_token")) {
                    LOG.log(Level.SEVERE, "Could not adopt the configured operator token", e);
                    return;
                }
                // another instance stored it at the same moment: the second attempt finds it
            }
        }
    }
}
