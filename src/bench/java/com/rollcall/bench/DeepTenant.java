package com.rollcall.bench;

import com.rollcall.platform.security.PasswordHasher;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 20's deep-tenant scenario ({@code scripts/bench.sh --scenario deep}): the cost of an operation as a tenant
 * grows. Setup (timed, not measured as an operation): one deep enterprise of {@code BENCH_DEEP_USERS} (1,000,000)
 * users, {@code BENCH_DEEP_OTHERS} (1,000) other enterprises of {@code BENCH_DEEP_OTHER_SIZE} (1,000) users, and a
 * comparison enterprise of {@code BENCH_DEEP_SMALL} (20,000) users, all in one database, so both are measured against
 * the same table sizes. Enterprises are onboarded through the operator API; users are loaded by SQL as a SCIM create
 * of Entra's body writes them (user_account with its key columns, the enterprise extension, four multi-valued rows:
 * the work email, two phone numbers, an address; a seat each, license_counter.seats_used kept equal). Chunks of
 * 1,000 users of the enterprises are interleaved, as a database that grew over time has them.
 *
 * <p>Then, one request at a time and alternating deep/small so both see the same machine: the four Entra lookups,
 * creates, PATCHes, the first page and a page 90 % deep of {@code GET /Users}, and the console's dashboard, user list
 * and user search signed in as each enterprise's admin. Each operation's p50/p99 at both sizes and the deep/small
 * ratio (target: within 1.5x). With the privilege to switch MariaDB's general log on, the statements each operation
 * ran are captured and EXPLAINed (target/bench/*-deep-explain.txt).
 */
final class DeepTenant {
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ITEMS = Pattern.compile("\"itemsPerPage\"\\s*:\\s*(\\d+)");
    private static final String ADMIN_PASSWORD = "Deep-tenant bench admin 2026!";

    private final String base;
    private final Database db;
    private final String operatorToken;
    private final List<Stat> stats;
    private final String tag;
    private final String outBase;
    private final int deepUsers = env("BENCH_DEEP_USERS", 1_000_000);
    private final int others = env("BENCH_DEEP_OTHERS", 1_000);
    private final int otherSize = env("BENCH_DEEP_OTHER_SIZE", 1_000);
    private final int smallUsers = env("BENCH_DEEP_SMALL", 20_000);
    private final int samples = env("BENCH_DEEP_SAMPLES", 200);
    private final int slowSamples = env("BENCH_DEEP_SLOW_SAMPLES", 20);
    private final int loaders = env("BENCH_DEEP_LOADERS", 2);
    private final StringBuilder explains = new StringBuilder();

    /** One enterprise of the scenario: its SCIM client, its admin's login, and how its bulk users are named. */
    private record Tenant(String label, long enterpriseId, int size, String prefix, Http scim, String adminLogin) {
        String userName(int i) {
            return prefix + "." + i + "@deep.example";
        }

        String email(int i) {
            return prefix + "." + i + ".mail@deep.example";
        }

        String externalId(int i) {
            return md5Uuid(prefix + "/" + i);
        }

        String employeeNumber(int i) {
            return "E" + i + "-" + prefix;
        }
    }

    DeepTenant(String base, Database db, String operatorToken, List<Stat> stats, String tag, Map<String, String> options) {
        this.base = base;
        this.db = db;
        this.operatorToken = operatorToken;
        this.stats = stats;
        this.tag = tag;
        this.outBase = options.getOrDefault("out", "target/bench/run.json").replace(".json", "");
    }

    void run() throws Exception {
        if (operatorToken == null || operatorToken.isBlank()) {
            throw new IllegalStateException("the deep scenario onboards through the operator API: BENCH_OPERATOR_TOKEN is needed");
        }
        Bench.log("deep: %,d users in one enterprise, %,d enterprises of %,d, a comparison enterprise of %,d",
                deepUsers, others, otherSize, smallUsers);
        List<Tenant> measured = new ArrayList<>();
        if (System.getenv("BENCH_DEEP_REUSE") != null) {
            // a database a previous deep run loaded (bench.sh given ROLLCALL_TEST_DB_URL keeps it): measure again
            Tenant deep = reuse("deep", deepUsers);
            Bench.log("deep: reusing %s and the enterprise of %,d users of a previous run", deep.label(), smallUsers);
            measured.add(deep);
            measured.add(reuse("small", smallUsers));
            measure(measured);
            Files.writeString(Path.of(outBase + "-deep-explain.txt"), explains);
            return;
        }
        long setupStart = System.nanoTime();
        Tenant deep = deepUsers > 0 ? onboard("deep", deepUsers) : null;
        Tenant small = onboard("small", smallUsers);
        List<Long> otherIds = onboardOthers();
        double onboardSeconds = (System.nanoTime() - setupStart) / 1e9;
        Bench.log("deep setup: %d enterprises onboarded in %.1f s; loading users by SQL", otherIds.size() + 2, onboardSeconds);
        long loadStart = System.nanoTime();
        long loaded = load(deep, small, otherIds);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        analyze();
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        Bench.log("deep setup: %,d users loaded in %.1f s (%.0f users/s); setup %.1f s in all", loaded, loadSeconds,
                loaded / loadSeconds, setupSeconds);
        stats.add(Stat.value("deep.setup_users", "D  users loaded by SQL (all enterprises)", "users", loaded));
        stats.add(Stat.value("deep.setup_load_s", "D  setup: loading them", "s", loadSeconds));
        stats.add(Stat.value("deep.setup_s", "D  setup in all (onboarding, loading, ANALYZE)", "s", setupSeconds));
        stats.add(Stat.value("deep.table_users", "D  rows in user_account", "rows", rows("user_account")));
        stats.add(Stat.value("deep.table_multi", "D  rows in user_multi_value", "rows", rows("user_multi_value")));
        if (deep != null) {
            measured.add(deep);
        }
        measured.add(small);
        measure(measured);
        Path file = Path.of(outBase + "-deep-explain.txt");
        Files.writeString(file, explains);
        Bench.log("deep: the statements and EXPLAINs: %s", file);
    }

    // ----------------------------------------------------------------------------- setup

    private Tenant onboard(String label, int users) throws Exception {
        String prefix = label.charAt(0) + tag;
        String email = "admin-" + prefix + "@deep.example";
        long id = onboardOne("Deep bench " + label + " " + tag, users + 10_000, email);
        String token = db.issueToken(id, "Bench IdP " + label);
        // the invitation accepted, as InvitationService does: a password, the invitation used
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("UPDATE console_user SET password_hash = ?, "
                + "invitation_used_at = UTC_TIMESTAMP(3), failed_attempts = 0 WHERE enterprise_id = ?")) {
            s.setString(1, PasswordHasher.hash(ADMIN_PASSWORD));
            s.setLong(2, id);
            s.executeUpdate();
        }
        return new Tenant(label, id, users, prefix, new Http(base + "scim/v2", token), email);
    }

    /** The latest enterprise a previous run onboarded as {@code label}, with a new token and its admin's password set. */
    private Tenant reuse(String label, int users) throws Exception {
        long id;
        String oldTag;
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT id, name FROM enterprise WHERE name LIKE ? "
                + "ORDER BY id DESC LIMIT 1")) {
            s.setString(1, "Deep bench " + label + " %");
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("BENCH_DEEP_REUSE: no enterprise 'Deep bench " + label + " ...' in this database");
                }
                id = r.getLong(1);
                oldTag = r.getString(2).substring(("Deep bench " + label + " ").length());
            }
        }
        String prefix = label.charAt(0) + oldTag;
        String token = db.issueToken(id, "Bench IdP " + label + " " + tag);
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("UPDATE console_user SET password_hash = ?, "
                + "invitation_used_at = UTC_TIMESTAMP(3), failed_attempts = 0 WHERE enterprise_id = ?")) {
            s.setString(1, PasswordHasher.hash(ADMIN_PASSWORD));
            s.setLong(2, id);
            s.executeUpdate();
        }
        return new Tenant(label, id, users, prefix, new Http(base + "scim/v2", token), "admin-" + prefix + "@deep.example");
    }

    private long onboardOne(String name, int licenseLimit, String adminEmail) {
        Http operator = new Http(base + "api/operator/v1", operatorToken);
        Http.Answer answer = operator.postJson("enterprises", "{\"name\":" + Json.q(name) + ",\"licenseLimit\":" + licenseLimit
                + ",\"identifierRule\":\"EMAIL\",\"provisioningMode\":\"MANAGED_IN_CONNECTED_SYSTEM\","
                + "\"firstAdminEmail\":" + Json.q(adminEmail) + ",\"firstAdminName\":\"Deep bench admin\"}");
        String id = Json.id(answer.body());
        if (answer.status() != 201 || id == null) {
            throw new IllegalStateException("onboarding " + name + " answered " + answer.status() + " " + answer.body());
        }
        return Long.parseLong(id);
    }

    private List<Long> onboardOthers() {
        long[] ids = new long[others];
        parallel(others, 4, i -> ids[i] = onboardOne("Deep bench other " + i + " " + tag, otherSize + 100,
                "admin-o" + i + "." + tag + "@deep.example"));
        List<Long> out = new ArrayList<>();
        for (long id : ids) {
            out.add(id);
        }
        return out;
    }

    /** One chunk of bulk users: enterprise, naming prefix, first index, how many. */
    private record Chunk(long enterpriseId, String prefix, int from, int n, double position) {
    }

    private long load(Tenant deep, Tenant small, List<Long> otherIds) throws Exception {
        int size = 1000;
        List<Chunk> chunks = new ArrayList<>();
        if (deep != null) {
            addChunks(chunks, deep.enterpriseId(), deep.prefix(), deep.size(), size);
        }
        addChunks(chunks, small.enterpriseId(), small.prefix(), small.size(), size);
        Random random = new Random(20);
        for (int k = 0; k < otherIds.size(); k++) {
            // the others spread over the whole load, each at a random place
            int n = otherSize;
            for (int from = 0; from < n; from += size) {
                chunks.add(new Chunk(otherIds.get(k), "o" + k + tag, from, Math.min(size, n - from), random.nextDouble()));
            }
        }
        chunks.sort(java.util.Comparator.comparingDouble(Chunk::position));
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long total = chunks.stream().mapToLong(Chunk::n).sum();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < loaders; w++) {
            futures.add(pool.submit(() -> {
                try (Connection c = db.connect()) {
                    c.setAutoCommit(false);
                    for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                        for (int attempt = 1; ; attempt++) {
                            try {
                                insertChunk(c, chunks.get(i));
                                c.commit();
                                break;
                            } catch (java.sql.SQLTransactionRollbackException e) {
                                c.rollback();
                                if (attempt == 5) {
                                    throw e;
                                }
                            }
                        }
                        long d = done.addAndGet(chunks.get(i).n());
                        if (d / 100_000 != (d - chunks.get(i).n()) / 100_000) {
                            Bench.log("   %,d of %,d users (%.0f s)", d, total, (System.nanoTime() - start) / 1e9);
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Long> loaded = new ArrayList<>(otherIds);
        loaded.add(small.enterpriseId());
        if (deep != null) {
            loaded.add(deep.enterpriseId());
        }
        countSeats(loaded);
        return done.get();
    }

    private static void addChunks(List<Chunk> chunks, long enterpriseId, String prefix, int users, int size) {
        int count = (users + size - 1) / size;
        for (int k = 0; k < count; k++) {
            int from = k * size;
            chunks.add(new Chunk(enterpriseId, prefix, from, Math.min(size, users - from), (k + 0.5) / count));
        }
    }

    /**
     * What a SCIM create of {@link Entra#createUser} writes, for n users at once, generated in the database (MariaDB's
     * sequence engine, no rows sent over the wire): the user rows with their key columns (userName lower-cased,
     * externalId case-exact, employee number trimmed and lower-cased), a random SCIM id each, a seat each; then their
     * multi-valued rows (the work email, two phone numbers, an address) over the new ids. The seat counters are set
     * once all is loaded ({@link #countSeats}).
     */
    private static void insertChunk(Connection c, Chunk chunk) throws SQLException {
        String users = "INSERT INTO user_account (enterprise_id, scim_id, user_name, user_name_key, external_id, external_id_key, "
                + "source, active, holds_seat, license_exempt, name_formatted, family_name, given_name, display_name, title, "
                + "user_type, preferred_language, employee_number, employee_number_key, cost_center, organization, division, "
                + "department, created_at, last_modified, version) "
                + "SELECT ?, " + uuid("s.r") + ", CONCAT(?, '.', s.seq, '@deep.example'), LOWER(CONCAT(?, '.', s.seq, '@deep.example')), "
                + uuid("s.x") + ", " + uuid("s.x") + ", 'SCIM', TRUE, TRUE, FALSE, CONCAT('Bench User', s.seq), CONCAT('User', s.seq), "
                + "'Bench', CONCAT('Bench User ', s.seq), 'Retail Manager', 'Member', 'en-US', CONCAT('E', s.seq, '-', ?), "
                + "LOWER(CONCAT('E', s.seq, '-', ?)), 'CC-4711', 'Contoso', 'Americas', 'Retail', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 1 "
                + "FROM (SELECT seq, MD5(CONCAT(?, '/', seq)) AS x, MD5(CONCAT(UUID(), '/', seq)) AS r FROM seq_" + chunk.from()
                + "_to_" + (chunk.from() + chunk.n() - 1) + ") s ORDER BY s.seq";
        long first;
        try (PreparedStatement s = c.prepareStatement(users)) {
            s.setLong(1, chunk.enterpriseId());
            s.setString(2, chunk.prefix());
            s.setString(3, chunk.prefix());
            s.setString(4, chunk.prefix());
            s.setString(5, chunk.prefix());
            s.setString(6, chunk.prefix());
            s.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT LAST_INSERT_ID()")) {
            r.next();
            first = r.getLong(1);
        }
        long last = first + chunk.n() - 1;
        String from = " FROM user_account u WHERE u.id BETWEEN ? AND ? AND u.enterprise_id = ?";
        String[] values = {
            // the work email: Entra sends the userName's address; here one of its own, so that the lookups by email and
            // by userName cannot be answered from the same row
            "SELECT u.id, 0, u.enterprise_id, 'emails', 'work', TRUE, NULL, REPLACE(u.user_name, '@', '.mail@'), "
                    + "LOWER(REPLACE(u.user_name, '@', '.mail@')), NULL, NULL, NULL, NULL, NULL, NULL",
            "SELECT u.id, 1, u.enterprise_id, 'phoneNumbers', 'mobile', FALSE, NULL, '+1 425 555 0109', '+1 425 555 0109', "
                    + "NULL, NULL, NULL, NULL, NULL, NULL",
            "SELECT u.id, 2, u.enterprise_id, 'phoneNumbers', 'work', FALSE, NULL, '+1 425 555 0100', '+1 425 555 0100', "
                    + "NULL, NULL, NULL, NULL, NULL, NULL",
            "SELECT u.id, 3, u.enterprise_id, 'addresses', 'work', FALSE, NULL, NULL, NULL, '1 Microsoft Way\nRedmond WA 98052\nUS', "
                    + "'1 Microsoft Way', 'Redmond', 'WA', '98052', 'US'"};
        for (String select : values) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO user_multi_value (user_id, ordinal, enterprise_id, attribute, "
                    + "item_type, is_primary, display, item_value, item_value_key, formatted, street_address, locality, region, "
                    + "postal_code, country) " + select + from)) {
                s.setLong(1, first);
                s.setLong(2, last);
                s.setLong(3, chunk.enterpriseId());
                s.executeUpdate();
            }
        }
    }

    /** A UUID-shaped text (8-4-4-4-12, lower case) from a column holding 32 hex digits (an MD5). */
    private static String uuid(String hex) {
        return "CONCAT_WS('-', SUBSTR(" + hex + ", 1, 8), SUBSTR(" + hex + ", 9, 4), SUBSTR(" + hex + ", 13, 4), SUBSTR(" + hex
                + ", 17, 4), SUBSTR(" + hex + ", 21, 12))";
    }

    /** The same UUID-shaped text in Java: the MD5 of the text, as {@link #uuid} formats it. */
    static String md5Uuid(String text) {
        try {
            String h = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
                    + h.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each loaded enterprise's seat counter = its users holding a seat (as the SCIM creates would have left it). */
    private void countSeats(List<Long> enterpriseIds) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("UPDATE license_counter SET seats_used = "
                + "(SELECT COUNT(*) FROM user_account u WHERE u.enterprise_id = license_counter.enterprise_id AND u.holds_seat = TRUE) "
                + "WHERE enterprise_id = ?")) {
            for (long id : enterpriseIds) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        }
    }

    private void analyze() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE user_account, user_multi_value");
        }
    }

    private long rows(String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    // ----------------------------------------------------------------------------- measurements

    /** An operation measured at each tenant: one request, given the tenant and the sample's number; null = fine. */
    private interface Operation {
        Http.Answer run(Tenant t, int sample);
    }

    private void measure(List<Tenant> tenants) throws Exception {
        Random random = new Random(7);
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, Console> consoles = new LinkedHashMap<>();
        for (Tenant t : tenants) {
            ids.put(t.label(), new ArrayList<>());
            consoles.put(t.label(), new Console(base, t.adminLogin(), ADMIN_PASSWORD));
        }
        Bench.log("deep: measuring, one request at a time, alternating %s", tenants.stream().map(Tenant::label).toList());
        // warm both tenants' paths (not measured)
        for (Tenant t : tenants) {
            for (int s = 0; s < 20; s++) {
                t.scim().get("Users?filter=" + enc("userName eq \"" + t.userName(random.nextInt(t.size())) + "\""));
            }
        }
        op(tenants, "lookup_username", "GET /Users?filter=userName eq", samples, true, (t, s) -> {
            Http.Answer a = t.scim().get("Users?filter=" + enc("userName eq \"" + t.userName(random.nextInt(t.size())) + "\""));
            String id = Json.totalResults(a.body()) == 1 ? Json.id(a.body()) : null;
            if (id != null) {
                synchronized (ids) {
                    ids.get(t.label()).add(id);
                }
            }
            return one(a);
        });
        op(tenants, "lookup_externalid", "GET /Users?filter=externalId eq", samples, true, (t, s) ->
                one(t.scim().get("Users?filter=" + enc("externalId eq \"" + t.externalId(random.nextInt(t.size())) + "\""))));
        op(tenants, "lookup_email", "GET /Users?filter=emails[type eq \"work\"].value eq", samples, true, (t, s) ->
                one(t.scim().get("Users?filter=" + enc("emails[type eq \"work\"].value eq \"" + t.email(random.nextInt(t.size()))
                        + "\""))));
        op(tenants, "lookup_employee", "GET /Users?filter=...:employeeNumber eq", samples, true, (t, s) ->
                one(t.scim().get("Users?filter=" + enc("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \""
                        + t.employeeNumber(random.nextInt(t.size())) + "\""))));
        op(tenants, "lookup_miss", "GET /Users?filter=userName eq (a miss)", samples, true, (t, s) ->
                none(t.scim().get("Users?filter=" + enc("userName eq \"nobody." + s + "." + t.prefix() + "@deep.example\""))));
        op(tenants, "create", "POST /Users", samples, true, (t, s) -> {
            Http.Answer a = t.scim().post("Users", Entra.createUser("n" + tag + t.prefix(), s, UUID.randomUUID().toString()));
            return a.status() == 201 ? a : fail(a);
        });
        op(tenants, "patch", "PATCH /Users/{id} (Replace x2-3)", samples, true, (t, s) -> {
            List<String> known = ids.get(t.label());
            return t.scim().patch("Users/" + known.get(s % known.size()), Entra.updateUser("p" + t.prefix(), s));
        });
        op(tenants, "list_first", "GET /Users?count=100 (first page, totalResults)", slowSamples, true, (t, s) ->
                page(t.scim().get("Users?startIndex=1&count=100")));
        op(tenants, "list_deep", "GET /Users?startIndex=90%&count=100", slowSamples, true, (t, s) ->
                page(t.scim().get("Users?startIndex=" + (t.size() / 10 * 9) + "&count=100")));
        op(tenants, "console_dashboard", "console: dashboard", slowSamples, false, (t, s) ->
                consoles.get(t.label()).page("console/dashboard.xhtml", "SCIM activity"));
        op(tenants, "console_users", "console: users (all, first page)", slowSamples, false, (t, s) ->
                consoles.get(t.label()).page("console/users/list.xhtml", "search:q"));
        op(tenants, "console_search", "console: user search (one match)", slowSamples, false, (t, s) ->
{
            int i = random.nextInt(t.size());
            return consoles.get(t.label()).search("e" + i + "-" + t.prefix(), t.userName(i));
        });
    }

    /**
     * Measures one operation at each tenant: {@code n} samples each, alternating tenants sample by sample; then the
     * ratio of the first tenant's p50 and p99 to the last's, and (if asked) the statements of one more request of each.
     */
    private void op(List<Tenant> tenants, String key, String label, int n, boolean scim, Operation operation) throws Exception {
        Map<String, long[]> nanos = new LinkedHashMap<>();
        Map<String, AtomicLong> bad = new LinkedHashMap<>();
        for (Tenant t : tenants) {
            nanos.put(t.label(), new long[n]);
            bad.put(t.label(), new AtomicLong());
        }
        long start = System.nanoTime();
        for (int s = 0; s < n; s++) {
            for (Tenant t : tenants) {
                Http.Answer a = operation.run(t, s);
                nanos.get(t.label())[s] = a.nanos();
                if (!a.ok()) {
                    if (bad.get(t.label()).getAndIncrement() < 3) {
                        String body = a.body() == null ? "" : a.body();
                        Bench.log("   %s at %s -> %d %s", key, t.label(), a.status(), body.substring(0, Math.min(300, body.length())));
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Stat> measured = new ArrayList<>();
        for (Tenant t : tenants) {
            Stat stat = Stat.of("deep." + key + "@" + t.label(), "D  " + label + " at " + String.format(Locale.ROOT, "%,d", t.size()),
                    "requests", n, seconds, nanos.get(t.label()), bad.get(t.label()).get());
            measured.add(stat);
            stats.add(stat);
        }
        if (measured.size() == 2) {
            Stat d = measured.get(0);
            Stat s = measured.get(1);
            double r50 = s.p50() > 0 ? d.p50() / s.p50() : -1;
            double r99 = s.p99() > 0 ? d.p99() / s.p99() : -1;
            stats.add(Stat.value("deep.ratio." + key + "_p50", "D    ratio p50 deep/small", "ratio", r50));
            stats.add(Stat.value("deep.ratio." + key + "_p99", "D    ratio p99 deep/small", "ratio", r99));
            Bench.log("   %-48s p50 %8.1f / %8.1f ms (x%.2f)  p99 %8.1f / %8.1f ms (x%.2f)  %s", label, d.p50(), s.p50(), r50,
                    d.p99(), s.p99(), r99, r50 <= 1.5 && r99 <= 1.5 ? "MET" : "MISSED");
        }
        // the statements one more request runs, with their plans (deep tenant first)
        for (Tenant t : tenants) {
            explain(key + " at " + t.label(), () -> operation.run(t, n));
        }
    }

    private void explain(String what, Runnable request) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try {
                s.execute("TRUNCATE TABLE mysql.general_log");
                s.execute("SET GLOBAL general_log = 1");
            } catch (SQLException e) {
                if (explains.isEmpty()) {
                    explains.append("(no EXPLAINs: switching the general log on needs a privileged database user: ").append(e.getMessage())
                            .append(")\n");
                }
                request.run();
                return;
            }
            try {
                request.run();
            } finally {
                s.execute("SET GLOBAL general_log = 0");
            }
            List<String> statements = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log WHERE command_type = 'Query' "
                    + "AND thread_id <> CONNECTION_ID() ORDER BY event_time")) {
                while (r.next()) {
                    statements.add(r.getString(1));
                }
            }
            explains.append("\n==== ").append(what).append('\n');
            for (String sql : statements) {
                String trimmed = sql.strip();
                String lower = trimmed.toLowerCase(Locale.ROOT);
                if (!(lower.startsWith("select") || lower.startsWith("insert") || lower.startsWith("update")
                        || lower.startsWith("delete")) || lower.startsWith("select @@") || lower.contains("general_log")) {
                    continue;
                }
                explains.append("-- ").append(trimmed.length() > 2000 ? trimmed.substring(0, 2000) + " ..." : trimmed).append('\n');
                if (lower.startsWith("select")) {
                    try (ResultSet r = s.executeQuery("EXPLAIN " + trimmed)) {
                        int columns = r.getMetaData().getColumnCount();
                        while (r.next()) {
                            StringBuilder row = new StringBuilder("   ");
                            for (int i = 1; i <= columns; i++) {
                                row.append(r.getMetaData().getColumnLabel(i)).append('=').append(r.getString(i)).append(i < columns ? " | " : "");
                            }
                            explains.append(row).append('\n');
                        }
                    } catch (SQLException e) {
                        explains.append("   (EXPLAIN failed: ").append(e.getMessage()).append(")\n");
                    }
                }
            }
        } catch (SQLException e) {
            explains.append("(EXPLAIN of ").append(what).append(" failed: ").append(e.getMessage()).append(")\n");
        }
    }

    private static Http.Answer one(Http.Answer a) {
        return a.ok() && Json.totalResults(a.body()) == 1 ? a : fail(a);
    }

    private static Http.Answer none(Http.Answer a) {
        return a.ok() && Json.totalResults(a.body()) == 0 ? a : fail(a);
    }

    private static Http.Answer page(Http.Answer a) {
        Matcher m = ITEMS.matcher(a.body());
        return a.ok() && m.find() && Integer.parseInt(m.group(1)) == 100 ? a : fail(a);
    }

    private static Http.Answer fail(Http.Answer a) {
        return new Http.Answer(a.status() >= 200 && a.status() < 300 ? 599 : a.status(), a.body(), a.nanos());
    }

    /** The console as a browser uses it: signed in once (cookies kept), then pages and the users page's search form. */
    private static final class Console {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;

        Console(String base, String login, String password) throws IOException, InterruptedException {
            this.base = base.endsWith("/") ? base : base + "/";
            String page = get("login.xhtml").body();
            Matcher m = VIEW_STATE.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no view state on the sign-in page");
            }
            HttpResponse<String> signIn = post("login.xhtml", "login=login&username=" + enc(login) + "&password=" + enc(password)
                    + "&sign-in=Sign+in&jakarta.faces.ViewState=" + enc(m.group(1)));
            if (signIn.statusCode() != 302) {
                throw new IllegalStateException("console sign-in of " + login + " answered " + signIn.statusCode());
            }
        }

        Http.Answer page(String path, String mustContain) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> r = get(path);
                long nanos = System.nanoTime() - start;
                boolean ok = r.statusCode() == 200 && r.body().contains(mustContain);
                return new Http.Answer(ok ? 200 : (r.statusCode() == 200 ? 598 : r.statusCode()), r.body(), nanos);
            } catch (IOException | InterruptedException e) {
                return new Http.Answer(-1, String.valueOf(e), System.nanoTime() - start);
            }
        }

        /** The users page, then its search form posted (only the post is timed); one user must be listed. */
        Http.Answer search(String text, String expected) {
            try {
                String page = get("console/users/list.xhtml").body();
                Matcher m = VIEW_STATE.matcher(page);
                if (!m.find()) {
                    return new Http.Answer(597, page, 1);
                }
                long start = System.nanoTime();
                HttpResponse<String> r = post("console/users/list.xhtml", "search=search&search%3Aq=" + enc(text)
                        + "&search%3Asubmit=Search&jakarta.faces.ViewState=" + enc(m.group(1)));
                long nanos = System.nanoTime() - start;
                boolean ok = r.statusCode() == 200 && r.body().contains(expected);
                return new Http.Answer(ok ? 200 : (r.statusCode() == 200 ? 598 : r.statusCode()), r.body(), nanos);
            } catch (IOException | InterruptedException e) {
                return new Http.Answer(-1, String.valueOf(e), 1);
            }
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    // ----------------------------------------------------------------------------- helpers

    private static void parallel(int tasks, int threads, java.util.function.IntConsumer task) {
        Bench.parallel(tasks, threads, task);
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
