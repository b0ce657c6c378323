package com.rollcall.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark's rows as a fixed-width table. */
final class Table {
    private Table() {
    }

    static String render(List<Stat> stats) {
        StringBuilder b = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-52s %9s %10s %9s %9s %9s %9s %7s",
                "scenario", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "non-2xx");
        b.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (Stat s : stats) {
            if (s.seconds() == 0 && s.p50() == 0 && s.count() == 1) {
                b.append(String.format(Locale.ROOT, s.unit().equals("ratio") ? "%-52s %9s %10.3f %s%n" : "%-52s %9s %10.2f %s%n", s.label(), "", s.throughput(), s.unit()));
            } else {
                b.append(String.format(Locale.ROOT, "%-52s %9d %10s %9.1f %9.1f %9.1f %9.1f %7d%n", s.label(), s.count(),
                        s.seconds() > 0 ? String.format(Locale.ROOT, "%.1f", s.throughput()) : "-",
                        s.p50(), s.p95(), s.p99(), s.max(), s.non2xx()));
            }
        }
        return b.toString();
    }
}
