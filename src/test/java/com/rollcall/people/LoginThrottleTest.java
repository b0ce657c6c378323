package com.rollcall.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final Instant LAST = Instant.parse("2026-01-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"0", "1", "4"})
    void firstFailuresCostNothing(int failures) {
        assertNull(LoginThrottle.lockedUntil(failures, LAST));
        assertFalse(LoginThrottle.locked(failures, LAST, LAST));
    }

    @ParameterizedTest
    @CsvSource({"5, 30", "6, 60", "7, 120", "8, 240", "9, 480", "10, 900", "50, 900"})
    void windowDoublesAfterTheFreeFailuresUpToFifteenMinutes(int failures, long seconds) {
        assertEquals(LAST.plus(Duration.ofSeconds(seconds)), LoginThrottle.lockedUntil(failures, LAST));
    }

    @Test
    void lockEndsWhenTheWindowHasPassed() {
        assertTrue(LoginThrottle.locked(5, LAST, LAST.plusSeconds(29)));
        assertFalse(LoginThrottle.locked(5, LAST, LAST.plusSeconds(30)));
    }

    @Test
    void noFailureTimeMeansNoLock() {
        assertNull(LoginThrottle.lockedUntil(9, null));
    }
}
