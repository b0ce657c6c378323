package com.rollcall.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition instead of sleeping for a guessed time: polls a value until it satisfies the
 * condition or a deadline passes, and then fails saying what was awaited, for how long, and the last value
 * seen. A short pause between polls keeps the server and the database from being hammered.
 */
public final class Await {
    private static final Duration PAUSE = Duration.ofMillis(100);

    private Await() {
    }

    /**
     * Polls {@code value} until {@code condition} holds, at most {@code timeout}; returns the value that
     * satisfied it, or throws an AssertionError naming {@code what} and the last value seen.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> value, Predicate<? super T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; last seen: " + last);
            }
            pause();
            last = value.get();
        }
        return last;
    }

    /** Polls until the condition is true, at most {@code timeout}. */
    public static void until(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        until(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
