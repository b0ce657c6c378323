package com.rollcall.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
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
    void recognisesDeadlocksAndLockWaitsAsRetryable() {
        assertTrue(Constraints.isTransientLockFailure(new RuntimeException(new SQLException("Deadlock found", "40001", 1213))));
        assertTrue(Constraints.isTransientLockFailure(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertFalse(Constraints.isTransientLockFailure(new SQLException("Duplicate entry", "23000", 1062)));
        assertFalse(Constraints.isTransientLockFailure(new IllegalArgumentException("x")));
    }
}
