package com.rollcall.remap;

import com.rollcall.platform.health.FailureLog;
import com.rollcall.platform.health.ServiceState;
import com.rollcall.platform.persistence.DatabaseMigrator;
import com.rollcall.platform.persistence.DatabaseOutage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs remap jobs on this instance with the server's managed scheduled executor (Jakarta Concurrency):
 * once a second it claims queued, own, or abandoned jobs and runs their batches one after another. Each
 * instance has its own name, so after a restart the jobs of the previous process are taken over once their
 * heartbeat is stale. A job that fails five times in a row is marked FAILED with the error's kind; a database outage
 * is not the job's fault and does not count: the poller backs off (2, 4 … 30 s) and logs one line a minute. When the
 * instance stops ({@link ServiceState#isDraining}) a running job stops at its next batch boundary.
 */
@Singleton
@Startup
public class RemapJobRunner {
    private static final Logger LOG = Logger.getLogger(RemapJobRunner.class.getName());
    private static final int ATTEMPTS = 5;
    /** The longest pause between polls while the database fails. */
    private static final int MAX_BACKOFF_SECONDS = 30;
    private static final FailureLog FAILURES = new FailureLog(LOG, 60);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private RemapJobService jobs;

    @Inject
    private DatabaseMigrator migrator;

    @Inject
    private ServiceState state;

    private final String instance = host() + "/" + UUID.randomUUID();
    private final Map<Long, Integer> failures = new HashMap<>();
    private volatile boolean stopping;
    private ScheduledFuture<?> poller;
    /** Seconds to wait after the last failed poll (0 while polls succeed), and when the next poll may run. */
    private int backoffSeconds;
    private long nextPollNanos = System.nanoTime();

    @PostConstruct
    void start() {
        poller = scheduler.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (poller != null) {
            poller.cancel(false);
        }
    }

    private boolean halted() {
        return stopping || state.isDraining();
    }

    private void poll() {
        if (halted() || !migrator.isMigrated() || System.nanoTime() - nextPollNanos < 0) {
            return;
        }
        try {
            for (long jobId : jobs.claim(instance)) {
                run(jobId);
            }
            if (backoffSeconds > 0) {
                LOG.info("Remap jobs: the database answers again; polling every second");
                backoffSeconds = 0;
            }
        } catch (RuntimeException e) {
            backOff("Could not claim remap jobs", e);
        }
    }

    /** Polls again only after 2, 4, 8 … 30 s while the database fails: one line a minute, not a trace a second. */
    private void backOff(String what, RuntimeException e) {
        backoffSeconds = backoffSeconds == 0 ? 2 : Math.min(backoffSeconds * 2, MAX_BACKOFF_SECONDS);
        nextPollNanos = System.nanoTime() + backoffSeconds * 1_000_000_000L;
        FAILURES.log(Level.WARNING, what, what + "; next try in " + backoffSeconds + " s", e);
    }

    private void run(long jobId) {
        try {
            // a stop takes effect between batches: each batch is one transaction, done or not at all
            while (!halted() && jobs.runBatch(jobId, instance)) {
                failures.remove(jobId);
            }
            failures.remove(jobId);
        } catch (RuntimeException e) {
            if (DatabaseOutage.of(e) != null) {
                // not the job's fault: it is taken up again (by this or another instance) once the database answers
                throw e;
            }
            int failed = failures.merge(jobId, 1, Integer::sum);
            LOG.log(Level.WARNING, "Remap job " + jobId + " batch failed (attempt " + failed + ")", e);
            if (failed >= ATTEMPTS) {
                failures.remove(jobId);
                jobs.fail(jobId, "Stopped after " + ATTEMPTS + " failed attempts (" + e.getClass().getSimpleName()
                        + "); change the mapping again to retry.");
            }
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
