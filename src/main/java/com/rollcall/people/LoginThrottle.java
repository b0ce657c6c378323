package com.rollcall.people;

import java.time.Duration;
import java.time.Instant;

/**
 * How repeated console login failures slow down: the first {@link #FREE_FAILURES} failures in a row cost
 * nothing extra; after that the login is refused, whatever the password, for a window that doubles with
 * each further failure (30 s, 1 min, 2 min … capped at 15 min), counted from the last failure. A success
 * resets the count. The refusal looks exactly like a wrong password.
 */
public final class LoginThrottle {
    public static final int FREE_FAILURES = 5;
    static final Duration FIRST_WINDOW = Duration.ofSeconds(30);
    static final Duration MAX_WINDOW = Duration.ofMinutes(15);

    private LoginThrottle() {
    }

    /** Until when a login with this many consecutive failures is refused; null when it is not. */
    public static Instant lockedUntil(int failedAttempts, Instant lastFailedAt) {
        if (failedAttempts < FREE_FAILURES || lastFailedAt == null) {
            return null;
        }
        int doublings = Math.min(failedAttempts - FREE_FAILURES, 10);
        Duration window = FIRST_WINDOW.multipliedBy(1L << doublings);
        return lastFailedAt.plus(window.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW : window);
    }

    public static boolean locked(int failedAttempts, Instant lastFailedAt, Instant now) {
        Instant until = lockedUntil(failedAttempts, lastFailedAt);
        return until != null && now.isBefore(until);
    }
}
