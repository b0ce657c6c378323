package com.rollcall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the runs of one bench.sh invocation into the report: the table of medians, each headline
 * number as median [min–max] over the runs (the machine's noise), the targets met or missed, and
 * the JSON (every run's rows and the medians).
 *
 * <p>Arguments: output JSON, then the run files.
 */
public final class Summary {
    private static final Pattern ROW = Pattern.compile("\\{\"key\":\"([^\"]*)\",\"label\":\"((?:[^\"\\\\]|\\\\.)*)\",\"unit\":\"([^\"]*)\","
            + "\"count\":(\\d+),\"seconds\":([-0-9.]+),\"throughput\":([-0-9.]+),\"p50_ms\":([-0-9.]+),\"p95_ms\":([-0-9.]+),"
            + "\"p99_ms\":([-0-9.]+),\"max_ms\":([-0-9.]+),\"non2xx\":(\\d+)}");
    private static final Pattern HEAD = Pattern.compile("\"users\":(\\d+),\"concurrency\":(\\d+),\"groupSize\":(\\d+)"
            + "(,\"scenario\":\"[^\"]*\")?");

    /**
     * Issue 20's baseline, the server's CPU-ms per create and per PATCH on main at 346c6a8 (durable, N=20,000, C=16; see
     * docs/benchmark.md, "Third round"); the target is half.
     */
    static final double BASELINE_CREATE_SERVER_MS = 5.47;
    static final double BASELINE_PATCH_SERVER_MS = 2.83;

    private Summary() {
    }

    private static final Pattern CPU = Pattern.compile("\\{\"key\":\"([^\"]*)\",\"label\":\"((?:[^\"\\\\]|\\\\.)*)\",\"unit\":\"([^\"]*)\","
            + "\"ops\":(\\d+),\"seconds\":([-0-9.]+),\"server_ms\":([-0-9.]+|null),\"db_ms\":([-0-9.]+|null),"
            + "\"bench_ms\":([-0-9.]+|null),\"others_ms\":([-0-9.]+|null),\"idle_ms\":([-0-9.]+|null)}");
    private static final Pattern DURABILITY = Pattern.compile("\"durability\":\"([^\"]*)\",\"flushLogAtTrxCommit\":(\\d+)");
    private static final Pattern CORES = Pattern.compile("\"cores\":(\\d+)");

    /** The runs of one durability setting (durable, relaxed): each run's rows and CPU rows. */
    private record Group(String durability, int flush, List<Map<String, Stat>> runs, List<Map<String, Cpu.Row>> cpu) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Map<String, Group> groups = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        String head = "";
        int cores = 2;
        for (int i = 1; i < args.length; i++) {
            String text = Files.readString(Path.of(args[i]));
            raw.add(text.trim());
            Matcher h = HEAD.matcher(text);
            if (h.find()) {
                head = "\"users\":" + h.group(1) + ",\"concurrency\":" + h.group(2) + ",\"groupSize\":" + h.group(3)
                        + (h.group(4) == null ? "" : h.group(4));
            }
            Matcher d = DURABILITY.matcher(text);
            String durability = d.find() ? d.group(1) : "unknown";
            int flush = durability.equals("unknown") ? -1 : Integer.parseInt(d.group(2));
            Matcher c = CORES.matcher(text);
            cores = c.find() ? Integer.parseInt(c.group(1)) : cores;
            Group group = groups.computeIfAbsent(durability, k -> new Group(k, flush, new ArrayList<>(), new ArrayList<>()));
            Map<String, Stat> rows = new LinkedHashMap<>();
            Matcher m = ROW.matcher(text);
            while (m.find()) {
                rows.put(m.group(1), new Stat(m.group(1), unescape(m.group(2)), m.group(3),
                        Long.parseLong(m.group(4)), d(m.group(5)), d(m.group(6)), d(m.group(7)), d(m.group(8)), d(m.group(9)),
                        d(m.group(10)), Long.parseLong(m.group(11))));
            }
            Map<String, Cpu.Row> cpu = new LinkedHashMap<>();
            Matcher r = CPU.matcher(text);
            while (r.find()) {
                cpu.put(r.group(1), new Cpu.Row(r.group(1), unescape(r.group(2)), r.group(3), Long.parseLong(r.group(4)),
                        d(r.group(5)), d(r.group(6)), d(r.group(7)), d(r.group(8)), d(r.group(9)), d(r.group(10))));
            }
            group.runs().add(rows);
            group.cpu().add(cpu);
        }
        if (groups.isEmpty() || groups.values().iterator().next().runs().get(0).isEmpty()) {
            throw new IllegalStateException("no benchmark rows in " + List.of(args).subList(1, args.length));
        }
        StringBuilder report = new StringBuilder();
        StringBuilder groupsJson = new StringBuilder();
        Map<String, List<Stat>> mediansByGroup = new LinkedHashMap<>();
        Map<String, List<Cpu.Row>> cpuByGroup = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            List<Map<String, Stat>> runs = g.runs();
            String title = g.durability() + (g.flush() >= 0 ? ", innodb_flush_log_at_trx_commit=" + g.flush() : "");
            List<Stat> medians = new ArrayList<>();
            for (String key : runs.get(0).keySet()) {
                List<Stat> all = runs.stream().map(r -> r.get(key)).filter(s -> s != null).toList();
                Stat f = all.get(0);
                medians.add(new Stat(key, f.label(), f.unit(), (long) median(all, Stat::count), median(all, Stat::seconds),
                        median(all, Stat::throughput), median(all, Stat::p50), median(all, Stat::p95), median(all, Stat::p99),
                        median(all, Stat::max), (long) all.stream().mapToLong(Stat::non2xx).max().orElse(0)));
            }
            List<Cpu.Row> cpuMedians = new ArrayList<>();
            for (String key : g.cpu().get(0).keySet()) {
                List<Cpu.Row> all = g.cpu().stream().map(r -> r.get(key)).filter(r -> r != null).toList();
                Cpu.Row f = all.get(0);
                cpuMedians.add(new Cpu.Row(key, f.label(), f.unit(), (long) medianRow(all, Cpu.Row::ops), medianRow(all, Cpu.Row::seconds),
                        medianRow(all, Cpu.Row::serverMs), medianRow(all, Cpu.Row::dbMs), medianRow(all, Cpu.Row::benchMs),
                        medianRow(all, Cpu.Row::othersMs), medianRow(all, Cpu.Row::idleMs)));
            }
            mediansByGroup.put(g.durability(), medians);
            cpuByGroup.put(g.durability(), cpuMedians);
            report.append(runs.size() == 1 ? "\n== Rollcall bench, " + title + " (1 run) ==\n"
                    : "\n== Rollcall bench, " + title + ": medians of " + runs.size() + " runs ==\n");
            report.append(Table.render(medians));
            if (!cpuMedians.isEmpty()) {
                report.append('\n').append(Table.cpu(cpuMedians, cores));
            }
            report.append("\n== Noise, ").append(g.durability()).append(": median [min - max] over ").append(runs.size())
                    .append(" run(s) ==\n");
            StringBuilder noiseJson = new StringBuilder();
            for (String key : runs.get(0).keySet()) {
                List<Stat> all = runs.stream().map(r -> r.get(key)).filter(s -> s != null).toList();
                boolean rate = all.get(0).seconds() > 0 || all.get(0).p50() == 0;
                ToDoubleFunction<Stat> metric = rate ? Stat::throughput : Stat::p50;
                double[] values = all.stream().mapToDouble(metric).sorted().toArray();
                String what = rate ? (all.get(0).seconds() > 0 ? all.get(0).unit() + "/s" : all.get(0).unit()) : "ms p50";
                report.append(String.format(Locale.ROOT, "%-52s %10.2f [%.2f - %.2f] %s%n", all.get(0).label(),
                        medianOf(values), values[0], values[values.length - 1], what));
                noiseJson.append(noiseJson.length() == 0 ? "" : ",\n").append(String.format(Locale.ROOT,
                        "{\"key\":\"%s\",\"metric\":\"%s\",\"median\":%.3f,\"min\":%.3f,\"max\":%.3f}", key, what,
                        medianOf(values), values[0], values[values.length - 1]));
            }
            for (String key : g.cpu().get(0).keySet()) {
                double[] server = g.cpu().stream().map(r -> r.get(key)).filter(r -> r != null)
                        .mapToDouble(r -> r.perOp(r.serverMs())).filter(v -> !Double.isNaN(v)).sorted().toArray();
                if (server.length > 0) {
                    report.append(String.format(Locale.ROOT, "%-52s %10.3f [%.3f - %.3f] server CPU-ms%n",
                            g.cpu().get(0).get(key).label(), medianOf(server), server[0], server[server.length - 1]));
                }
            }
            report.append(targets(medians, cpuMedians, g.durability()));
            groupsJson.append(groupsJson.length() == 0 ? "" : ",\n").append("{\"durability\":").append(Json.q(g.durability()))
                    .append(",\"flushLogAtTrxCommit\":").append(g.flush()).append(",\"runs\":").append(runs.size())
                    .append(",\n\"medians\":[\n").append(String.join(",\n", medians.stream().map(Stat::json).toList()))
                    .append("\n],\n\"cpu\":[\n").append(String.join(",\n", cpuMedians.stream().map(Cpu.Row::json).toList()))
                    .append("\n],\n\"noise\":[\n").append(noiseJson).append("\n]}");
        }
        if (mediansByGroup.size() > 1) {
            report.append(compare(mediansByGroup, cpuByGroup));
        }
        System.out.println(report);

        StringBuilder json = new StringBuilder("{\n").append(head).append(",\"runs\":").append(raw.size())
                .append(",\"cores\":").append(cores).append(",\n\"groups\":[\n").append(groupsJson)
                .append("\n],\n\"perRun\":[\n").append(String.join(",\n", raw)).append("\n]}\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        Files.writeString(out.resolveSibling("latest.json"), json);
        Files.writeString(out.resolveSibling("latest.txt"), report);
    }

    /** The headline numbers side by side, one column per durability setting. */
    private static String compare(Map<String, List<Stat>> medians, Map<String, List<Cpu.Row>> cpu) {
        StringBuilder b = new StringBuilder("\n== Durability side by side (medians) ==\n");
        b.append(String.format(Locale.ROOT, "%-52s", ""));
        medians.keySet().forEach(k -> b.append(String.format(Locale.ROOT, " %12s", k)));
        b.append('\n');
        String[][] rates = {{"floor.jdbc", "6a raw JDBC commits/s"}, {"floor.jdbc.commits_per_innodb_log_writes",
                "6a commits per redo log write"}, {"floor.jdbc.commits_per_innodb_data_fsyncs", "6a commits per fsync"},
            {"floor.jdbc1", "6a raw JDBC commits/s, one connection"},
            {"floor.ping", "6b no-op requests/s"}, {"initial", "1 initial sync, users/s"},
            {"incremental", "2 incremental sync, users/s"}, {"deactivate", "3 deactivate, users/s"},
            {"lookup.miss", "1L lookups (miss)/s"}, {"lookup.hit", "2L lookups (hit)/s"}};
        for (String[] r : rates) {
            line(b, medians, r[0], r[1], Stat::throughput);
        }
        String[][] p99s = {{"initial.get", "1 GET (miss) p99 ms"}, {"initial.post", "1 POST p99 ms"},
            {"incremental.get", "2 GET (hit) p99 ms"}, {"incremental.patch", "2 PATCH p99 ms"}};
        for (String[] r : p99s) {
            line(b, medians, r[0], r[1], Stat::p99);
        }
        String[][] cpus = {{"create", "create"}, {"patch", "PATCH"}, {"lookup.miss", "lookup (miss)"},
            {"lookup.hit", "lookup (hit)"}, {"floor.ping", "no-op request"}, {"floor.jdbc", "raw JDBC commit"}};
        for (String[] r : cpus) {
            for (String who : List.of("server", "db")) {
                b.append(String.format(Locale.ROOT, "%-52s", "CPU-ms per " + r[1] + ", " + who));
                for (List<Cpu.Row> rows : cpu.values()) {
                    Cpu.Row row = rows.stream().filter(x -> x.key().equals(r[0])).findFirst().orElse(null);
                    double v = row == null ? Double.NaN : row.perOp(who.equals("server") ? row.serverMs() : row.dbMs());
                    b.append(String.format(Locale.ROOT, " %12s", Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v)));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, Map<String, List<Stat>> medians, String key, String label, ToDoubleFunction<Stat> f) {
        if (medians.values().stream().flatMap(List::stream).noneMatch(s -> s.key().equals(key))) {
            return;
        }
        b.append(String.format(Locale.ROOT, "%-52s", label));
        for (List<Stat> rows : medians.values()) {
            Stat s = rows.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
            b.append(String.format(Locale.ROOT, " %12s", s == null ? "-" : String.format(Locale.ROOT, "%.1f", f.applyAsDouble(s))));
        }
        b.append('\n');
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static double medianRow(List<Cpu.Row> all, ToDoubleFunction<Cpu.Row> f) {
        double[] v = all.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return v.length == 0 ? Double.NaN : medianOf(v);
    }

    private static String targets(List<Stat> medians, List<Cpu.Row> cpu, String durability) {
        Map<String, Stat> byKey = new LinkedHashMap<>();
        medians.forEach(s -> byKey.put(s.key(), s));
        StringBuilder b = new StringBuilder("\n== Targets (medians, " + durability
                + (durability.equals("durable") ? "" : "; the targets are set for durable") + ") ==\n");
        check(b, byKey, "initial", "initial sync >= 500 users/s", s -> s.throughput(), v -> v >= 500, "%.0f users/s");
        check(b, byKey, "incremental", "incremental sync >= 800 users/s", s -> s.throughput(), v -> v >= 800, "%.0f users/s");
        for (String k : List.of("initial.get", "initial.post", "incremental.get", "incremental.patch")) {
            check(b, byKey, k, "p99 < 100 ms: " + byKey.getOrDefault(k, medians.get(0)).label().trim(), Stat::p99, v -> v < 100, "%.1f ms");
        }
        for (Cpu.Row r : cpu) {
            double baseline = r.key().equals("create") ? BASELINE_CREATE_SERVER_MS : r.key().equals("patch") ? BASELINE_PATCH_SERVER_MS : 0;
            double v = r.perOp(r.serverMs());
            if (baseline > 0 && !Double.isNaN(v)) {
                b.append(String.format(Locale.ROOT, "%-6s %-62s %s%n", v <= baseline / 2 ? "MET" : "MISSED",
                        String.format(Locale.ROOT, "server CPU per %s <= half of issue 20's baseline (%.2f ms)",
                                r.key().equals("create") ? "create" : "PATCH", baseline), String.format(Locale.ROOT, "%.2f ms", v)));
            }
        }
        check(b, byKey, "ratio.initial_creates_vs_jdbc", "creates >= 50 % of the raw-JDBC commit floor", Stat::throughput,
                v -> v >= 0.5, "%.3f");
        byKey.keySet().stream().filter(k -> k.startsWith("large.add1000@")).forEach(k ->
                check(b, byKey, k, "add 1,000 members < 150 ms (" + k.substring(k.indexOf('@') + 1) + ")", Stat::p50, v -> v < 150, "%.1f ms"));
        byKey.keySet().stream().filter(k -> k.startsWith("large.remove1@")).forEach(k ->
                check(b, byKey, k, "remove 1 member < 20 ms (" + k.substring(k.indexOf('@') + 1) + ")", Stat::p50, v -> v < 20, "%.1f ms"));
        byKey.keySet().stream().filter(k -> k.startsWith("large.get_no_members@")).forEach(k ->
                check(b, byKey, k, "GET without members < 10 ms (" + k.substring(k.indexOf('@') + 1) + ")", Stat::p50, v -> v < 10, "%.1f ms"));
        byKey.keySet().stream().filter(k -> k.startsWith("large.get_full@")).forEach(k ->
                check(b, byKey, k, "full GET < 2 s (" + k.substring(k.indexOf('@') + 1) + ")", Stat::p50, v -> v < 2000, "%.0f ms"));
        check(b, byKey, "memory.heap_peak_used_mib", "heap < 512 MiB throughout (peak used, garbage included)", Stat::throughput,
                v -> v < 512, "%.0f MiB");
        check(b, byKey, "memory.heap_live_mib", "live heap < 512 MiB after scenario 5 (after a full GC)", Stat::throughput,
                v -> v < 512, "%.0f MiB");
        check(b, byKey, "ratio.flood_b_p99", "F  B's p99 during A's flood <= 2x quiet", Stat::throughput, v -> v <= 2, "%.2fx");
        check(b, byKey, "flood.a_429", "F  A's flood was refused (429s)", Stat::throughput, v -> v > 0, "%.0f");
        check(b, byKey, "ratio.storm_one_b_p99", "L  B's p99 during a one-address login storm <= 2x quiet", Stat::throughput,
                v -> v <= 2, "%.2fx");
        check(b, byKey, "ratio.storm_many_b_p99", "L  B's p99 during a distributed login storm <= 2x quiet", Stat::throughput,
                v -> v <= 2, "%.2fx");
        check(b, byKey, "storm.many_signed_in", "L  no bad sign-in succeeded", Stat::throughput, v -> v == 0, "%.0f");
        check(b, byKey, "heap.live_growth_mib", "H  live heap flat while 4 clients list big groups (< 64 MiB growth)",
                Stat::throughput, v -> v < 64, "%+.1f MiB");
        check(b, byKey, "heap.peak_used_mib", "H  heap used < 512 MiB throughout the listing (peak)", Stat::throughput,
                v -> v >= 0 && v < 512, "%.0f MiB");
        check(b, byKey, "heap.short_answers", "H  every list answer carried all members", Stat::throughput, v -> v == 0, "%.0f short");
        return b.toString();
    }

    private static void check(StringBuilder b, Map<String, Stat> byKey, String key, String what, ToDoubleFunction<Stat> metric,
                              java.util.function.DoublePredicate ok, String format) {
        Stat s = byKey.get(key);
        if (s == null) {
            return;
        }
        double v = metric.applyAsDouble(s);
        b.append(String.format(Locale.ROOT, "%-6s %-62s %s%n", ok.test(v) ? "MET" : "MISSED", what, String.format(Locale.ROOT, format, v)));
    }

    private static double median(List<Stat> all, ToDoubleFunction<Stat> f) {
        return medianOf(all.stream().mapToDouble(f).sorted().toArray());
    }

    private static double medianOf(double[] sorted) {
        double[] v = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double d(String s) {
        return s.equals("null") ? Double.NaN : Double.parseDouble(s);
    }
}
