package com.rollcall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Where the machine's CPU goes during a scenario: user+system time (utime+stime of {@code /proc/<pid>/stat}, all
 * threads, in clock ticks of 10 ms) of the server's JVM, of the database server and of this load generator, and the
 * whole machine's busy and idle time ({@code /proc/stat}); "others" is the machine's busy time less those three
 * (other processes on a shared machine, the kernel's own work). A {@link Mark} taken before a scenario gives its
 * {@link Row}: totals in milliseconds and the count of operations they are divided by.
 */
final class Cpu {
    /** Clock ticks per second of /proc's utime/stime (USER_HZ); 100 on Linux. */
    private static final double TICK_MS = 1000.0 / Long.getLong("bench.clk_tck", 100);

    private final long serverPid;
    private final long dbPid;
    private final long selfPid = ProcessHandle.current().pid();
    private final int cores = Runtime.getRuntime().availableProcessors();

    /** @param serverPid the server's JVM (or a shell that started it: its java descendant is found); 0 = unknown */
    Cpu(long serverPid, long dbPid) {
        this.serverPid = javaProcess(serverPid);
        this.dbPid = dbPid;
    }

    long serverPid() {
        return serverPid;
    }

    long dbPid() {
        return dbPid;
    }

    int cores() {
        return cores;
    }

    /** A point in time: CPU milliseconds so far of each process, and the machine's busy and idle milliseconds. */
    record Sample(long nanos, double server, double db, double self, double busy, double idle) {
    }

    Sample sample() {
        double[] machine = machine();
        return new Sample(System.nanoTime(), processMs(serverPid), processMs(dbPid), processMs(selfPid), machine[0], machine[1]);
    }

    /** Starts measuring; {@link Mark#row} ends it. */
    Mark mark() {
        return new Mark(sample());
    }

    final class Mark {
        private final Sample start;

        private Mark(Sample start) {
            this.start = start;
        }

        Row row(String key, String label, String unit, long ops) {
            Sample end = sample();
            return new Row(key, label, unit, ops, (end.nanos() - start.nanos()) / 1e9, end.server() - start.server(),
                    end.db() - start.db(), end.self() - start.self(), others(start, end), end.idle() - start.idle());
        }
    }

    Sum sum() {
        return new Sum();
    }

    /** Sums many short intervals (e.g. only the PATCHes of a phase that also does other things). */
    final class Sum {
        private double seconds;
        private double server;
        private double db;
        private double self;
        private double others;
        private double idle;
        private Sample open;

        void start() {
            open = sample();
        }

        void stop() {
            Sample end = sample();
            seconds += (end.nanos() - open.nanos()) / 1e9;
            server += end.server() - open.server();
            db += end.db() - open.db();
            self += end.self() - open.self();
            others += others(open, end);
            idle += end.idle() - open.idle();
        }

        Row row(String key, String label, String unit, long ops) {
            return new Row(key, label, unit, ops, seconds, server, db, self, others, idle);
        }
    }

    private static double others(Sample a, Sample b) {
        return (b.busy() - a.busy()) - (b.server() - a.server()) - (b.db() - a.db()) - (b.self() - a.self());
    }

    /**
     * One scenario's CPU: totals in ms over {@code seconds} of wall time for {@code ops} operations. NaN = not
     * measured (the process was unknown); "others" may come out slightly negative (ticks are sampled).
     */
    record Row(String key, String label, String unit, long ops, double seconds, double serverMs, double dbMs,
               double benchMs, double othersMs, double idleMs) {

        double perOp(double total) {
            return ops == 0 ? Double.NaN : total / ops;
        }

        /** What remains of {@code whole} once {@code whole.ops} operations of {@code part}'s kind are taken out. */
        static Row less(String key, String label, String unit, Row whole, Row part) {
            double k = part.ops() == 0 ? 0 : (double) whole.ops() / part.ops();
            return new Row(key, label, unit, whole.ops(), whole.seconds(), minus(whole.serverMs(), part.serverMs(), k),
                    minus(whole.dbMs(), part.dbMs(), k), minus(whole.benchMs(), part.benchMs(), k),
                    whole.othersMs() - k * part.othersMs(), Double.NaN);
        }

        private static double minus(double a, double b, double k) {
            return a - k * b;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"key\":\"%s\",\"label\":\"%s\",\"unit\":\"%s\",\"ops\":%d,\"seconds\":%.3f,"
                    + "\"server_ms\":%s,\"db_ms\":%s,\"bench_ms\":%s,\"others_ms\":%s,\"idle_ms\":%s}",
                    key, Json.escape(label), unit, ops, seconds, num(serverMs), num(dbMs), num(benchMs), num(othersMs), num(idleMs));
        }

        private static String num(double v) {
            return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.1f", v);
        }
    }

    // ------------------------------------------------------------------------------------------- /proc

    /** utime+stime of a process, all its threads, in ms; NaN when unknown or gone. */
    static double processMs(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15; comm may hold spaces and parentheses
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The machine's busy and idle (idle + iowait) ms over all cores since boot, from the first line of /proc/stat. */
    private static double[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal (guest time is already counted in user)
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) * TICK_MS, idle * TICK_MS};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** {@code pid} if it is a JVM, else its first {@code java} descendant (a wrapper shell's child), else {@code pid}. */
    static long javaProcess(long pid) {
        if (pid <= 0) {
            return pid;
        }
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(pid);
        while (!todo.isEmpty()) {
            long p = todo.poll();
            if ("java".equals(comm(p))) {
                if (p != pid) {
                    Bench.log("the server pid %d is not a JVM (%s); measuring its java child %d", pid, comm(pid), p);
                }
                return p;
            }
            ProcessHandle.of(p).ifPresent(h -> h.children().forEach(c -> todo.add(c.pid())));
        }
        Bench.log("the server pid %d (%s) is not a JVM and has no java child; measuring it as it is", pid, comm(pid));
        return pid;
    }

    static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
