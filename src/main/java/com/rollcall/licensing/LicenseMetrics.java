package com.rollcall.licensing;

import com.rollcall.platform.health.GaugeSnapshot;
import com.rollcall.platform.persistence.DatabaseMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Licenses in the application metrics: {@code rollcall_license_seats_used{enterprise}} and
 * {@code rollcall_license_seats_limit{enterprise}} (from the database every 15 s, so every instance shows the same),
 * and {@code rollcall_license_refusals_total{enterprise}} (provisioning requests this instance refused for want of a
 * seat; sum over instances).
 */
@Singleton
@Startup
public class LicenseMetrics {
    static final String REFUSALS = "rollcall.license.refusals";

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private LicenseService licenses;

    @Inject
    private DatabaseMigrator migrator;

    @Inject
    private MetricRegistry registry;

    private GaugeSnapshot<Long, LimitChange> seats;
    private ScheduledFuture<?> refresher;

    @PostConstruct
    void start() {
        seats = new GaugeSnapshot<>(registry, "license", "enterprise", Map.of(
                "used", new GaugeSnapshot.Gauge<>("rollcall.license.seats.used", "Seats in use", c -> c.used()),
                "limit", new GaugeSnapshot.Gauge<>("rollcall.license.seats.limit", "The license limit", c -> c.limit())));
        refresher = scheduler.scheduleWithFixedDelay(this::refresh, 2, 15, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
        }
    }

    private void refresh() {
        if (migrator.isMigrated()) {
            seats.refresh(licenses::allSeats);
        }
    }

    /** Counts one refusal of this enterprise's request. */
    @Lock(LockType.READ)
    public void refused(long enterpriseId) {
        registry.counter(REFUSALS, new Tag("enterprise", Long.toString(enterpriseId))).inc();
    }
}
