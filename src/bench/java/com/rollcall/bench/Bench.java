package com.rollcall.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rollcall's load generator (started by scripts/bench.sh against a running server): the SCIM
 * scenarios of an Entra first sync, incremental sync, deactivation, groups and one large group, plus
 * the floors (raw JDBC commits, a no-op JAX-RS endpoint) measured in the same run. C workers on a
 * fixed pool share one HTTP/1.1 client. Writes one run's rows as JSON and prints them as a table.
 */
public final class Bench {
    private final Map<String, String> options;
    private final int users;
    private final int concurrency;
    private final int groupSize;
    private final double floorSeconds;
    private final String base;
    private final Database db;
    private final long serverPid;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final List<Stat> stats = new ArrayList<>();
    private final Map<String, String> facts = new HashMap<>();
    private Cpu cpu;
    private final List<Cpu.Row> cpuRows = new ArrayList<>();
    private Database.Server dbServer;
    private HeapWatch heapWatch;

    private Bench(Map<String, String> options) {
        this.options = options;
        this.users = Integer.parseInt(options.getOrDefault("users", "20000"));
        this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        this.groupSize = Integer.parseInt(options.getOrDefault("group-size", "100000"));
        this.floorSeconds = Double.parseDouble(options.getOrDefault("floor-seconds", "10"));
        this.base = options.get("base");
        this.db = new Database(options.get("jdbc-url"), options.get("db-user"), options.getOrDefault("db-password", ""));
        this.serverPid = Cpu.javaProcess(Long.parseLong(options.getOrDefault("pid", "0")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new Bench(options).run();
    }

    private void run() throws Exception {
        if (serverPid > 0) {
            heapWatch = HeapWatch.start(serverPid);
        }
        log("users=%d concurrency=%d group-size=%d", users, concurrency, groupSize);
        describeMachine();
        Database.BenchTenant warm = db.createTenant("Bench warm-up " + tag, 10_000);
        warmUp(new Http(base + "scim/v2", warm.token()));

        Set<String> scenarios = scenarios(options.getOrDefault("scenario", "standard"));
        if (scenarios.contains("standard")) {
            Database.BenchTenant tenant = db.createTenant("Bench " + tag, users + groupSize + 10_000);
            Http scim = new Http(base + "scim/v2", tenant.token());
            floors();

            String[] ids = initialSync(scim);
            lookups(scim, false);
            incrementalSync(scim);
            lookups(scim, true);
            deactivate(scim, ids);
            groups(scim, ids);
            largeGroup(scim, tenant);
            memory();
            ratios();
            cpuPerOperation();
        }
        if (scenarios.contains("deep")) {
            new DeepTenant(base, db, System.getenv("BENCH_OPERATOR_TOKEN"), stats, tag, options).run();
        }
        if (scenarios.contains("feed")) {
            new FeedLag(base, db, concurrency, Double.parseDouble(options.getOrDefault("phase-seconds", "20")), stats, tag).run();
        }
        Set<String> hardening = new TreeSet<>(scenarios);
        hardening.removeAll(List.of("standard", "feed", "deep"));
        if (!hardening.isEmpty()) {
            new Hardening(base, db, serverPid, heapWatch, groupSize,
                    Double.parseDouble(options.getOrDefault("phase-seconds", "20")), System.getenv("BENCH_OPERATOR_TOKEN"),
                    options, stats, tag).run(hardening);
        }
        if (heapWatch != null) {
            heapWatch.stop();
            stats.add(Stat.value("memory.heap_peak_used_mib", "heap used, peak over the run (jstat)", "MiB", heapWatch.peakMiB()));
        }
        stats.add(Stat.value("machine.load_after", "machine load average (1 min) after the run", "load", loadAverage()));
        write();
    }

    /**
     * The scenario names of {@code --scenario}: {@code standard} (scenarios 1-6, the default), {@code flood},
     * {@code storm}, {@code heap}, {@code hardening} (= the last three), {@code deep} (issue 20's deep tenant, {@link DeepTenant}), {@code all}
     * (not deep); comma-separated.
     */
    static Set<String> scenarios(String spec) {
        Set<String> out = new TreeSet<>();
        for (String name : spec.split(",")) {
            switch (name.trim()) {
                case "standard", "flood", "storm", "heap", "feed", "deep" -> out.add(name.trim());
                case "hardening" -> out.addAll(List.of("flood", "storm", "heap"));
                case "all" -> out.addAll(List.of("standard", "flood", "storm", "heap"));
                default -> throw new IllegalArgumentException("unknown scenario '" + name
                        + "' (standard, flood, storm, heap, hardening, feed, deep, all)");
            }
        }
        return out;
    }

    // ----------------------------------------------------------------------------- scenarios

    private void warmUp(Http scim) {
        int n = Math.min(users, Integer.parseInt(options.getOrDefault("warmup", "400")));
        log("warm-up (%d users, not measured)", n);
        String[] ids = new String[n];
        parallel(n, i -> {
            scim.get("Users?filter=" + enc("userName eq \"" + Entra.userName("w" + tag, i) + "\""));
            ids[i] = Json.id(scim.post("Users", Entra.createUser("w" + tag, i, UUID.randomUUID().toString())).body());
        });
        parallel(n, i -> {
            if (ids[i] != null) {
                scim.patch("Users/" + ids[i], Entra.updateUser("w" + tag, i));
            }
        });
        Http ping = new Http(base, "none");
        parallel(n * 4, i -> ping.getNoAuth("api/ping"));
    }

    /** Where the run happens: the database's durability and the machine's load, first rows of the table. */
    private void describeMachine() throws Exception {
        dbServer = db.server();
        long dbPid = Long.parseLong(options.getOrDefault("db-pid", "0"));
        if (dbPid <= 0 && dbServer.pid() > 0) {
            dbPid = dbServer.pid();
            log("database pid %d read from its pid file (a shared server's CPU includes other clients' queries)", dbPid);
        }
        cpu = new Cpu(serverPid, dbPid);
        log("database: %s, innodb_flush_log_at_trx_commit=%d (%s); server JVM pid %d, database pid %d, %d cores",
                dbServer.description(), dbServer.flushLogAtTrxCommit(), dbServer.durability(), cpu.serverPid(), cpu.dbPid(),
                cpu.cores());
        stats.add(Stat.value("database.flush_log_at_trx_commit", "MariaDB innodb_flush_log_at_trx_commit (1 = durable)",
                "setting", dbServer.flushLogAtTrxCommit()));
        stats.add(Stat.value("machine.load_before", "machine load average (1 min) before the run", "load", loadAverage()));
    }

    /** 6a: raw JDBC commits, C connections then one (group commit); 6b: no-op requests. */
    private void floors() throws Exception {
        log("6 floors (%.0f s each)", floorSeconds);
        String[] counters = {"Innodb_log_writes", "Innodb_data_fsyncs"};
        Map<String, Long> before = db.status(counters);
        Cpu.Mark m = cpu.mark();
        Stat jdbc = db.commitFloor(concurrency, floorSeconds);
        cpuRows.add(m.row("floor.jdbc", "6a raw JDBC insert+commit, per commit", "commits", jdbc.count()));
        Map<String, Long> after = db.status(counters);
        stats.add(jdbc);
        // group commit: how many commits shared one redo log write, one fsync (the whole server's counters: other
        // clients of a shared server count too)
        for (String counter : counters) {
            long delta = after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L);
            if (before.containsKey(counter) && delta > 0) {
                stats.add(Stat.value("floor.jdbc.commits_per_" + counter.toLowerCase(Locale.ROOT),
                        "6a  commits per " + counter + " (group commit)", "ratio", (double) jdbc.count() / delta));
            }
        }
        // the same with one connection: no commit has another to share a flush with
        Stat single = db.commitFloor(1, Math.min(floorSeconds, 5));
        stats.add(single);
        m = cpu.mark();
        Stat ping = pingFloor(new Http(base, "none"));
        cpuRows.add(m.row("floor.ping", "6b no-op GET /api/ping, per request", "requests", ping.count()));
        stats.add(ping);
    }

    private Stat pingFloor(Http http) {
        int capacity = 5_000_000;
        long[] nanos = new long[capacity];
        AtomicInteger next = new AtomicInteger();
        AtomicLong bad = new AtomicLong();
        long deadline = System.nanoTime() + (long) (floorSeconds * 1e9);
        long start = System.nanoTime();
        parallel(concurrency, w -> {
            while (System.nanoTime() < deadline) {
                Http.Answer a = http.getNoAuth("api/ping");
                if (a.status() != 204) {
                    bad.incrementAndGet();
                }
                int i = next.getAndIncrement();
                if (i < capacity) {
                    nanos[i] = a.nanos();
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        int count = Math.min(next.get(), capacity);
        return Stat.of("floor.ping", "6b no-op JAX-RS GET /api/ping", "requests", count, seconds,
                java.util.Arrays.copyOf(nanos, count), bad.get());
    }

    private String[] initialSync(Http scim) {
        log("1 initial sync: %d users (GET userName eq -> miss, POST)", users);
        String[] ids = new String[users];
        long[] get = new long[users];
        long[] post = new long[users];
        long[] pair = new long[users];
        AtomicLong badGet = new AtomicLong();
        AtomicLong badPost = new AtomicLong();
        Cpu.Mark m = cpu.mark();
        double seconds = timed(() -> parallel(users, i -> {
            Http.Answer a = scim.get("Users?filter=" + enc("userName eq \"" + Entra.userName(tag, i) + "\""));
            if (!a.ok() || Json.totalResults(a.body()) != 0) {
                badGet.incrementAndGet();
            }
            Http.Answer b = scim.post("Users", Entra.createUser(tag, i, UUID.randomUUID().toString()));
            if (b.status() != 201) {
                badPost.incrementAndGet();
                sample("POST /Users", b);
            } else {
                ids[i] = Json.id(b.body());
            }
            get[i] = a.nanos();
            post[i] = b.nanos();
            pair[i] = a.nanos() + b.nanos();
        }));
        cpuRows.add(m.row("initial", "1 initial sync, per user (GET miss + POST)", "users", users));
        stats.add(Stat.of("initial", "1 initial sync (GET miss + POST)", "users", users, seconds, pair, badGet.get() + badPost.get()));
        stats.add(Stat.of("initial.get", "  GET /Users?filter=userName eq (miss)", "requests", users, seconds, get, badGet.get()));
        stats.add(Stat.of("initial.post", "  POST /Users", "requests", users, seconds, post, badPost.get()));
        return ids;
    }

    private void incrementalSync(Http scim) {
        log("2 incremental sync: %d users (GET userName eq -> hit, PATCH 2-3 attributes)", users);
        long[] get = new long[users];
        long[] patch = new long[users];
        long[] pair = new long[users];
        AtomicLong badGet = new AtomicLong();
        AtomicLong badPatch = new AtomicLong();
        Cpu.Mark m = cpu.mark();
        double seconds = timed(() -> parallel(users, i -> {
            Http.Answer a = scim.get("Users?filter=" + enc("userName eq \"" + Entra.userName(tag, i) + "\""));
            String id = a.ok() && Json.totalResults(a.body()) == 1 ? Json.id(a.body()) : null;
            get[i] = a.nanos();
            if (id == null) {
                badGet.incrementAndGet();
                return;
            }
            Http.Answer b = scim.patch("Users/" + id, Entra.updateUser(tag, i));
            if (!b.ok()) {
                badPatch.incrementAndGet();
                sample("PATCH /Users", b);
            }
            patch[i] = b.nanos();
            pair[i] = a.nanos() + b.nanos();
        }));
        cpuRows.add(m.row("incremental", "2 incremental sync, per user (GET hit + PATCH)", "users", users));
        stats.add(Stat.of("incremental", "2 incremental sync (GET hit + PATCH)", "users", users, seconds, pair,
                badGet.get() + badPatch.get()));
        stats.add(Stat.of("incremental.get", "  GET /Users?filter=userName eq (hit)", "requests", users, seconds, get, badGet.get()));
        stats.add(Stat.of("incremental.patch", "  PATCH /Users/{id} (Replace x2-3)", "requests", users, seconds, patch, badPatch.get()));
    }

    /**
     * Lookups only ({@code GET /Users?filter=userName eq}), for the CPU one costs: misses after scenario 1 (names
     * nobody has), hits after scenario 2 (its users); min(N, 5,000) of them ({@code --lookups}).
     */
    private void lookups(Http scim, boolean hit) {
        int n = Math.min(users, Integer.parseInt(options.getOrDefault("lookups", "5000")));
        String key = hit ? "lookup.hit" : "lookup.miss";
        log("%s lookups only: %d x GET userName eq -> %s", hit ? "2L" : "1L", n, hit ? "hit" : "miss");
        long[] nanos = new long[n];
        AtomicLong bad = new AtomicLong();
        Cpu.Mark m = cpu.mark();
        double seconds = timed(() -> parallel(n, i -> {
            Http.Answer a = scim.get("Users?filter=" + enc("userName eq \"" + Entra.userName(hit ? tag : "m" + tag, i) + "\""));
            if (!a.ok() || Json.totalResults(a.body()) != (hit ? 1 : 0)) {
                bad.incrementAndGet();
                sample("GET lookup", a);
            }
            nanos[i] = a.nanos();
        }));
        String label = (hit ? "2L" : "1L") + " lookups only, GET userName eq (" + (hit ? "hit" : "miss") + ")";
        cpuRows.add(m.row(key, label + ", per request", "requests", n));
        stats.add(Stat.of(key, label, "requests", n, seconds, nanos, bad.get()));
    }

    private void deactivate(Http scim, String[] ids) {
        int n = Math.max(1, users / 10);
        log("3 deactivate: %d users (PATCH active \"False\")", n);
        long[] nanos = new long[n];
        AtomicLong bad = new AtomicLong();
        Cpu.Mark m = cpu.mark();
        double seconds = timed(() -> parallel(n, k -> {
            String id = ids[k * 10 % users];
            if (id == null) {
                bad.incrementAndGet();
                return;
            }
            Http.Answer a = scim.patch("Users/" + id, Entra.deactivate());
            if (!a.ok()) {
                bad.incrementAndGet();
                sample("PATCH active", a);
            }
            nanos[k] = a.nanos();
        }));
        cpuRows.add(m.row("deactivate", "3 deactivate, per PATCH", "requests", n));
        stats.add(Stat.of("deactivate", "3 deactivate (PATCH active \"False\")", "users", n, seconds, nanos, bad.get()));
    }

    private void groups(Http scim, String[] ids) {
        int groups = 200;
        int batch = 50;
        log("4 groups: %d groups, members of %d users added in PATCHes of %d", groups, users, batch);
        long[] create = new long[groups];
        List<long[]> patchLists = new ArrayList<>();
        int maxBatches = (users / groups + 1 + batch - 1) / batch + 1;
        long[] patches = new long[groups * maxBatches];
        AtomicInteger patchCount = new AtomicInteger();
        AtomicLong badCreate = new AtomicLong();
        AtomicLong badPatch = new AtomicLong();
        AtomicLong added = new AtomicLong();
        Cpu.Mark m = cpu.mark();
        double seconds = timed(() -> parallel(groups, g -> {
            Http.Answer a = scim.post("Groups", Entra.createGroup("Bench group " + g + " " + tag, UUID.randomUUID().toString()));
            create[g] = a.nanos();
            String groupId = a.status() == 201 ? Json.id(a.body()) : null;
            if (groupId == null) {
                badCreate.incrementAndGet();
                sample("POST /Groups", a);
                return;
            }
            int from = (int) ((long) users * g / groups);
            int to = (int) ((long) users * (g + 1) / groups);
            for (int start = from; start < to; start += batch) {
                List<String> members = new ArrayList<>();
                for (int u = start; u < Math.min(to, start + batch); u++) {
                    if (ids[u] != null) {
                        members.add(ids[u]);
                    }
                }
                Http.Answer p = scim.patch("Groups/" + groupId, Entra.addMembers(members));
                if (!p.ok()) {
                    badPatch.incrementAndGet();
                    sample("PATCH /Groups add", p);
                }
                added.addAndGet(members.size());
                int i = patchCount.getAndIncrement();
                if (i < patches.length) {
                    patches[i] = p.nanos();
                }
            }
        }));
        patchLists.add(patches);
        cpuRows.add(m.row("groups", "4 groups, per request (POST /Groups, PATCH add 50)", "requests", groups + patchCount.get()));
        stats.add(Stat.of("groups.create", "4 POST /Groups", "groups", groups, seconds, create, badCreate.get()));
        stats.add(Stat.of("groups.add50", "4 PATCH add 50 members", "members", added.get(), seconds,
                java.util.Arrays.copyOf(patches, Math.min(patches.length, patchCount.get())), badPatch.get()));
    }

    private void largeGroup(Http scim, Database.BenchTenant tenant) throws Exception {
        int g = groupSize;
        log("5 large group: loading %d member users by SQL (setup, not measured)", g);
        List<String> members = db.bulkUsers(tenant.enterpriseId(), tag, g);
        Http.Answer created = scim.post("Groups", Entra.createGroup("Bench large group " + tag, UUID.randomUUID().toString()));
        String groupId = Json.id(created.body());
        if (created.status() != 201 || groupId == null) {
            throw new IllegalStateException("could not create the large group: " + created.status() + " " + created.body());
        }
        TreeSet<Integer> checkpoints = new TreeSet<>();
        for (int cp : new int[] {1_000, 10_000, 100_000}) {
            if (cp <= g) {
                checkpoints.add(cp);
            }
        }
        checkpoints.add(g);
        int batch = 1000;
        List<Long> growth = new ArrayList<>();
        AtomicLong bad = new AtomicLong();
        long start = System.nanoTime();
        int size = 0;
        Cpu.Sum grow = cpu.sum();
        Cpu.Sum probes = cpu.sum();
        Cpu.Sum full = cpu.sum();
        long[] probeRequests = new long[2];
        while (size < g) {
            int to = Math.min(g, size + batch);
            grow.start();
            Http.Answer a = scim.patch("Groups/" + groupId, Entra.addMembers(members.subList(size, to)));
            grow.stop();
            count(bad, a, "PATCH large add");
            growth.add(a.nanos());
            size = to;
            if (checkpoints.contains(size)) {
                log("   at %d members", size);
                measureAt(scim, groupId, members, size, size == g, bad, probes, full, probeRequests);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        cpuRows.add(grow.row("large.grow", "5 grow to " + g + ", per PATCH adding 1,000", "requests", growth.size()));
        cpuRows.add(probes.row("large.probes", "5 probes at the checkpoints (mixed), per request", "requests", probeRequests[0]));
        cpuRows.add(full.row("large.get_full", "5 full GET of " + g + " members, per request", "requests", probeRequests[1]));
        stats.add(Stat.of("large.grow", "5 grow to " + g + " in PATCHes of 1,000", "members", g, seconds,
                growth.stream().mapToLong(Long::longValue).toArray(), bad.get()));
    }

    private void measureAt(Http scim, String groupId, List<String> members, int size, boolean last, AtomicLong bad,
                           Cpu.Sum probes, Cpu.Sum fullGets, long[] probeRequests) {
        String at = size >= 1000 && size % 1000 == 0 ? (size / 1000) + "k" : Integer.toString(size);
        probes.start();
        if (size >= 1000) {
            int samples = 3;
            long[] add = new long[samples];
            for (int s = 0; s < samples; s++) {
                List<String> lastThousand = members.subList(size - 1000, size);
                count(bad, scim.patch("Groups/" + groupId, Entra.removeMembers(lastThousand)), "PATCH large remove 1000");
                Http.Answer a = scim.patch("Groups/" + groupId, Entra.addMembers(lastThousand));
                count(bad, a, "PATCH large add 1000");
                add[s] = a.nanos();
            }
            stats.add(Stat.of("large.add1000@" + at, "5 add 1,000 members at " + at, "requests", samples, 0, add, 0));
        }
        int samples = 5;
        long[] remove = new long[samples];
        List<String> removed = new ArrayList<>();
        for (int s = 0; s < samples && s < size; s++) {
            String member = members.get(size - 1 - s * 7 % size);
            Http.Answer a = scim.patch("Groups/" + groupId, Entra.removeMembers(List.of(member)));
            count(bad, a, "PATCH large remove 1");
            remove[s] = a.nanos();
            removed.add(member);
        }
        count(bad, scim.patch("Groups/" + groupId, Entra.addMembers(removed)), "PATCH large re-add");
        stats.add(Stat.of("large.remove1@" + at, "5 remove 1 member at " + at, "requests", samples, 0, remove, 0));

        int gets = 20;
        long[] get = new long[gets];
        for (int s = 0; s < gets; s++) {
            Http.Answer a = scim.get("Groups/" + groupId + "?excludedAttributes=members");
            count(bad, a, "GET excludedAttributes=members");
            get[s] = a.nanos();
        }
        stats.add(Stat.of("large.get_no_members@" + at, "5 GET ?excludedAttributes=members at " + at, "requests", gets, 0, get, 0));
        probes.stop();
        probeRequests[0] += (size >= 1000 ? 6 : 0) + Math.min(5, size) + 1 + gets;

        if (last) {
            fullGets.start();
            int full = 3;
            long[] nanos = new long[full];
            long bytes = 0;
            for (int s = 0; s < full; s++) {
                Http.Answer a = scim.get("Groups/" + groupId);
                count(bad, a, "GET full group");
                nanos[s] = a.nanos();
                bytes = a.body().length();
            }
            fullGets.stop();
            probeRequests[1] += full;
            stats.add(Stat.of("large.get_full@" + at, "5 full GET /Groups/{id} at " + at + " (" + bytes / 1024 + " KiB)",
                    "requests", full, 0, nanos, 0));
        }
    }

    private void memory() {
        if (serverPid <= 0) {
            return;
        }
        try {
            String heap = command("jcmd", Long.toString(serverPid), "GC.heap_info");
            Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heap);
            if (m.find()) {
                stats.add(Stat.value("memory.heap_used_mib", "heap used after scenario 5 (jcmd GC.heap_info)", "MiB",
                        Long.parseLong(m.group(2)) / 1024.0));
                stats.add(Stat.value("memory.heap_committed_mib", "heap committed after scenario 5", "MiB",
                        Long.parseLong(m.group(1)) / 1024.0));
            }
            command("jcmd", Long.toString(serverPid), "GC.run");
            Matcher live = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(
                    command("jcmd", Long.toString(serverPid), "GC.heap_info"));
            if (live.find()) {
                stats.add(Stat.value("memory.heap_live_mib", "heap live after scenario 5 (after a full GC)", "MiB",
                        Long.parseLong(live.group(2)) / 1024.0));
            }
            // What the live heap holds: the 40 biggest classes, for the report (target/bench/histogram-*.txt).
            String histogram = command("jcmd", Long.toString(serverPid), "GC.class_histogram");
            Path histogramFile = Path.of(options.getOrDefault("out", "target/bench/run.json").replace(".json", "")
                    + "-histogram.txt");
            Files.writeString(histogramFile, histogram);
            log("live heap histogram: %s", histogramFile);
            for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    String[] parts = line.split("\\s+");
                    String name = line.startsWith("VmRSS") ? "memory.rss_mib" : "memory.rss_peak_mib";
                    stats.add(Stat.value(name, line.startsWith("VmRSS") ? "process RSS after scenario 5 (VmRSS)"
                            : "process RSS peak (VmHWM)", "MiB", Long.parseLong(parts[1]) / 1024.0));
                }
            }
        } catch (IOException e) {
            log("could not read the server's memory: %s", e);
        }
    }

    private void ratios() {
        Stat jdbc = find("floor.jdbc");
        Stat ping = find("floor.ping");
        Stat initial = find("initial");
        Stat incremental = find("incremental");
        if (jdbc != null && initial != null && jdbc.throughput() > 0) {
            stats.add(Stat.value("ratio.initial_creates_vs_jdbc", "1 creates/s / raw JDBC commits/s", "ratio",
                    initial.throughput() / jdbc.throughput()));
        }
        if (ping != null && ping.throughput() > 0) {
            if (initial != null) {
                stats.add(Stat.value("ratio.initial_requests_vs_ping", "1 requests/s / no-op requests/s", "ratio",
                        2 * initial.throughput() / ping.throughput()));
            }
            if (incremental != null) {
                stats.add(Stat.value("ratio.incremental_requests_vs_ping", "2 requests/s / no-op requests/s", "ratio",
                        2 * incremental.throughput() / ping.throughput()));
            }
        }
        if (jdbc != null && incremental != null && jdbc.throughput() > 0) {
            stats.add(Stat.value("ratio.incremental_patches_vs_jdbc", "2 PATCHes/s / raw JDBC commits/s", "ratio",
                    incremental.throughput() / jdbc.throughput()));
        }
    }

    /**
     * The yardsticks: a create is scenario 1 less its lookups (as measured by 1L, a miss each), a PATCH is scenario 2
     * less its lookups (2L, a hit each).
     */
    private void cpuPerOperation() {
        Cpu.Row initial = cpuRow("initial");
        Cpu.Row miss = cpuRow("lookup.miss");
        Cpu.Row incremental = cpuRow("incremental");
        Cpu.Row hit = cpuRow("lookup.hit");
        if (initial != null && miss != null) {
            cpuRows.add(Cpu.Row.less("create", "=> POST /Users alone (1 less 1L), per create", "creates", initial, miss));
        }
        if (incremental != null && hit != null) {
            cpuRows.add(Cpu.Row.less("patch", "=> PATCH /Users alone (2 less 2L), per PATCH", "requests", incremental, hit));
        }
    }

    private Cpu.Row cpuRow(String key) {
        return cpuRows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void write() throws IOException {
        Path out = Path.of(options.getOrDefault("out", "target/bench/run.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        StringBuilder json = new StringBuilder("{\n\"users\":").append(users).append(",\"concurrency\":").append(concurrency)
                .append(",\"groupSize\":").append(groupSize).append(",\"scenario\":")
                .append(Json.q(String.join(",", scenarios(options.getOrDefault("scenario", "standard")))))
                .append(",\"durability\":").append(Json.q(dbServer.durability()))
                .append(",\"flushLogAtTrxCommit\":").append(dbServer.flushLogAtTrxCommit())
                .append(",\"database\":").append(Json.q(dbServer.description()))
                .append(",\"cores\":").append(cpu.cores()).append(",\"rows\":[\n");
        for (int i = 0; i < stats.size(); i++) {
            json.append(stats.get(i).json()).append(i + 1 < stats.size() ? ",\n" : "\n");
        }
        json.append("],\"cpu\":[\n");
        for (int i = 0; i < cpuRows.size(); i++) {
            json.append(cpuRows.get(i).json()).append(i + 1 < cpuRows.size() ? ",\n" : "\n");
        }
        json.append("]}\n");
        Files.writeString(out, json);
        System.out.printf(Locale.ROOT, "%ndatabase: %s, innodb_flush_log_at_trx_commit=%d (%s)%n", dbServer.description(),
                dbServer.flushLogAtTrxCommit(), dbServer.durability());
        System.out.println(Table.render(stats));
        if (!cpuRows.isEmpty()) {
            System.out.println(Table.cpu(cpuRows, cpu.cores()));
        }
    }

    // ----------------------------------------------------------------------------- helpers

    private Stat find(String key) {
        return stats.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    private final AtomicInteger samples = new AtomicInteger();

    private void count(AtomicLong bad, Http.Answer a, String what) {
        if (!a.ok()) {
            bad.incrementAndGet();
            sample(what, a);
        }
    }

    private void sample(String what, Http.Answer a) {
        if (samples.getAndIncrement() < 10) {
            String body = a.body() == null ? "" : a.body();
            log("   %s -> %d %s", what, a.status(), body.substring(0, Math.min(300, body.length())));
        }
    }

    private void parallel(int tasks, IntConsumer task) {
        parallel(tasks, concurrency, task);
    }

    /** Runs task(0 … tasks-1) on {@code threads} workers (at most one per task); returns when all are done. */
    static void parallel(int tasks, int threads, IntConsumer task) {
        int workers = Math.max(1, Math.min(threads, tasks));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                    task.accept(i);
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static double timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String command(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "bench: " + format + "%n", args);
        System.out.flush();
    }
}
