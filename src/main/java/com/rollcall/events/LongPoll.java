package com.rollcall.events;

import com.rollcall.scim.message.ScimException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The feed's optional long poll ({@code wait=} seconds): reads the feed, and while it is empty and time is left,
 * sleeps and reads again. Each read is a short transaction of its own, so no database connection is held while
 * waiting; the request's worker thread is (and one of its enterprise's calls in progress). So waiting is bounded per
 * instance:
 * <ul>
 *   <li>{@code rollcall.events.maxWaiters} (default 4): polls of one consumer (an enterprise; the operator is one
 *       consumer of its own) waiting at once;</li>
 *   <li>{@code rollcall.events.maxWaitersTotal} (default 64): polls waiting at once, all consumers together.</li>
 * </ul>
 * A poll that finds nothing and would wait beyond either bound is answered at once with 429 and
 * {@code Retry-After: 1} (the API's error body), never with an empty page that a consumer would ask again for at once
 * in a busy loop. A poll that finds events answers them whatever the bounds: only waiting is bounded. 0 turns long
 * polls off (every {@code wait} is answered as {@code wait=0}). Waits are capped at {@value #MAX_WAIT_SECONDS} seconds.
 */
@ApplicationScoped
public class LongPoll {
    public static final int MAX_WAIT_SECONDS = 30;
    /** The key under which the operator's own polls are counted (enterprise ids are positive). */
    static final long OPERATOR = -1;

    private int perConsumer;
    private int total;
    /** Consumers with polls waiting on this instance, and how many: an entry leaves at zero (bounded memory). */
    private final ConcurrentHashMap<Long, Integer> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger waitingTotal = new AtomicInteger();

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        perConsumer = number(config, "rollcall.events.maxWaiters", 4);
        total = number(config, "rollcall.events.maxWaitersTotal", 64);
    }

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

    /**
     * The page {@code read} answers, waiting up to {@code waitSeconds} for a non-empty one; {@code consumer} is the
     * enterprise whose feed is read ({@link #OPERATOR} for the operator).
     */
    FeedPage read(long consumer, int waitSeconds, Supplier<FeedPage> read) {
        FeedPage page = read.get();
        if (waitSeconds <= 0 || !page.events().isEmpty() || perConsumer <= 0 || total <= 0) {
            return page;
        }
        if (!enter(consumer)) {
            throw ScimException.tooManyRequests("Too many long polls are waiting for this feed on this instance (at most "
                    + perConsumer + " per consumer, " + total + " in all): nothing is lost, ask again with the same "
                    + "cursor after Retry-After. One poll at a time per consumer is enough.", 1);
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
            leave(consumer);
        }
    }

    /** Counts one more waiting poll of the consumer, or answers false (nothing counted) when a bound is reached. */
    boolean enter(long consumer) {
        boolean[] admitted = {false};
        waiting.compute(consumer, (id, now) -> {
            int count = now == null ? 0 : now;
            if (count >= perConsumer) {
                return now;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            return false;
        }
        if (waitingTotal.incrementAndGet() > total) {
            leave(consumer);
            return false;
        }
        return true;
    }

    void leave(long consumer) {
        waiting.computeIfPresent(consumer, (id, now) -> now <= 1 ? null : now - 1);
        waitingTotal.decrementAndGet();
    }

    /** For unit tests: the bounds without MicroProfile Config. */
    void boundsForTest(int perConsumer, int total) {
        this.perConsumer = perConsumer;
        this.total = total;
    }

    private static int number(Config config, String name, int fallback) {
        try {
            return Math.max(0, config.getOptionalValue(name, Integer.class).orElse(fallback));
        } catch (IllegalArgumentException notANumber) {
            return fallback;
        }
    }
}
