package com.rollcall.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
    @Test
    void namesTheViolatedUniqueKeyFromMySqlAndH2Messages() {
        var mysql = new SQLIntegrityConstraintViolationException("Duplicate entry '1-ann' for key 'uq_user_name'", "23000", 1062);
        assertEquals(Optional.of("uq_user_name"), Constraints.violatedUniqueKey(new RuntimeException(mysql)));
        var h2 = new SQLException("Unique index or primary key violation: \"PUBLIC.UQ_GROUP_DISPLAY_NAME_INDEX_A ON ...\"", "23505");
        assertEquals(Optional.of("uq_group_display_name"), Constraints.violatedUniqueKey(h2));
        assertEquals(Optional.empty(), Constraints.violatedUniqueKey(new IllegalStateException("nope")));
    }

    @Test
    void onlyKeysGuardingAClientsValuesAreItsClashes() {
        var userName = new SQLIntegrityConstraintViolationException("Duplicate entry '1-ann' for key 'uq_user_name'", "23000", 1062);
        assertEquals(Optional.of("uq_user_name"), Constraints.violatedClientValueKey(userName));
        assertFalse(Constraints.isServerIntegrityFault(userName));
        var primary = new SQLIntegrityConstraintViolationException("Duplicate entry '17' for key 'PRIMARY'", "23000", 1062);
        assertEquals(Optional.empty(), Constraints.violatedClientValueKey(primary));
        assertTrue(Constraints.isServerIntegrityFault(primary), "a generated id is the server's fault");
        var scimId = new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'uq_user_scim_id'", "23000", 1062);
        assertTrue(Constraints.isServerIntegrityFault(scimId), "so is a generated SCIM id");
        assertFalse(Constraints.isServerIntegrityFault(new IllegalStateException("nope")));
    }

    /** The exceptions the embedded database really throws, classified: a taken identity and a taken userName. */
    @Test
    void classifiesH2sOwnViolations() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:constraints;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE audit_event (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, what VARCHAR(10))");
            s.execute("CREATE TABLE user_account (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, user_name_key VARCHAR(10), "
                    + "CONSTRAINT uq_user_name UNIQUE (user_name_key))");
            s.execute("INSERT INTO audit_event (what) VALUES ('a')");
            s.execute("ALTER TABLE audit_event ALTER COLUMN id RESTART WITH 1");
            SQLException taken = assertThrows(SQLException.class, () -> s.execute("INSERT INTO audit_event (what) VALUES ('b')"));
            assertTrue(Constraints.isServerIntegrityFault(new RuntimeException(taken)), taken.getMessage());
            s.execute("INSERT INTO user_account (user_name_key) VALUES ('ann')");
            SQLException clash = assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO user_account (user_name_key) VALUES ('ann')"));
            assertEquals(Optional.of("uq_user_name"), Constraints.violatedClientValueKey(clash), clash.getMessage());
            assertTrue(Constraints.violated(clash, "uq_user_name"));
            assertFalse(Constraints.isServerIntegrityFault(clash));
        }
    }

    @Test
    void recognisesDeadlocksAndLockWaitsAsRetryable() {
        assertTrue(Constraints.isTransientLockFailure(new RuntimeException(new SQLException("Deadlock found", "40001", 1213))));
        assertTrue(Constraints.isTransientLockFailure(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertTrue(Constraints.isTransientLockFailure(new SQLException("Timeout trying to lock table", "HYT00", 50200)),
                "H2's lock timeout");
        assertFalse(Constraints.isTransientLockFailure(new SQLException("Duplicate entry", "23000", 1062)));
        assertFalse(Constraints.isTransientLockFailure(new IllegalArgumentException("x")));
    }
}
