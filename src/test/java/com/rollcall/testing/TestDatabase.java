package com.rollcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The database of this test run, chosen by the system property {@code rollcall.it.database} (set per failsafe
 * execution): {@code mariadb} (default), the throwaway MariaDB/MySQL database scripts/test.sh prepared
 * (ROLLCALL_TEST_DB_*), or {@code h2}, the embedded default scripts/run.sh uses, as a file under target/.
 * The servers the tests start run on it ({@link #serverEnvironment}), and the tests read and write it by SQL
 * ({@link #connect}): on H2 through H2's automatic mixed mode, the server opening the file and serving the
 * test JVM's connections over loopback ({@code ;AUTO_SERVER=TRUE}, given to the server in ROLLCALL_H2_OPTIONS).
 */
public final class TestDatabase {
    /** The two databases the suite runs on. */
    public enum Kind { MARIADB, H2 }

    private static final String H2_OPTIONS = ";AUTO_SERVER=TRUE";
    /**
     * The race tests send dozens of one tenant's calls at once on purpose: the servers the tests start have no bound on
     * an enterprise's calls in progress (RequestBudgetIT sets one).
     */
    private static final String NO_BOUND = "0";

    /** The console's search gives up after this many seconds on the test servers (UsersUiIT provokes it). */
    private static final String SEARCH_TIMEOUT = "5";

    private TestDatabase() {
    }

    public static Kind kind() {
        return Kind.valueOf(System.getProperty("rollcall.it.database", "mariadb").trim().toUpperCase(Locale.ROOT));
    }

    public static boolean isEmbedded() {
        return kind() == Kind.H2;
    }

    public static String url() {
        return isEmbedded()
                ? "jdbc:h2:file:" + h2Data("shared").resolve("db/rollcall") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE" + H2_OPTIONS
                : require("ROLLCALL_TEST_DB_URL");
    }

    public static String user() {
        return isEmbedded() ? "rollcall" : require("ROLLCALL_TEST_DB_USER");
    }

    public static String password() {
        if (isEmbedded()) {
            return "rollcall";
        }
        String password = System.getenv("ROLLCALL_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    /** Now, in UTC, for DATETIME columns written by SQL (Rollcall stores UTC; no database function differs). */
    public static LocalDateTime utcNow() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    /**
     * What a server instance started by the tests needs in its environment to run on this database: the
     * shared MariaDB database, or (H2) the shared embedded file, opened in mixed mode. A new H2 run starts from
     * an empty file.
     */
    public static Map<String, String> serverEnvironment(String instance) {
        Path target = Path.of(System.getProperty("user.dir"), "target", "it-data");
        if (isEmbedded()) {
            Path data = h2Data(instance);
            deleteTree(data);
            return Map.of("ROLLCALL_DATA", data.toString(), "ROLLCALL_H2_OPTIONS", H2_OPTIONS,
                    "ROLLCALL_OPERATOR_TOKEN", Operator.TOKEN, "ROLLCALL_BUDGET_API_CONCURRENT", NO_BOUND,
                    "ROLLCALL_CONSOLE_SEARCH_TIMEOUT_SECONDS", SEARCH_TIMEOUT);
        }
        return Map.of("ROLLCALL_DB_URL", url(), "ROLLCALL_DB_USER", user(), "ROLLCALL_DB_PASSWORD", password(),
                "ROLLCALL_DATA", target.resolve(instance).toString(), "ROLLCALL_OPERATOR_TOKEN", Operator.TOKEN,
                "ROLLCALL_BUDGET_API_CONCURRENT", NO_BOUND, "ROLLCALL_CONSOLE_SEARCH_TIMEOUT_SECONDS", SEARCH_TIMEOUT);
    }

    private static Path h2Data(String instance) {
        return Path.of(System.getProperty("user.dir"), "target", "it-data", "h2-" + instance);
    }

    /** Removes a directory and everything in it (nothing when it does not exist); the test servers' data folders. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + root, e);
        }
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the integration tests through scripts/test.sh, "
                    + "which prepares a MariaDB test database");
        }
        return value;
    }
}
