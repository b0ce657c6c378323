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
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers webhooks from this instance on the server's managed scheduled executor (Jakarta Concurrency), like the
 * remap jobs: every {@code rollcall.webhooks.pollMillis} it looks for active endpoints whose retry time has come and
 * that have events after their cursor (at most {@value #MAX_CONCURRENT} at once per instance), claims each with a conditional UPDATE (a lease of
 * {@link WebhookService#LEASE}, renewed with every delivery: one instance at a time per endpoint, so an enterprise's
 * events reach an endpoint in position order), and sends them one after another. A failure stops the endpoint's
 * delivery until its retry time (backoff with jitter); everything lives in the database, so after a restart, or when
 * an instance dies (its lease runs out), delivery continues from the endpoint's cursor: at least once, the event id
 * telling a receiver what it has seen.
 */
@Singleton
@Startup
public class WebhookRunner {
    private static final Logger LOG = Logger.getLogger(WebhookRunner.class.getName());
    private static final int BATCH = 100;
    /** Endpoints this instance delivers to at once (each sends its events one after another). */
    private static final int MAX_CONCURRENT = 8;
    private static final int MAX_BACKOFF_SECONDS = 30;
    /** One line a minute per kind while the database is gone, as the remap poller's (not a trace a second). */
    private static final FailureLog FAILURES = new FailureLog(LOG, 60);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private WebhookService webhooks;

    @Inject
    private WebhookSender sender;

    @Inject
    private DatabaseMigrator migrator;

    private final String instance = host() + "/" + UUID.randomUUID();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    /** While looking for deliveries fails: the wait before the next look, 2, 4 … 30 s. */
    private volatile int backoffSeconds;
    private volatile long nextPollNanos = System.nanoTime();
    private ScheduledFuture<?> poller;

    @PostConstruct
    void start() {
        long every = Math.max(50, WebhookSettings.get().pollMillis());
        poller = scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (poller != null) {
            poller.cancel(false);
        }
    }

    private void poll() {
        if (stopping || !migrator.isMigrated() || System.nanoTime() - nextPollNanos < 0) {
            return;
        }
        int room = MAX_CONCURRENT - running.size();
        if (room <= 0) {
            return;
        }
        try {
            for (WebhookRepository.Due due : webhooks.due(room)) {
                if (running.add(due.id())) {
                    if (webhooks.claim(due.id(), instance)) {
                        scheduler.execute(() -> deliver(due.id()));
                    } else {
                        running.remove(due.id());
                    }
                }
            }
            if (backoffSeconds > 0) {
                LOG.info("Webhook deliveries: the database answers again");
                backoffSeconds = 0;
            }
        } catch (RuntimeException e) {
            backoffSeconds = backoffSeconds == 0 ? 2 : Math.min(backoffSeconds * 2, MAX_BACKOFF_SECONDS);
            nextPollNanos = System.nanoTime() + backoffSeconds * 1_000_000_000L;
            FAILURES.log(Level.WARNING, "webhook poll", "Could not look for webhook deliveries; next try in "
                    + backoffSeconds + " s", e);
        }
    }

    /** Sends the endpoint's events in order until none is left, one fails, or the claim is lost. */
    private void deliver(long endpointId) {
        try {
            while (!stopping) {
                Optional<WebhookService.Work> work = webhooks.work(endpointId, BATCH);
                if (work.isEmpty() || work.get().events().isEmpty()) {
                    webhooks.release(endpointId, instance);
                    return;
                }
                Long skipped = null;
                for (FeedEvent event : work.get().events()) {
                    if (stopping) {
                        break;
                    }
                    if (!work.get().wants(event)) {
                        skipped = event.position();
                        continue;
                    }
                    if (skipped != null && !webhooks.skip(endpointId, instance, skipped)) {
                        return;
                    }
                    skipped = null;
                    WebhookSender.Result result = sender.send(work.get().endpoint().url(), work.get().secret(), event);
                    if (!webhooks.attempted(endpointId, instance, event, result)) {
                        return;
                    }
                }
                if (skipped != null && !webhooks.skip(endpointId, instance, skipped)) {
                    return;
                }
            }
            webhooks.release(endpointId, instance);
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, "webhook delivery", "Webhook delivery to endpoint " + endpointId
                    + " stopped; it is retried", e);
            try {
                webhooks.release(endpointId, instance);
            } catch (RuntimeException ignored) {
                // the lease runs out on its own
            }
        } finally {
            running.remove(endpointId);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "instance";
        }
    }
}
