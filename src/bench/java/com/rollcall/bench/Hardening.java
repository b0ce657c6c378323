package com.rollcall.bench;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The hardening scenarios of issue 15 (scripts/bench.sh --scenario hardening), each against the defaults of the
 * server it runs on:
 * <ul>
 *   <li><b>F, tenant flood</b>: enterprise B's Entra-like client (GET userName eq + PATCH, paced) measured quiet, then
 *       while enterprise A floods with many closed-loop clients far beyond its request budget (A's 429s counted).
 *       Goal: B's p99 during the flood within 2x of quiet.</li>
 *   <li><b>L, login storm</b>: B's client measured quiet, then during parallel bad console sign-ins against A's admin
 *       login, first all from one address (the per-address budget), then each worker from its own loopback address
 *       127.0.0.N (a distributed storm: the bound on concurrent password checks). Outcomes counted by what the
 *       sign-in page says.</li>
 *   <li><b>H, heap with big groups</b>: a few groups of G members each; 4 clients list them with members
 *       ({@code GET /Groups?attributes=members} and {@code POST /Groups/.search}); the server's live heap (after a full
 *       GC) before, during (3 samples) and after. Goal: flat.</li>
 * </ul>
 * Enterprises are onboarded through the operator API ({@code POST /api/operator/v1/enterprises}).
 */
final class Hardening {
    private static final String SEARCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
            + "\"attributes\":[\"displayName\",\"members\"],\"startIndex\":1,\"count\":10}";

    private final String base;
    private final Database db;
    private final long serverPid;
    private final HeapWatch heapWatch;
    private final int groupSize;
    private final double phaseSeconds;
    private final String operatorToken;
    private final List<Stat> stats;
    private final String tag;
    private final int seedUsers;
    private final int floodClients;
    private final int stormClients;
    private final int heapGroups;
    private final double bRate;
    private final String outBase;

    Hardening(String base, Database db, long serverPid, HeapWatch heapWatch, int groupSize, double phaseSeconds,
              String operatorToken, Map<String, String> options, List<Stat> stats, String tag) {
        this.base = base;
        this.db = db;
        this.serverPid = serverPid;
        this.heapWatch = heapWatch;
        this.groupSize = groupSize;
        this.phaseSeconds = phaseSeconds;
        this.operatorToken = operatorToken;
        this.stats = stats;
        this.tag = tag;
        this.seedUsers = Integer.parseInt(options.getOrDefault("seed-users", "400"));
        this.floodClients = Integer.parseInt(options.getOrDefault("flood-clients", "64"));
        this.stormClients = Integer.parseInt(options.getOrDefault("storm-clients", "200"));
        this.heapGroups = Integer.parseInt(options.getOrDefault("heap-groups", "3"));
        this.bRate = Double.parseDouble(options.getOrDefault("b-rate", "40"));
        this.outBase = options.getOrDefault("out", "target/bench/run.json").replace(".json", "");
    }

    private record Tenant(long enterpriseId, String token, String adminEmail, String tag) {
    }

    void run(Set<String> which) throws Exception {
        Bench.log("hardening: %s; phases of %.0f s; budgets as the server has them (env ROLLCALL_BUDGET_* of bench.sh: "
                + "api %s/s burst %s, login %s/min burst %s)", which, phaseSeconds,
                env("ROLLCALL_BUDGET_API_PERSECOND", "default"), env("ROLLCALL_BUDGET_API_BURST", "default"),
                env("ROLLCALL_BUDGET_LOGIN_PERMINUTE", "default"), env("ROLLCALL_BUDGET_LOGIN_BURST", "default"));
        // heap before storm: every sign-in attempt of the storm leaves an HTTP session behind, which would blur the
        // heap scenario's before/after
        Tenant a = null;
        Tenant b = null;
        if (which.contains("flood") || which.contains("storm")) {
            a = onboard("A", 10_000);
            b = onboard("B", 10_000);
            Bench.log("F/L setup: %d users in each of A and B (SCIM POST, not measured)", seedUsers);
            seed(a);
            seed(b);
        }
        if (which.contains("flood")) {
            flood(a, b);
        }
        if (which.contains("heap")) {
            heap();
        }
        if (which.contains("storm")) {
            storm(a, b);
        }
    }

    // ----------------------------------------------------------------------------- F: tenant flood

    private void flood(Tenant a, Tenant b) throws InterruptedException {
        Http scimB = new Http(base + "scim/v2", b.token());
        Bench.log("F quiet: B's client, %.0f requests/s for %.0f s", bRate, phaseSeconds);
        Recorder quiet = entraMix(scimB, b, phaseSeconds);

        Bench.log("F flood: A floods with %d closed-loop clients (429s ignored); B measured again", floodClients);
        Http scimA = new Http(base + "scim/v2", a.token());
        Recorder flood = new Recorder();
        AtomicBoolean stop = new AtomicBoolean();
        long floodStart = System.nanoTime();
        List<Thread> flooders = background(floodClients, stop, w -> {
            int i = ThreadLocalRandom.current().nextInt(seedUsers);
            Http.Answer got = scimA.get("Users?filter=" + enc("userName eq \"" + Entra.userName(a.tag(), i) + "\""));
            flood.add(got);
            String id = got.ok() && Json.totalResults(got.body()) == 1 ? Json.id(got.body()) : null;
            if (id != null) {
                flood.add(scimA.patch("Users/" + id, Entra.updateUser(a.tag(), i)));
            }
        });
        Thread.sleep(3000);
        Recorder during = entraMix(scimB, b, phaseSeconds);
        stop.set(true);
        join(flooders);
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;

        stats.add(quiet.stat("flood.b_quiet", "F  B quiet (GET userName eq + PATCH, paced)", phaseSeconds));
        stats.add(during.stat("flood.b_flood", "F  B during A's flood", phaseSeconds));
        stats.add(flood.stat("flood.a", "F  A's flood, " + floodClients + " clients (non-2xx: 429s)", floodSeconds));
        stats.add(Stat.value("flood.a_429", "F  A's answers that were 429", "answers", flood.status(429)));
        stats.add(Stat.value("flood.a_other_non2xx", "F  A's other non-2xx answers", "answers", flood.bad() - flood.status(429)));
        stats.add(Stat.value("flood.a_served_per_s", "F  A's 2xx answers per second", "per s", flood.ok() / floodSeconds));
        ratio("ratio.flood_b_p50", "F  B p50 flood / quiet", during, quiet, false);
        ratio("ratio.flood_b_p99", "F  B p99 flood / quiet (goal <= 2)", during, quiet, true);
    }

    // ----------------------------------------------------------------------------- L: login storm

    private void storm(Tenant a, Tenant b) throws Exception {
        Http scimB = new Http(base + "scim/v2", b.token());
        java.net.URI uri = java.net.URI.create(base);
        ConsoleLogin console = new ConsoleLogin(uri.getHost(), uri.getPort());
        Bench.log("L quiet: B's client, %.0f requests/s for %.0f s", bRate, phaseSeconds);
        Recorder quiet = entraMix(scimB, b, phaseSeconds);
        stats.add(quiet.stat("storm.b_quiet", "L  B quiet (GET userName eq + PATCH, paced)", phaseSeconds));
        double liveBefore = live();

        // the control: as many closed-loop clients on the cheapest request there is (no login, no database)
        Bench.log("L control: %d clients on GET /api/ping; B measured", stormClients);
        Http ping = new Http(base, "none");
        Recorder pings = new Recorder();
        AtomicBoolean stopPings = new AtomicBoolean();
        long pingStart = System.nanoTime();
        List<Thread> pingers = background(stormClients, stopPings, w -> pings.add(ping.getNoAuth("api/ping")));
        Thread.sleep(3000);
        Recorder control = entraMix(scimB, b, phaseSeconds);
        stopPings.set(true);
        join(pingers);
        stats.add(control.stat("storm.b_control", "L  B during " + stormClients + " clients on /api/ping (control)", phaseSeconds));
        stats.add(pings.stat("storm.control", "L  control: GET /api/ping, " + stormClients + " clients",
                (System.nanoTime() - pingStart) / 1e9));
        ratio("ratio.storm_control_b_p99", "L  B p99 ping control / quiet", control, quiet, true);

        for (boolean many : new boolean[] {false, true}) {
            String key = many ? "many" : "one";
            Bench.log("L storm from %s: %d clients, bad sign-ins against A's admin login and unknown logins; B measured",
                    many ? stormClients + " addresses (127.0.0.2-" + (1 + stormClients) + ")" : "one address", stormClients);
            Map<ConsoleLogin.Outcome, AtomicLong> outcomes = new EnumMap<>(ConsoleLogin.Outcome.class);
            for (ConsoleLogin.Outcome o : ConsoleLogin.Outcome.values()) {
                outcomes.put(o, new AtomicLong());
            }
            Recorder attempts = new Recorder();
            AtomicInteger others = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime();
            List<Thread> stormers = background(stormClients, stop, w -> {
                InetAddress from = many ? address(w) : null;
                int n = ThreadLocalRandom.current().nextInt(1_000_000);
                String login = n % 2 == 0 ? a.adminEmail() : "nobody" + n + "." + tag + "@bench.example";
                ConsoleLogin.Attempt attempt = console.attempt(from, login, "wrong password " + n);
                outcomes.get(attempt.outcome()).incrementAndGet();
                attempts.add(attempt.outcome() == ConsoleLogin.Outcome.OTHER ? -1 : 200, attempt.nanos());
                if (attempt.outcome() == ConsoleLogin.Outcome.OTHER && others.getAndIncrement() < 5) {
                    Bench.log("   sign-in attempt -> %s", attempt.detail());
                }
            });
            Thread.sleep(3000);
            Recorder during = entraMix(scimB, b, phaseSeconds);
            stop.set(true);
            join(stormers);
            double seconds = (System.nanoTime() - start) / 1e9;
            String label = many ? "L  storm, " + stormClients + " addresses" : "L  storm, one address";
            stats.add(during.stat("storm.b_" + key, "L  B during the " + (many ? "distributed " : "one-address ") + "storm",
                    phaseSeconds));
            stats.add(attempts.stat("storm." + key, label + ": sign-in attempts (non-2xx: unexpected)", seconds));
            stats.add(Stat.value("storm." + key + "_throttled", label + ": refused by the address budget", "attempts",
                    outcomes.get(ConsoleLogin.Outcome.THROTTLED).get()));
            stats.add(Stat.value("storm." + key + "_busy", label + ": turned away, checks busy", "attempts",
                    outcomes.get(ConsoleLogin.Outcome.BUSY).get()));
            stats.add(Stat.value("storm." + key + "_checked", label + ": password checked, refused", "attempts",
                    outcomes.get(ConsoleLogin.Outcome.FAILED).get()));
            stats.add(Stat.value("storm." + key + "_signed_in", label + ": signed in (must be 0)", "attempts",
                    outcomes.get(ConsoleLogin.Outcome.SIGNED_IN).get()));
            ratio("ratio.storm_" + key + "_b_p50", "L  B p50 " + key + "-address storm / quiet", during, quiet, false);
            ratio("ratio.storm_" + key + "_b_p99", "L  B p99 " + key + "-address storm / quiet (goal <= 2)", during, quiet, true);
        }
        double liveAfter = live();
        histogram("after-storms");
        Bench.log("L live heap before the storms %.1f MiB, after %.1f MiB", liveBefore, liveAfter);
        stats.add(Stat.value("storm.live_before_mib", "L  live heap before the storms (after a full GC)", "MiB", liveBefore));
        stats.add(Stat.value("storm.live_after_mib", "L  live heap after the storms (after a full GC)", "MiB", liveAfter));
    }

    private static InetAddress address(int worker) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + worker % 250)});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    // ----------------------------------------------------------------------------- H: heap with big groups

    private void heap() throws Exception {
        Tenant h = onboard("H", groupSize + 1_000);
        Http scim = new Http(base + "scim/v2", h.token());
        Bench.log("H setup: %d users by SQL, %d groups of %d members (PATCHes of 1,000; not measured)", groupSize,
                heapGroups, groupSize);
        List<String> members = db.bulkUsers(h.enterpriseId(), "h" + tag, groupSize);
        AtomicLong badSetup = new AtomicLong();
        List<Thread> growers = new ArrayList<>();
        for (int g = 0; g < heapGroups; g++) {
            int group = g;
            Thread t = new Thread(() -> {
                Http.Answer created = scim.post("Groups", Entra.createGroup("Bench heap group " + group + " " + tag,
                        UUID.randomUUID().toString()));
                String id = Json.id(created.body());
                if (created.status() != 201 || id == null) {
                    badSetup.incrementAndGet();
                    return;
                }
                for (int from = 0; from < members.size(); from += 1000) {
                    if (!scim.patch("Groups/" + id, Entra.addMembers(members.subList(from, Math.min(members.size(), from + 1000))))
                            .ok()) {
                        badSetup.incrementAndGet();
                    }
                }
            });
            t.start();
            growers.add(t);
        }
        join(growers);
        if (badSetup.get() > 0) {
            throw new IllegalStateException("H setup: " + badSetup.get() + " requests failed");
        }
        double before = live();
        Bench.log("H live heap before: %.1f MiB", before);

        Recorder list = new Recorder();
        Recorder search = new Recorder();
        AtomicLong listBytes = new AtomicLong();
        AtomicLong shortAnswers = new AtomicLong();
        long expected = (long) heapGroups * groupSize * 36;
        AtomicBoolean stop = new AtomicBoolean();
        if (heapWatch != null) {
            heapWatch.startWindow();
        }
        double window = Math.max(20, phaseSeconds * 1.5);
        Bench.log("H load: 4 clients listing the groups with members for %.0f s (live heap sampled 3 times)", window);
        long start = System.nanoTime();
        List<Thread> listers = background(4, stop, w -> {
            boolean get = ThreadLocalRandom.current().nextBoolean();
            Http.Drained d = get ? scim.getDrained("Groups?attributes=members") : scim.postDrained("Groups/.search", SEARCH);
            (get ? list : search).add(d.status(), d.nanos());
            if (d.ok() && d.bytes() < expected) {
                shortAnswers.incrementAndGet();
            }
            if (get && d.ok()) {
                listBytes.set(d.bytes());
            }
            if (!d.ok() && shortAnswers.get() < 3) {
                Bench.log("   list with members -> %d %s", d.status(), d.head().substring(0, Math.min(200, d.head().length())));
            }
        });
        List<Double> during = new ArrayList<>();
        for (double at : new double[] {0.3, 0.6, 0.9}) {
            long due = start + (long) (at * window * 1e9);
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            double sample = live();
            during.add(sample);
            Bench.log("   live heap at %.0f%%: %.1f MiB", at * 100, sample);
            if (at == 0.6) {
                histogram("heap-during");
            }
        }
        Thread.sleep(Math.max(0, (start + (long) (window * 1e9) - System.nanoTime()) / 1_000_000));
        stop.set(true);
        join(listers);
        double seconds = (System.nanoTime() - start) / 1e9;
        double peak = heapWatch == null ? -1 : heapWatch.windowPeakMiB();
        double after = live();
        Bench.log("H live heap after: %.1f MiB", after);
        double maxDuring = during.stream().mapToDouble(Double::doubleValue).max().orElse(-1);

        stats.add(list.stat("heap.list", "H  GET /Groups?attributes=members (" + heapGroups + " x " + groupSize + ")", seconds));
        stats.add(search.stat("heap.search", "H  POST /Groups/.search with members", seconds));
        stats.add(Stat.value("heap.short_answers", "H  2xx answers shorter than the members need", "answers", shortAnswers.get()));
        stats.add(Stat.value("heap.answer_mib", "H  size of one list answer", "MiB", listBytes.get() / 1048576.0));
        stats.add(Stat.value("heap.live_before_mib", "H  live heap before (after a full GC)", "MiB", before));
        stats.add(Stat.value("heap.live_during_mib", "H  live heap during, highest of 3 (after a full GC)", "MiB", maxDuring));
        stats.add(Stat.value("heap.live_after_mib", "H  live heap after (after a full GC)", "MiB", after));
        stats.add(Stat.value("heap.live_growth_mib", "H  live heap during - before (goal: flat, < 64)", "MiB", maxDuring - before));
        stats.add(Stat.value("heap.peak_used_mib", "H  heap used during, peak (jstat, garbage included)", "MiB", peak));
    }

    /** What the live heap holds now (jcmd GC.class_histogram, which collects first): its top 40 lines, in a file. */
    private void histogram(String what) {
        if (serverPid <= 0) {
            return;
        }
        try {
            String[] lines = Bench.command("jcmd", Long.toString(serverPid), "GC.class_histogram").split("\n");
            java.nio.file.Path file = java.nio.file.Path.of(outBase + "-" + what + "-histogram.txt");
            java.nio.file.Files.writeString(file, String.join("\n", java.util.Arrays.asList(lines).subList(0,
                    Math.min(lines.length, 45))) + "\n");
            Bench.log("   live heap histogram: %s", file);
        } catch (java.io.IOException e) {
            Bench.log("   no histogram: %s", e);
        }
    }

    private double live() {
        return serverPid > 0 ? HeapWatch.liveMiB(serverPid) : -1;
    }

    // ----------------------------------------------------------------------------- the normal client, helpers

    /**
     * Entra's incremental sync on B, paced: 4 workers, each a GET userName eq (a hit) then a PATCH of 2-3 attributes,
     * together {@link #bRate} requests a second for {@code seconds} (a worker late on its schedule goes on at once, so
     * a slow server is measured, not hidden).
     */
    private Recorder entraMix(Http scim, Tenant t, double seconds) {
        Recorder rec = new Recorder();
        int workers = 4;
        long period = (long) (2 * workers / bRate * 1e9);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            long offset = period * w / workers;
            Thread thread = new Thread(() -> {
                long next = System.nanoTime() + offset;
                while (true) {
                    long now = System.nanoTime();
                    if (next > now) {
                        sleepNanos(next - now);
                    }
                    if (System.nanoTime() >= deadline) {
                        return;
                    }
                    int i = ThreadLocalRandom.current().nextInt(seedUsers);
                    Http.Answer got = scim.get("Users?filter=" + enc("userName eq \"" + Entra.userName(t.tag(), i) + "\""));
                    rec.add(got);
                    String id = got.ok() && Json.totalResults(got.body()) == 1 ? Json.id(got.body()) : null;
                    if (id != null) {
                        rec.add(scim.patch("Users/" + id, Entra.updateUser(t.tag(), i)));
                    }
                    next = Math.max(next + period, System.nanoTime() - period);
                }
            }, "entra-b-" + w);
            thread.start();
            threads.add(thread);
        }
        join(threads);
        return rec;
    }

    private Tenant onboard(String label, int licenseLimit) throws Exception {
        String tenantTag = label.toLowerCase() + tag;
        String email = "admin-" + tenantTag + "@bench.example";
        String name = "Bench " + label + " " + tag;
        long enterpriseId;
        if (operatorToken == null || operatorToken.isBlank()) {
            Bench.log("no operator token (BENCH_OPERATOR_TOKEN): enterprise %s made by SQL", label);
            enterpriseId = db.createTenant(name, licenseLimit).enterpriseId();
        } else {
            Http operator = new Http(base + "api/operator/v1", operatorToken);
            Http.Answer answer = operator.postJson("enterprises", "{\"name\":" + Json.q(name) + ",\"licenseLimit\":" + licenseLimit
                    + ",\"identifierRule\":\"EMAIL\",\"provisioningMode\":\"MANAGED_IN_CONNECTED_SYSTEM\","
                    + "\"firstAdminEmail\":" + Json.q(email) + ",\"firstAdminName\":\"Bench admin " + label + "\"}");
            String id = Json.id(answer.body());
            if (answer.status() != 201 || id == null) {
                throw new IllegalStateException("onboarding enterprise " + label + " answered " + answer.status() + " " + answer.body());
            }
            enterpriseId = Long.parseLong(id);
        }
        return new Tenant(enterpriseId, db.issueToken(enterpriseId, "Bench IdP " + label), email, tenantTag);
    }

    private void seed(Tenant t) {
        Http scim = new Http(base + "scim/v2", t.token());
        AtomicLong bad = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < seedUsers; i = next.getAndIncrement()) {
                    String body = Entra.createUser(t.tag(), i, UUID.randomUUID().toString());
                    int status = scim.post("Users", body).status();
                    // a server run with a small budget (ROLLCALL_BUDGET_API_*): the setup honours Retry-After
                    for (int retry = 0; status == 429 && retry < 60; retry++) {
                        sleepNanos(1_000_000_000L);
                        status = scim.post("Users", body).status();
                    }
                    if (status != 201) {
                        bad.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        join(threads);
        if (bad.get() > 0) {
            throw new IllegalStateException("seeding " + t.tag() + ": " + bad.get() + " users not created");
        }
    }

    private void ratio(String key, String label, Recorder during, Recorder quiet, boolean p99) {
        double q = p99 ? quiet.percentile(99) : quiet.percentile(50);
        double d = p99 ? during.percentile(99) : during.percentile(50);
        stats.add(Stat.value(key, label, "ratio", q > 0 ? d / q : -1));
    }

    /** {@code n} threads running {@code task(worker)} in a loop until {@code stop}. */
    private static List<Thread> background(int n, AtomicBoolean stop, IntConsumer task) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    task.accept(worker);
                }
            }, "load-" + w);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Latencies and statuses of many requests from many threads. */
    static final class Recorder {
        private final List<long[]> chunks = new ArrayList<>();
        private final Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        private long[] current = new long[4096];
        private int used;

        void add(Http.Answer a) {
            add(a.status(), a.nanos());
        }

        synchronized void add(int status, long nanos) {
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (used == current.length) {
                chunks.add(current);
                current = new long[current.length * 2];
                used = 0;
            }
            current[used++] = nanos;
        }

        synchronized long[] nanos() {
            int total = used + chunks.stream().mapToInt(c -> c.length).sum();
            long[] all = new long[total];
            int at = 0;
            for (long[] c : chunks) {
                System.arraycopy(c, 0, all, at, c.length);
                at += c.length;
            }
            System.arraycopy(current, 0, all, at, used);
            return all;
        }

        long status(int status) {
            AtomicLong n = statuses.get(status);
            return n == null ? 0 : n.get();
        }

        long ok() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                    .mapToLong(e -> e.getValue().get()).sum();
        }

        long total() {
            return statuses.values().stream().mapToLong(AtomicLong::get).sum();
        }

        long bad() {
            return total() - ok();
        }

        double percentile(int p) {
            Stat s = Stat.of("", "", "", 0, 0, nanos(), 0);
            return p == 99 ? s.p99() : s.p50();
        }

        Stat stat(String key, String label, double seconds) {
            return Stat.of(key, label, "requests", total(), seconds, nanos(), bad());
        }
    }
}
