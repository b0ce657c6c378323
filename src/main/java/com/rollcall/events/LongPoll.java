package com.rollcall.events;

import com.rollcall.scim.message.ScimException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The feed's optional long poll ({@code wait=} seconds): reads the feed, and while it is empty and time is left,
 * sleeps and reads again. Each read is a short transaction of its own, so no database connection is held while
 * waiting; the request's worker thread is. At most {@code rollcall.events.maxWaiters} requests (default 16) wait at
 * once on an instance; beyond that a request is answered at once, like {@code wait=0}. Waits are capped at
 * {@value #MAX_WAIT_SECONDS} seconds.
 */
@ApplicationScoped
public class LongPoll {
    public static final int MAX_WAIT_SECONDS = 30;

    private final Semaphore waiters = new Semaphore(ConfigProvider.getConfig()
            .getOptionalValue("rollcall.events.maxWaiters", Integer.class).orElse(16));

    /** Parses {@code after}: a position (a whole number ≥ 0), or null when absent. */
    public static Long cursor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ScimException.invalidValue("'after' must be a cursor from an earlier answer (a whole number, 0 or more).");
    }

    FeedPage read(int waitSeconds, Supplier<FeedPage> read) {
        FeedPage page = read.get();
        if (waitSeconds <= 0 || !page.events().isEmpty() || !waiters.tryAcquire()) {
            return page;
        }
        try {
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            long pause = 200;
            while (page.events().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(pause, (deadline - System.nanoTime()) / 1_000_000)));
                pause = Math.min(1_000, pause * 2);
                page = read.get();
            }
            return page;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return page;
        } finally {
            waiters.release();
        }
    }
}
