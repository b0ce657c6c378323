package com.rollcall.events;

import com.rollcall.platform.health.FailureLog;
import com.rollcall.platform.persistence.DatabaseMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Retention of the change feed: every {@code rollcall.events.pruneSeconds} (default 3,600) each instance removes
 * events older than {@code rollcall.events.retentionDays} (default 30), in bounded steps, and delivery attempts older
 * than 30 days. Removing is idempotent, so instances doing it at the same time do no harm.
 */
@Singleton
@Startup
public class EventRetention {
    private static final Logger LOG = Logger.getLogger(EventRetention.class.getName());
    private static final FailureLog FAILURES = new FailureLog(LOG, 60);
    private static final int STEP = 10_000;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private EventFeedService feed;

    @Inject
    private WebhookService webhooks;

    @Inject
    private DatabaseMigrator migrator;

    private volatile boolean stopping;
    private ScheduledFuture<?> pruner;

    @PostConstruct
    void start() {
        long every = Math.max(1, ConfigProvider.getConfig().getOptionalValue("rollcall.events.pruneSeconds", Long.class)
                .orElse(3_600L));
        pruner = scheduler.scheduleWithFixedDelay(this::prune, Math.min(every, 60), every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (pruner != null) {
            pruner.cancel(false);
        }
    }

    private void prune() {
        if (stopping || !migrator.isMigrated()) {
            return;
        }
        try {
            int removed;
            do {
                removed = feed.prune(STEP);
            } while (removed > 0 && !stopping);
            webhooks.pruneDeliveries();
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, "retention", "Could not remove old change events; retrying later", e);
        }
    }
}
