package com.rollcall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.PayaraServerDomain;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rollcall on an existing Payara Server, as docs/operations.md tells an operator to do it: a real Payara Server
 * 6.2025.10 domain (with an admin password), server-config/payara-server-setup.sh with the operator token on stdin,
 * then the operator API with that token, which reaches the server only as the password alias rollcall.operator.token.
 * A rerun with a mistyped database password must fail clearly and leave the service serving; a rerun with the right
 * one and a new token replaces the token. Runs on MariaDB only (its own throwaway database beside the suite's).
 */
@Tag("payara-server")
class PayaraServerIT {
    private static final Duration READY = Duration.ofMinutes(4);
    private static final Pattern DATABASE = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]+)(.*)$");

    private static PayaraServerDomain domain;
    private static String databaseUrl;
    private static String database;

    @BeforeAll
    static void domainAndDatabase() throws SQLException {
        Matcher url = DATABASE.matcher(TestDatabase.url());
        if (!url.matches()) {
            throw new IllegalStateException("PayaraServerIT needs a jdbc:mysql:// test database, not " + TestDatabase.url());
        }
        database = url.group(2) + "_ps";
        databaseUrl = url.group(1) + database + url.group(3);
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new SQLException("PayaraServerIT creates the throwaway database " + database + " as "
                    + TestDatabase.user() + " (scripts/test.sh grants it on rollcall\\_%)", e);
        }
        domain = PayaraServerDomain.createAndStart();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (domain != null) {
            domain.close();
        }
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    @Test
    void deploysWithTheOperatorTokenAsAPasswordAliasAndAMistypedPasswordOnARerunChangesNothing() throws Exception {
        String first = ApiTokens.generate();
        long started = System.nanoTime();
        PayaraServerDomain.Result setup = setup(TestDatabase.password(), List.of("--operator-token-stdin"), Map.of(),
                first + "\n");
        assertEquals(0, setup.exit(), setup.toString());
        assertFalse(setup.out().contains(first) || setup.err().contains(first), "the token is never echoed");
        domain.awaitReady(READY);
        log("first run to ready", started);

        // the token works, and reached the server only as a password alias: no file of the domain holds it in clear
        assertEquals(200, operator(first).get("enterprises").status());
        assertEquals(List.of(), filesContaining(domain.directory(), first));
        assertEquals(List.of(), filesContaining(domain.directory(), TestDatabase.password()));
        String aliases = domain.asadmin("list-password-aliases").out();
        assertTrue(aliases.contains("rollcall.operator.token") && aliases.contains("rollcall-db-password"), aliases);

        // the operator onboards the first enterprise: its first admin's invitation link, on this server
        String name = "Payara Server " + UUID.randomUUID();
        ScimClient.Response onboarded = operator(first).post("enterprises", Json.createObjectBuilder().add("name", name)
                .add("licenseLimit", 100).add("firstAdminEmail", "it." + UUID.randomUUID() + "@acme.example").build());
        assertEquals(201, onboarded.status(), onboarded.toString());
        String link = onboarded.json().getJsonObject("invitation").getString("link");
        assertTrue(link.startsWith(domain.baseUrl() + "invitation.xhtml?token=rc_"), link);

        // a rerun with a mistyped database password (and a new token): fails at the candidate pool's ping, clearly, and
        // the service keeps serving throughout, on the same pool, alias and token
        String second = ApiTokens.generate();
        List<Integer> readiness = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                readiness.add(domain.status("health/ready"));
                sleep(Duration.ofMillis(250));
            }
        });
        started = System.nanoTime();
        watcher.start();
        PayaraServerDomain.Result mistyped;
        try {
            mistyped = setup(TestDatabase.password() + "-mistyped", List.of(), Map.of("ROLLCALL_OPERATOR_TOKEN", second), null);
        } finally {
            watching.set(false);
            watcher.join();
        }
        log("rerun with a wrong password", started);
        assertNotEquals(0, mistyped.exit(), mistyped.toString());
        assertTrue(mistyped.err().contains("Access denied"), "asadmin's reason is shown: " + mistyped);
        assertTrue(mistyped.err().contains("nothing was changed"), mistyped.toString());
        assertFalse(mistyped.err().contains("deploying"), mistyped.toString());
        assertFalse(readiness.isEmpty());
        assertTrue(readiness.stream().allMatch(status -> status == 200), "/health/ready during the rerun: " + readiness);
        assertEquals(0, domain.asadmin("ping-connection-pool", "rollcall-pool").exit(), "the live pool still answers");
        String pools = domain.asadmin("list-jdbc-connection-pools").out();
        assertFalse(pools.contains("candidate"), "the candidate pool is removed: " + pools);
        assertFalse(domain.asadmin("list-password-aliases").out().contains("candidate"), "the candidate alias is removed");
        assertEquals(401, operator(second).get("enterprises").status(), "the new token was not stored");
        assertEquals(200, operator(first).get("enterprises?q=" + name.substring(14)).status());
        assertEquals(201, operator(first).post("enterprises", Json.createObjectBuilder().add("name", name + " 2")
                .add("licenseLimit", 5).add("firstAdminEmail", "it." + UUID.randomUUID() + "@acme.example").build())
                .status(), "the application still writes through the pool");

        // the same rerun with the right password: replaces pool and alias, stores the new token, which replaces the first
        started = System.nanoTime();
        PayaraServerDomain.Result rerun = setup(TestDatabase.password(), List.of(), Map.of("ROLLCALL_OPERATOR_TOKEN", second),
                null);
        assertEquals(0, rerun.exit(), rerun.toString());
        domain.awaitReady(READY);
        log("rerun with a new token to ready", started);
        assertEquals(200, operator(second).get("enterprises").status());
        assertEquals(401, operator(first).get("enterprises").status(), "the token configured before is revoked");
        JsonObject listed = operator(second).get("enterprises?q=" + name.substring(14)).json();
        assertEquals(2, listed.getInt("totalResults"), listed.toString());
    }

    private static PayaraServerDomain.Result setup(String dbPassword, List<String> arguments, Map<String, String> extra,
            String stdin) {
        Map<String, String> env = new HashMap<>(Map.of("ASADMIN", domain.asadminPath().toString(),
                "ASADMIN_OPTS", domain.asadminOptions(),
                "ROLLCALL_DB_URL", databaseUrl, "ROLLCALL_DB_USER", TestDatabase.user(), "ROLLCALL_DB_PASSWORD", dbPassword,
                "ROLLCALL_WAR", System.getProperty("rollcall.war"),
                "ROLLCALL_DRIVER_JAR", Path.of(System.getProperty("rollcall.runtime.dir"), "mysql-connector-j.jar").toString()));
        env.putAll(extra);
        List<String> command = new ArrayList<>(List.of("bash",
                Path.of(System.getProperty("rollcall.server.config"), "payara-server-setup.sh").toString()));
        command.addAll(arguments);
        return domain.run(command, env, stdin);
    }

    private static JsonClient operator(String token) {
        return new JsonClient(domain.baseUrl() + "api/operator/v1/", token);
    }

    /** The files under a folder whose bytes contain the text (UTF-8). */
    private static List<Path> filesContaining(Path folder, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static void log(String what, long startedNanos) {
        System.out.printf("PayaraServerIT: %s took %d s%n", what, Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
