package com.rollcall.remap;

import com.rollcall.platform.health.GaugeSnapshot;
import com.rollcall.platform.persistence.DatabaseMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Remap jobs in the application metrics, from the database every 15 s (all instances' jobs), by {@code status}
 * (QUEUED, RUNNING, DONE, FAILED): {@code rollcall_remap_jobs}, {@code rollcall_remap_users_processed},
 * {@code rollcall_remap_users_total} (the users the jobs cover) and {@code rollcall_remap_oldest_seconds} (how long
 * ago the oldest job of the status was queued: for QUEUED and RUNNING, how long work has been waiting).
 */
@Singleton
@Startup
public class RemapMetrics {
    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private RemapJobService jobs;

    @Inject
    private DatabaseMigrator migrator;

    @Inject
    private MetricRegistry registry;

    private GaugeSnapshot<String, RemapStatistics> statuses;
    private ScheduledFuture<?> refresher;

    @PostConstruct
    void start() {
        Map<String, GaugeSnapshot.Gauge<RemapStatistics>> gauges = new HashMap<>();
        gauges.put("jobs", new GaugeSnapshot.Gauge<>("rollcall.remap.jobs", "Remap jobs", s -> s.jobs()));
        gauges.put("processed", new GaugeSnapshot.Gauge<>("rollcall.remap.users.processed",
                "Users the remap jobs processed", s -> s.processed()));
        gauges.put("total", new GaugeSnapshot.Gauge<>("rollcall.remap.users.total", "Users the remap jobs cover",
                s -> s.total()));
        gauges.put("oldest", new GaugeSnapshot.Gauge<>("rollcall.remap.oldest.seconds",
                "Seconds since the oldest remap job was queued", s -> s.oldestCreatedAt() == null ? 0
                        : Math.max(0, Duration.between(s.oldestCreatedAt(), Instant.now()).toSeconds())));
        statuses = new GaugeSnapshot<>(registry, "remap job", "status", gauges);
        refresher = scheduler.scheduleWithFixedDelay(this::refresh, 3, 15, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
        }
    }

    private void refresh() {
        if (migrator.isMigrated()) {
            statuses.refresh(() -> {
                Map<String, RemapStatistics> byStatus = new HashMap<>();
                // every status is shown, 0 while there is no job of it (an alert can then compare)
                for (String status : List.of("QUEUED", "RUNNING", "DONE", "FAILED")) {
                    byStatus.put(status, new RemapStatistics(status, 0, 0, 0, null));
                }
                for (RemapStatistics s : jobs.statistics()) {
                    byStatus.put(s.status(), s);
                }
                return byStatus;
            });
        }
    }
}
