package com.rollcall.platform.health;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A log an operator can read during an outage: at most one line per kind of failure per interval (default a minute),
 * the first with its cause, the next saying how many of that kind were left out since. A database outage under load
 * used to write thousands of stack traces a minute (a remap poll, a pool trace and two traces per failed request).
 * Kinds are a few fixed names, so the memory stays bounded.
 */
public final class FailureLog {
    private final Logger logger;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public FailureLog(Logger logger, long intervalSeconds) {
        this(logger, intervalSeconds, System::nanoTime);
    }

    FailureLog(Logger logger, long intervalSeconds, LongSupplier clock) {
        this.logger = logger;
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
        this.clock = clock;
    }

    /**
     * Logs this failure if no failure of its kind was logged in the interval, else only counts it. The cause is
     * named (class and message, first line); its stack trace is written only at FINE.
     * @return true if a line was written
     */
    public boolean log(Level level, String kind, String message, Throwable cause) {
        long now = clock.getAsLong();
        Window window = windows.computeIfAbsent(kind, k -> new Window());
        long suppressed;
        synchronized (window) {
            if (window.logged && now - window.since < intervalNanos) {
                window.suppressed++;
                return false;
            }
            suppressed = window.suppressed;
            window.logged = true;
            window.since = now;
            window.suppressed = 0;
        }
        StringBuilder line = new StringBuilder(message);
        if (cause != null) {
            line.append(" [").append(describe(cause)).append(']');
        }
        if (suppressed > 0) {
            line.append(" (").append(suppressed).append(" more like it since the last such line)");
        }
        LogRecord record = new LogRecord(level, line.toString());
        record.setLoggerName(logger.getName());
        logger.log(record);
        if (cause != null && logger.isLoggable(Level.FINE)) {
            logger.log(Level.FINE, "Cause of the line above", cause);
        }
        return true;
    }

    /** The root cause's class and the first line of its message. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 64; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static final class Window {
        private boolean logged;
        private long since;
        private long suppressed;
    }
}
