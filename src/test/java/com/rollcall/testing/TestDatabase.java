package com.rollcall.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The throwaway MariaDB/MySQL database scripts/test.sh prepared (ROLLCALL_TEST_DB_*). */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static String url() {
        return require("ROLLCALL_TEST_DB_URL");
    }

    public static String user() {
        return require("ROLLCALL_TEST_DB_USER");
    }

    public static String password() {
        String password = System.getenv("ROLLCALL_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
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
