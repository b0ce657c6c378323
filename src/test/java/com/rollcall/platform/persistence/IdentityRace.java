package com.rollcall.platform.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One round of {@link EmbeddedDatabaseRuntimeIT}, run as a program in a JVM of its own with only the H2 under
 * test on its class path: 16 connections released together, each committing 1,000 transactions the way the
 * server's creates do (a row with a unique key, a counter update, an audit-sized row). Prints the refused
 * inserts and exits 1 if there were any (2 if the counts are wrong), 0 otherwise.
 */
public final class IdentityRace {
    private static final int CONNECTIONS = 16;
    private static final int TRANSACTIONS = 1000;
    private static final String AUDIT_LIKE = "{\"userName\":\"someone@example.com\",\"title\":\"" + "x".repeat(300) + "\"}";

    private IdentityRace() {
    }

    /** args[0]: the database file (a new one), e.g. target/it-data/race-1/db. */
    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE account (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                    + "CONSTRAINT uq_account_name UNIQUE (name))");
            s.execute("CREATE TABLE event (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, what MEDIUMTEXT)");
            s.execute("CREATE TABLE counter (id BIGINT PRIMARY KEY, used INT NOT NULL)");
            s.execute("INSERT INTO counter VALUES (1, 0)");
        }
        List<String> refused = race(url);
        if (!refused.isEmpty()) {
            System.out.println(refused.size() + " inserts refused, e.g. " + refused.get(0));
            System.exit(1);
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet counts = s.executeQuery("SELECT (SELECT COUNT(*) FROM account), (SELECT COUNT(DISTINCT id) "
                     + "FROM event), (SELECT used FROM counter)")) {
            counts.next();
            long expected = (long) CONNECTIONS * TRANSACTIONS;
            if (counts.getLong(1) != expected || counts.getLong(2) != expected || counts.getLong(3) != expected) {
                System.out.println("counts " + counts.getLong(1) + ", " + counts.getLong(2) + ", " + counts.getLong(3)
                        + " instead of " + expected);
                System.exit(2);
            }
        }
        System.out.println("no insert refused");
    }

    private static List<String> race(String url) throws Exception {
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CONNECTIONS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                        c.setAutoCommit(false);
                        go.await();
                        for (int i = 0; i < TRANSACTIONS; i++) {
                            try {
                                update(c, "INSERT INTO account (name) VALUES (?)", thread + "-" + i);
                                update(c, "UPDATE counter SET used = used + 1 WHERE id = 1");
                                update(c, "INSERT INTO event (what) VALUES (?)", AUDIT_LIKE + thread + "-" + i);
                                c.commit();
                            } catch (SQLException e) {
                                refused.add(e.getMessage());
                                c.rollback();
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        return new ArrayList<>(refused);
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
