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

    /**
     * CPU per operation: ms of CPU time (user+system, all threads) of the server's JVM, the database server, the load
     * generator and everything else on the machine, each divided by the scenario's operations; then how busy the
     * machine's cores were over the scenario's wall time. "-" = not measured.
     */
    static String cpu(List<Cpu.Row> rows, int cores) {
        StringBuilder b = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-52s %9s %8s %8s %8s %8s %8s %6s",
                "CPU-ms per operation (/proc utime+stime)", "ops", "wall s", "server", "db", "bench", "others", "busy");
        b.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (Cpu.Row r : rows) {
            double wallMs = r.seconds() * 1000 * cores;
            double busy = wallMs <= 0 ? Double.NaN : 100 * (1 - r.idleMs() / wallMs);
            b.append(String.format(Locale.ROOT, "%-52s %9d %8.1f %8s %8s %8s %8s %6s%n", r.label(), r.ops(), r.seconds(),
                    ms(r.perOp(r.serverMs())), ms(r.perOp(r.dbMs())), ms(r.perOp(r.benchMs())), ms(r.perOp(r.othersMs())),
                    Double.isNaN(busy) ? "-" : String.format(Locale.ROOT, "%.0f %%", busy)));
        }
        b.append(String.format(Locale.ROOT, "(%d cores; busy = share of their time not idle over the wall time; "
                + "a derived row takes a lookup phase's cost per lookup out of its scenario)%n", cores));
        return b.toString();
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }
}
