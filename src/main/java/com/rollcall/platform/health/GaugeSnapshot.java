package com.rollcall.platform.health;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges read from the database, refreshed by the caller's schedule (not at each scrape: a scrape must not wait on the
 * database, and a database outage must not fail /metrics). Each refresh reads one snapshot keyed by a label value
 * (an enterprise id, a job status); a gauge per key and value is registered the first time the key appears and
 * reads the latest snapshot (a key that disappears reads 0). Failures are logged once a minute.
 * @param <K> what the rows are keyed by
 * @param <V> a row
 */
public final class GaugeSnapshot<K, V> {
    private static final Logger LOG = Logger.getLogger(GaugeSnapshot.class.getName());
    private static final FailureLog FAILURES = new FailureLog(LOG, 60);

    private final MetricRegistry registry;
    private final String what;
    private final String label;
    private final Map<String, Gauge<V>> gauges;
    private final Set<K> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<K, V> latest = Map.of();

    /** A gauge: its name, help text and how it reads a row. */
    public record Gauge<V>(String name, String description, ToDoubleFunction<V> value) {
    }

    /**
     * @param what what the gauges are about, for the log ("license", "remap job")
     * @param label the label the keys are the values of
     */
    public GaugeSnapshot(MetricRegistry registry, String what, String label, Map<String, Gauge<V>> gauges) {
        this.registry = registry;
        this.what = what;
        this.label = label;
        this.gauges = gauges;
    }

    /** Reads a new snapshot; on failure keeps the last one. */
    public void refresh(Supplier<Map<K, V>> read) {
        Map<K, V> snapshot;
        try {
            snapshot = Map.copyOf(read.get());
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, what, "Could not refresh the " + what + " metrics; they keep their last values", e);
            return;
        }
        latest = snapshot;
        for (K key : snapshot.keySet()) {
            if (registered.add(key)) {
                for (Gauge<V> gauge : gauges.values()) {
                    Metadata metadata = Metadata.builder().withName(gauge.name()).withDescription(gauge.description()).build();
                    registry.gauge(metadata, () -> {
                        V row = latest.get(key);
                        return row == null ? 0.0 : gauge.value().applyAsDouble(row);
                    }, new Tag(label, String.valueOf(key)));
                }
            }
        }
    }
}
