package com.rollcall.people;

import com.rollcall.platform.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the password checks running at once on this instance: each is 210,000 PBKDF2 iterations (tens of
 * milliseconds of one core), so a storm of sign-in attempts would otherwise take every core and request thread from
 * SCIM. At most one check per two cores (at least one) runs, so a storm leaves the other cores to SCIM; an attempt that
 * cannot start within 100 ms is turned away without hashing ("busy": the sign-in page says to try again), never queued
 * on a request thread (a 500 ms wait measured under a 200-client storm held most of the container's request threads).
 */
@ApplicationScoped
public class PasswordChecks {
    static final long WAIT_MILLIS = 100;

    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    /** The check's result: a match, no match, or not done because too many checks run already. */
    public enum Result { MATCH, NO_MATCH, BUSY }

    /** Checks a password against a stored hash (null: an unknown or password-less login, checked against a dummy). */
    public Result check(String password, String storedHash) {
        boolean acquired;
        try {
            acquired = running.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.BUSY;
        }
        if (!acquired) {
            return Result.BUSY;
        }
        try {
            if (storedHash == null) {
                PasswordHasher.verifyDummy(password);
                return Result.NO_MATCH;
            }
            return PasswordHasher.verify(password, storedHash) ? Result.MATCH : Result.NO_MATCH;
        } finally {
            running.release();
        }
    }
}
