package com.rollcall.remap;

import com.rollcall.platform.persistence.DatabaseMigrator;
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
 * heartbeat is stale. A job that fails five times in a row is marked FAILED with the error's kind.
 */
@Singleton
@Startup
public class RemapJobRunner {
    private static final Logger LOG = Logger.getLogger(RemapJobRunner.class.getName());
    private static final int ATTEMPTS = 5;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private RemapJobService jobs;

    @Inject
    private DatabaseMigrator migrator;

    private final String instance = host() + "/" + UUID.randomUUID();
    private final Map<Long, Integer> failures = new HashMap<>();
    private volatile boolean stopping;
    private ScheduledFuture<?> poller;

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

    private void poll() {
        if (stopping || !migrator.isMigrated()) {
            return;
        }
        try {
            for (long jobId : jobs.claim(instance)) {
                run(jobId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not claim remap jobs; retrying", e);
        }
    }

    private void run(long jobId) {
        try {
            while (!stopping && jobs.runBatch(jobId, instance)) {
                failures.remove(jobId);
            }
            failures.remove(jobId);
        } catch (RuntimeException e) {
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
