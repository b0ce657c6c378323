package com.rollcall.bench;

import com.rollcall.apiclients.ApiTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark does on the database directly: make its tenant and token (as the test harness
 * does, TestTenants), bulk-load the large group's would-be members, and the raw-JDBC commit floor.
 */
final class Database {
    record BenchTenant(long enterpriseId, String token) {
    }

    /**
     * The database server: its version, its commit durability and, when its pid file is readable here (a local server),
     * its pid (0 otherwise).
     */
    record Server(String version, int flushLogAtTrxCommit, String host, int port, long pid) {
        /** "durable" when every commit is flushed to disk (=1, MySQL's default), else "relaxed" (=2 or =0). */
        String durability() {
            return flushLogAtTrxCommit == 1 ? "durable" : "relaxed";
        }

        String description() {
            return "MariaDB/MySQL " + version + " on " + host + ":" + port;
        }
    }

    private final String url;
    private final String user;
    private final String password;

    Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    Server server() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@version, @@pid_file, @@port")) {
            r.next();
            long pid = 0;
            String host = url.replaceFirst("^jdbc:[a-z]+://([^/:?]+).*$", "$1");
            if (host.equals("127.0.0.1") || host.equals("localhost")) {
                try {
                    pid = Long.parseLong(java.nio.file.Files.readString(java.nio.file.Path.of(r.getString(3))).trim());
                } catch (java.io.IOException | RuntimeException e) {
                    pid = 0;
                }
            }
            return new Server(r.getString(2), r.getInt(1), host, r.getInt(4), pid);
        }
    }

    /** Global status counters of the server (e.g. Innodb_log_writes), by name; missing ones are absent. */
    java.util.Map<String, Long> status(String... names) throws SQLException {
        java.util.Map<String, Long> values = new java.util.HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("','", names) + "')")) {
            while (r.next()) {
                values.put(r.getString(1), r.getLong(2));
            }
        }
        return values;
    }

    BenchTenant createTenant(String name, int licenseLimit) throws SQLException {
        String token = ApiTokens.generate();
        try (Connection c = connect()) {
            long enterpriseId = insert(c, "INSERT INTO enterprise (name, provisioning_mode, identifier_rule, "
                    + "created_at, last_modified, version) VALUES (?, 'MANAGED_IN_CONNECTED_SYSTEM', 'EMAIL', "
                    + "UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 1)", name);
            insert(c, "INSERT INTO license_counter (enterprise_id, seats_used, license_limit) VALUES (?, 0, ?)", enterpriseId,
                    licenseLimit);
            insert(c, "INSERT INTO api_client (enterprise_id, name, token_hash, token_hint, scopes, created_at, created_by, "
                    + "version) VALUES (?, 'Bench IdP', ?, ?, 'scim', UTC_TIMESTAMP(3), 'bench', 1)",
                    enterpriseId, ApiTokens.hash(token), ApiTokens.hint(token));
            return new BenchTenant(enterpriseId, token);
        }
    }

    /**
     * A SCIM token for an enterprise the operator API onboarded. The operator API makes the enterprise and its first
     * admin's invitation; a token is then issued in the console (or the admin API, which needs a token already), so
     * the bench issues it here as the console's use case would store it: hashed, scope {@code scim}.
     */
    String issueToken(long enterpriseId, String name) throws SQLException {
        String token = ApiTokens.generate();
        try (Connection c = connect()) {
            insert(c, "INSERT INTO api_client (enterprise_id, name, token_hash, token_hint, scopes, created_at, created_by, "
                    + "version) VALUES (?, ?, ?, ?, 'scim', UTC_TIMESTAMP(3), 'bench', 1)",
                    enterpriseId, name, ApiTokens.hash(token), ApiTokens.hint(token));
        }
        return token;
    }

    /**
     * Inserts {@code count} active SCIM users holding seats (multi-row INSERTs, one transaction per
     * 1,000) and returns their SCIM ids. Setup for the large group, not a measured scenario.
     */
    List<String> bulkUsers(long enterpriseId, String tag, int count) throws SQLException {
        List<String> ids = new ArrayList<>(count);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            int chunk = 1000;
            for (int from = 0; from < count; from += chunk) {
                int n = Math.min(chunk, count - from);
                StringBuilder sql = new StringBuilder("INSERT INTO user_account (enterprise_id, scim_id, user_name, user_name_key, "
                        + "external_id, external_id_key, source, active, holds_seat, display_name, created_at, last_modified, "
                        + "version) VALUES ");
                for (int i = 0; i < n; i++) {
                    sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,'SCIM',TRUE,TRUE,?,UTC_TIMESTAMP(3),UTC_TIMESTAMP(3),1)");
                }
                try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (int i = 0; i < n; i++) {
                        String id = UUID.randomUUID().toString();
                        String userName = "member" + (from + i) + "." + tag + "@bench.example";
                        String externalId = UUID.randomUUID().toString();
                        s.setLong(p++, enterpriseId);
                        s.setString(p++, id);
                        s.setString(p++, userName);
                        s.setString(p++, userName);
                        s.setString(p++, externalId);
                        s.setString(p++, externalId);
                        s.setString(p++, "Member " + (from + i));
                        ids.add(id);
                    }
                    s.executeUpdate();
                }
                c.commit();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE license_counter SET seats_used = seats_used + ? WHERE enterprise_id = ?")) {
                s.setInt(1, count);
                s.setLong(2, enterpriseId);
                s.executeUpdate();
            }
            c.commit();
        }
        return ids;
    }

    /**
     * The commit floor: {@code threads} connections, each inserting one row per transaction into a
     * scratch table for {@code seconds}. Returns {commits, elapsed nanos, latencies...} via the Stat.
     */
    Stat commitFloor(int threads, double seconds) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_scratch");
            s.execute("CREATE TABLE bench_scratch (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, worker INT NOT NULL, "
                    + "payload VARCHAR(100) NOT NULL, created_at DATETIME(3) NOT NULL) ENGINE=InnoDB");
        }
        int capacity = 2_000_000;
        long[] nanos = new long[capacity];
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            futures.add(pool.submit(() -> {
                try (Connection c = connect();
                     PreparedStatement s = c.prepareStatement("INSERT INTO bench_scratch (worker, payload, created_at) "
                             + "VALUES (?, ?, UTC_TIMESTAMP(3))")) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            s.setInt(1, worker);
                            s.setString(2, "user" + t0 + "@bench.example");
                            s.executeUpdate();
                            c.commit();
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                        }
                        long i = next.getAndIncrement();
                        if (i < capacity) {
                            nanos[(int) i] = System.nanoTime() - t0;
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_scratch");
        }
        long count = Math.min(next.get(), capacity);
        long[] used = java.util.Arrays.copyOf(nanos, (int) count);
        return threads == 1
                ? Stat.of("floor.jdbc1", "6a raw JDBC insert+commit, one connection", "commits", count - errors.get(), elapsed, used,
                        errors.get())
                : Stat.of("floor.jdbc", "6a raw JDBC insert+commit", "commits", count - errors.get(), elapsed, used, errors.get());
    }

    private static long insert(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }
}
