package com.rollcall.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One row of the benchmark's table: how many operations, in how long, their latencies and how many
 * answers were not 2xx (or failed on the wire).
 */
record Stat(String key, String label, String unit, long count, double seconds, double throughput,
            double p50, double p95, double p99, double max, long non2xx) {

    /** Latencies in nanoseconds (0 = not measured); units per second over the wall time. */
    static Stat of(String key, String label, String unit, long units, double seconds, long[] nanos, long non2xx) {
        long[] sorted = Arrays.stream(nanos).filter(n -> n > 0).sorted().toArray();
        return new Stat(key, label, unit, units, seconds, seconds > 0 ? units / seconds : 0,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, non2xx);
    }

    /** A single-valued measurement (a size, a rate) shown in the table without latencies. */
    static Stat value(String key, String label, String unit, double value) {
        return new Stat(key, label, unit, 1, 0, value, 0, 0, 0, 0, 0);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    String json() {
        return String.format(Locale.ROOT,
                "{\"key\":\"%s\",\"label\":\"%s\",\"unit\":\"%s\",\"count\":%d,\"seconds\":%.3f,\"throughput\":%.4f,"
                        + "\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"non2xx\":%d}",
                key, Json.escape(label), unit, count, seconds, throughput, p50, p95, p99, max, non2xx);
    }
}
