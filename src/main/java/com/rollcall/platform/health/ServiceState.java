package com.rollcall.platform.health;

import com.rollcall.platform.persistence.DatabaseMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether this instance takes traffic: not before the migrations ran ({@link DatabaseMigrator}), not once a stop began
 * ({@link #beginDrain}). The request gate ({@code platform.rest.ServiceGate}) refuses everything but {@code /health/*}
 * and {@code /metrics} with 503 + Retry-After while it does not, readiness reports it, background jobs stop at their
 * next batch boundary, and the graceful stop ({@link GracefulStop}) waits on the requests counted here.
 */
@ApplicationScoped
public class ServiceState {
    @Inject
    private DatabaseMigrator migrator;

    private volatile boolean migrated;
    private volatile boolean draining;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** When the last request (served or refused, not /health or /metrics) reached the gate: System.nanoTime(). */
    private volatile long lastRequest = System.nanoTime();

    /** True once the migrations ran (asked of the migrator until then, remembered after). */
    public boolean migrated() {
        if (!migrated && migrator.isMigrated()) {
            migrated = true;
        }
        return migrated;
    }

    /** From now on new requests are refused and readiness is down; cannot be undone (the process is stopping). */
    public void beginDrain() {
        draining = true;
    }

    public boolean isDraining() {
        return draining;
    }

    /** True while requests may be served: migrated and not stopping. */
    public boolean accepting() {
        return !draining && migrated();
    }

    /** Why requests are refused, for the 503's words; null while accepting. */
    public String refusal() {
        if (draining) {
            return "This instance is stopping; retry (another instance will answer).";
        }
        if (!migrated()) {
            return "The service is not ready yet; retry in a moment.";
        }
        return null;
    }

    /** A request reached the gate (whether it is served or refused). */
    public void requestArrived() {
        lastRequest = System.nanoTime();
    }

    /** Milliseconds since the last request reached the gate. */
    public long quietMillis() {
        return (System.nanoTime() - lastRequest) / 1_000_000;
    }

    public void requestStarted() {
        inFlight.incrementAndGet();
    }

    public void requestEnded() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
