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

    private Summary() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Map<String, Stat>> runs = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        String head = "";
        for (int i = 1; i < args.length; i++) {
            String text = Files.readString(Path.of(args[i]));
            raw.add(text.trim());
            Matcher h = HEAD.matcher(text);
            if (h.find()) {
                head = "\"users\":" + h.group(1) + ",\"concurrency\":" + h.group(2) + ",\"groupSize\":" + h.group(3)
                        + (h.group(4) == null ? "" : h.group(4));
            }
            Map<String, Stat> rows = new LinkedHashMap<>();
            Matcher m = ROW.matcher(text);
            while (m.find()) {
                rows.put(m.group(1), new Stat(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"), m.group(3),
                        Long.parseLong(m.group(4)), d(m.group(5)), d(m.group(6)), d(m.group(7)), d(m.group(8)), d(m.group(9)),
                        d(m.group(10)), Long.parseLong(m.group(11))));
            }
            runs.add(rows);
        }
        if (runs.isEmpty() || runs.get(0).isEmpty()) {
            throw new IllegalStateException("no benchmark rows in " + List.of(args).subList(1, args.length));
        }
        List<Stat> medians = new ArrayList<>();
        for (String key : runs.get(0).keySet()) {
            List<Stat> all = runs.stream().map(r -> r.get(key)).filter(s -> s != null).toList();
            Stat f = all.get(0);
            medians.add(new Stat(key, f.label(), f.unit(), (long) median(all, Stat::count), median(all, Stat::seconds),
                    median(all, Stat::throughput), median(all, Stat::p50), median(all, Stat::p95), median(all, Stat::p99),
                    median(all, Stat::max), (long) all.stream().mapToLong(Stat::non2xx).max().orElse(0)));
        }
        StringBuilder report = new StringBuilder();
        report.append(runs.size() == 1 ? "\n== Rollcall bench (1 run) ==\n" : "\n== Rollcall bench: medians of " + runs.size() + " runs ==\n");
        report.append(Table.render(medians));
        report.append("\n== Noise: median [min - max] over ").append(runs.size()).append(" run(s) ==\n");
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
        report.append(targets(medians));
        System.out.println(report);

        StringBuilder json = new StringBuilder("{\n").append(head).append(",\"runs\":").append(runs.size())
                .append(",\n\"medians\":[\n");
        for (int i = 0; i < medians.size(); i++) {
            json.append(medians.get(i).json()).append(i + 1 < medians.size() ? ",\n" : "\n");
        }
        json.append("],\n\"noise\":[\n").append(noiseJson).append("\n],\n\"perRun\":[\n").append(String.join(",\n", raw))
                .append("\n]}\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        Files.writeString(out.resolveSibling("latest.json"), json);
        Files.writeString(out.resolveSibling("latest.txt"), report);
    }

    private static String targets(List<Stat> medians) {
        Map<String, Stat> byKey = new LinkedHashMap<>();
        medians.forEach(s -> byKey.put(s.key(), s));
        StringBuilder b = new StringBuilder("\n== Targets (medians) ==\n");
        check(b, byKey, "initial", "initial sync >= 500 users/s", s -> s.throughput(), v -> v >= 500, "%.0f users/s");
        check(b, byKey, "incremental", "incremental sync >= 800 users/s", s -> s.throughput(), v -> v >= 800, "%.0f users/s");
        for (String k : List.of("initial.get", "initial.post", "incremental.get", "incremental.patch")) {
            check(b, byKey, k, "p99 < 100 ms: " + byKey.getOrDefault(k, medians.get(0)).label().trim(), Stat::p99, v -> v < 100, "%.1f ms");
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
        return Double.parseDouble(s);
    }
}
