package com.rollcall.bench;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.events.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario "feed" (issue 19): the change feed's lag under load. A webhook receiver runs inside the load generator
 * (com.sun.net.httpserver on loopback), registered through the admin API for a fresh bench tenant; a pull consumer
 * loops on {@code GET /api/admin/v1/events?after=…&wait=20}. Then C workers create and PATCH users through SCIM for a
 * phase (scenario 1 and 2's requests, interleaved). For every {@code user.created} and {@code user.updated} event, the
 * lag is the time from the SCIM answer that caused it (read by the worker) to its receipt by the webhook receiver and
 * by the pull consumer (one clock: this JVM's nanoTime); also from the event's {@code occurredAt} (the server's
 * wall clock, same machine). Events/s produced and delivered during the phase tell whether delivery keeps up; the
 * drain is the time after the phase until the last event arrived. The receiver checks every signature, order and
 * duplicates. Needs the server to allow a loopback webhook ({@code ROLLCALL_WEBHOOKS_ALLOWEDPRIVATEHOSTS=127.0.0.1}).
 */
final class FeedLag {
    /** A compact event as the API writes it: type, enterpriseId, position, occurredAt, resource {type, id}. */
    private static final Pattern EVENT = Pattern.compile("\"id\":\"([^\"]+)\",\"type\":\"([^\"]+)\",\"enterpriseId\":\\d+,"
            + "\"position\":(\\d+),\"occurredAt\":\"([^\"]+)\",\"resource\":\\{\"type\":(?:null|\"[^\"]*\"),"
            + "\"id\":(?:null|\"([^\"]*)\")\\}");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"(\\d+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");
    private static final Duration DRAIN = Duration.ofSeconds(300);

    private final String base;
    private final Database db;
    private final int concurrency;
    private final double phaseSeconds;
    private final List<Stat> stats;
    private final String tag;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One event as a consumer got it: when (nanoTime, wall ms), and what. */
    private record Receipt(String id, String type, long position, String occurredAt, String resourceId, long nanos,
                           long wallMillis) {
    }

    /** The SCIM answers that caused events: "type/resourceId" → nanoTime the worker read the answer. */
    private final Map<String, Long> answered = new ConcurrentHashMap<>();

    FeedLag(String base, Database db, int concurrency, double phaseSeconds, List<Stat> stats, String tag) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.db = db;
        this.concurrency = concurrency;
        this.phaseSeconds = phaseSeconds;
        this.stats = stats;
        this.tag = "f" + tag;
    }

    void run() throws Exception {
        Bench.log("F feed lag: a webhook receiver and a long-poll consumer, C=%d creating and PATCHing users for %.0f s",
                concurrency, phaseSeconds);
        Database.BenchTenant tenant = db.createTenant("Bench feed " + tag, 10_000_000);
        String admin = adminToken(tenant.enterpriseId());
        Http scim = new Http(base + "scim/v2", tenant.token());

        Queue<Receipt> hooked = new ConcurrentLinkedQueue<>();
        AtomicLong badSignatures = new AtomicLong();
        AtomicReferenceSecret secret = new AtomicReferenceSecret();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(4);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/hook", exchange -> {
            long nanos = System.nanoTime();
            long wall = System.currentTimeMillis();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            if (secret.value == null || !WebhookSignature.verify(secret.value, signature, body, wall / 1000, 300)) {
                badSignatures.incrementAndGet();
            }
            receipts(body, nanos, wall, hooked);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        HttpResponse<String> registered = admin("POST", "api/admin/v1/webhooks", admin,
                "{\"url\":\"" + hookUrl + "\",\"description\":\"bench feed lag\"}");
        Matcher s = SECRET.matcher(registered.body());
        if (registered.statusCode() != 201 || !s.find()) {
            receiver.stop(0);
            receiverThreads.shutdownNow();
            throw new IllegalStateException("could not add the webhook endpoint (is ROLLCALL_WEBHOOKS_ALLOWEDPRIVATEHOSTS="
                    + "127.0.0.1 set?): " + registered.statusCode() + " " + registered.body());
        }
        secret.value = s.group(1);
        long start = cursor(admin);

        Queue<Receipt> pulled = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong pullErrors = new AtomicLong();
        Thread puller = new Thread(() -> pull(admin, start, pulled, stop, pullErrors), "feed-pull");
        puller.setDaemon(true);
        puller.start();

        // the load: C workers, each creating a user then PATCHing it, until the phase is over
        AtomicInteger next = new AtomicInteger();
        AtomicLong bad = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long phaseStart = System.nanoTime();
        long deadline = phaseStart + (long) (phaseSeconds * 1e9);
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            futures.add(workers.submit(() -> {
                long[] mine = new long[200_000];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    Http.Answer created = scim.post("Users", Entra.createUser(tag, i, UUID.randomUUID().toString()));
                    long at = System.nanoTime();
                    String id = Json.id(created.body());
                    if (created.status() != 201 || id == null) {
                        bad.incrementAndGet();
                        continue;
                    }
                    answered.put("user.created/" + id, at);
                    Http.Answer patched = scim.patch("Users/" + id, Entra.updateUser(tag, i));
                    at = System.nanoTime();
                    if (patched.ok()) {
                        answered.put("user.updated/" + id, at);
                    } else {
                        bad.incrementAndGet();
                    }
                    if (n + 2 <= mine.length) {
                        mine[n++] = created.nanos();
                        mine[n++] = patched.nanos();
                    }
                }
                return java.util.Arrays.copyOf(mine, n);
            }));
        }
        for (java.util.concurrent.Future<long[]> f : futures) {
            latencies.add(f.get());
        }
        workers.shutdown();
        long phaseEnd = System.nanoTime();
        double seconds = (phaseEnd - phaseStart) / 1e9;
        long produced = cursor(admin) - start;

        // the drain: until both consumers have every event (or DRAIN is over)
        long drainDeadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < drainDeadline && (positions(hooked) < produced || positions(pulled) < produced)) {
            Thread.sleep(100);
        }
        stop.set(true);
        receiver.stop(0);
        receiverThreads.shutdownNow();

        long requests = latencies.stream().mapToLong(l -> l.length).sum();
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        stats.add(Stat.of("feed.load", "F load: POST + PATCH /Users (C=" + concurrency + ")", "requests", requests, seconds,
                all, bad.get()));
        stats.add(Stat.value("feed.produced", "F events produced during the load", "events/s", produced / seconds));
        report("webhook", "webhook", hooked, produced, phaseEnd, seconds, badSignatures.get());
        report("pull", "long poll", pulled, produced, phaseEnd, seconds, pullErrors.get());
    }

    private void report(String key, String label, Queue<Receipt> receipts, long produced, long phaseEnd, double seconds,
            long errors) {
        List<Receipt> got = new ArrayList<>(receipts);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        long duplicates = 0;
        long outOfOrder = 0;
        long lastPosition = 0;
        long during = 0;
        long lastNanos = phaseEnd;
        List<Long> fromAnswer = new ArrayList<>();
        List<Long> fromOccurred = new ArrayList<>();
        long beforeAnswer = 0;
        for (Receipt r : got) {
            if (!ids.add(r.id())) {
                duplicates++;
                continue;
            }
            if (r.position() < lastPosition) {
                outOfOrder++;
            }
            lastPosition = Math.max(lastPosition, r.position());
            if (r.nanos() <= phaseEnd) {
                during++;
            }
            lastNanos = Math.max(lastNanos, r.nanos());
            Long at = r.resourceId() == null ? null : answered.get(r.type() + "/" + r.resourceId());
            if (at != null) {
                long lag = r.nanos() - at;
                if (lag <= 0) {
                    beforeAnswer++; // delivered before the worker had read the answer: committed, then the answer was slow
                }
                fromAnswer.add(Math.max(1, lag));
                long occurred = Instant.parse(r.occurredAt()).toEpochMilli();
                fromOccurred.add(Math.max(1, (r.wallMillis() - occurred) * 1_000_000));
            }
        }
        stats.add(Stat.of("feed." + key + ".lag", "F " + label + ": SCIM answer -> received", "events", fromAnswer.size(),
                seconds, fromAnswer.stream().mapToLong(Long::longValue).toArray(), 0));
        stats.add(Stat.of("feed." + key + ".lag_occurred", "F " + label + ": occurredAt -> received", "events",
                fromOccurred.size(), seconds, fromOccurred.stream().mapToLong(Long::longValue).toArray(), 0));
        stats.add(Stat.value("feed." + key + ".delivered", "F " + label + ": events received during the load", "events/s",
                during / seconds));
        stats.add(Stat.value("feed." + key + ".drain", "F " + label + ": last event received after the load", "s",
                (lastNanos - phaseEnd) / 1e9));
        stats.add(Stat.value("feed." + key + ".missing", "F " + label + ": events not received (of " + produced + ")",
                "events", Math.max(0, produced - ids.size())));
        stats.add(Stat.value("feed." + key + ".faults", "F " + label + ": duplicates / out of order / errors", "count",
                duplicates + outOfOrder + errors));
        Bench.log("   %s: %d events of %d, %d duplicates, %d out of order, %d errors (bad signatures or failed polls), "
                + "%d received before the SCIM answer was read", label, ids.size(), produced, duplicates, outOfOrder,
                errors, beforeAnswer);
    }

    private void pull(String admin, long start, Queue<Receipt> into, AtomicBoolean stop, AtomicLong errors) {
        long cursor = start;
        while (!stop.get()) {
            try {
                HttpResponse<String> page = admin("GET", "api/admin/v1/events?limit=1000&wait=20&after=" + cursor, admin,
                        null);
                long nanos = System.nanoTime();
                long wall = System.currentTimeMillis();
                if (page.statusCode() != 200) {
                    errors.incrementAndGet();
                    Thread.sleep(1000);
                    continue;
                }
                receipts(page.body(), nanos, wall, into);
                Matcher c = CURSOR.matcher(page.body());
                if (c.find()) {
                    cursor = Long.parseLong(c.group(1));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | IOException e) {
                errors.incrementAndGet();
            }
        }
    }

    private static void receipts(String body, long nanos, long wall, Queue<Receipt> into) {
        Matcher m = EVENT.matcher(body);
        while (m.find()) {
            into.add(new Receipt(m.group(1), m.group(2), Long.parseLong(m.group(3)), m.group(4), m.group(5), nanos, wall));
        }
    }

    private static long positions(Queue<Receipt> receipts) {
        return receipts.stream().map(Receipt::id).distinct().count();
    }

    private long cursor(String admin) throws IOException, InterruptedException {
        HttpResponse<String> answer = admin("GET", "api/admin/v1/events/cursor", admin, null);
        Matcher m = CURSOR.matcher(answer.body());
        if (answer.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no feed cursor: " + answer.statusCode() + " " + answer.body());
        }
        return Long.parseLong(m.group(1));
    }

    private HttpResponse<String> admin(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An admin token for the bench tenant (scopes scim and admin), stored as the console would store it. */
    private String adminToken(long enterpriseId) throws Exception {
        String token = ApiTokens.generate();
        try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO api_client "
                + "(enterprise_id, name, token_hash, token_hint, scopes, created_at, created_by, version) "
                + "VALUES (?, 'Bench feed consumer', ?, ?, 'scim,admin', UTC_TIMESTAMP(3), 'bench', 1)")) {
            insert.setLong(1, enterpriseId);
            insert.setString(2, ApiTokens.hash(token));
            insert.setString(3, ApiTokens.hint(token));
            insert.executeUpdate();
        }
        return token;
    }

    /** The endpoint's secret, set once registered (read by the receiver's threads). */
    private static final class AtomicReferenceSecret {
        volatile String value;
    }
}
