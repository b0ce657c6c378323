package com.rollcall.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {
    @Test
    void aRefusedConnectionDeepInTheChainIsAnOutage() {
        Throwable chain = new RuntimeException("EJB", new IllegalStateException("tx",
                new SQLException("Error in allocating a connection. Cause: Connection could not be allocated",
                        new ConnectException("Connection refused"))));
        assertEquals(DatabaseOutage.Kind.UNREACHABLE, DatabaseOutage.of(chain));
    }

    @Test
    void connectionSqlStatesAndTimeoutsAreOutages() {
        assertEquals(DatabaseOutage.Kind.UNREACHABLE, DatabaseOutage.of(new SQLException("link failure", "08S01")));
        assertEquals(DatabaseOutage.Kind.TIMEOUT, DatabaseOutage.of(new RuntimeException(new SQLTimeoutException("late"))));
        SQLException first = new SQLException("batch failed");
        first.setNextException(new SQLException("gone", "08003"));
        assertEquals(DatabaseOutage.Kind.UNREACHABLE, DatabaseOutage.of(first));
    }

    @Test
    void refusalsOfTheDatabaseAreNot() {
        assertNull(DatabaseOutage.of(new SQLIntegrityConstraintViolationException("duplicate", "23000")));
        assertNull(DatabaseOutage.of(new RuntimeException("bug")));
        RuntimeException loop = new RuntimeException("self");
        Throwable cyclic = new RuntimeException("outer", loop);
        loop.initCause(cyclic);
        assertNull(DatabaseOutage.of(cyclic), "a cyclic chain ends");
    }
}
