package com.rollcall.operators;

import com.rollcall.platform.persistence.Constraints;
import com.rollcall.platform.persistence.DatabaseMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

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
        Optional<ConfiguredOperatorToken.Configured> token;
        try {
            token = configured();
        } catch (ConfiguredOperatorToken.InvalidTokenException e) {
            LOG.severe(e.getMessage());
            return;
        } catch (RuntimeException e) {
            // the configuration itself failed (e.g. a recursive expression): the service still starts
            LOG.severe("Could not read " + ConfiguredOperatorToken.PROPERTY + " (" + e.getClass().getSimpleName()
                    + "); no operator token is adopted.");
            return;
        }
        if (token.isEmpty()) {
            LOG.info("No operator token is configured (ROLLCALL_OPERATOR_TOKEN, -Drollcall.operator.token, the password "
                    + "alias rollcall.operator.token, or ${ALIAS=name} in one of them): the operator API accepts only "
                    + "tokens issued before.");
            return;
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                if (tokens.adoptConfigured(token.get().token())) {
                    LOG.info("The configured operator token (from " + token.get().origin() + ") is accepted on "
                            + "/api/operator/v1.");
                }
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

    /** rollcall.operator.token from this server's MicroProfile Config sources, highest ordinal first. */
    private static Optional<ConfiguredOperatorToken.Configured> configured()
            throws ConfiguredOperatorToken.InvalidTokenException {
        Config config = ConfigProvider.getConfig();
        List<ConfigSource> ordered = new ArrayList<>();
        config.getConfigSources().forEach(ordered::add);
        // the specification orders them already; a stable sort costs nothing and relies on less
        ordered.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
        List<ConfiguredOperatorToken.Source> sources = ordered.stream().map(OperatorBootstrap::source).toList();
        return ConfiguredOperatorToken.read(sources, name -> config.getOptionalValue(name, String.class));
    }

    private static ConfiguredOperatorToken.Source source(ConfigSource source) {
        return new ConfiguredOperatorToken.Source() {
            @Override
            public String name() {
                return source.getName();
            }

            @Override
            public Optional<String> value(String property) {
                return Optional.ofNullable(source.getValue(property));
            }
        };
    }
}
