package com.rollcall.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a clock moved by hand: bursts, refill, Retry-After, independent keys, bounded memory. */
class RequestBudgetTest {
    private final AtomicLong clock = new AtomicLong(Long.MAX_VALUE - 5_000_000_000L); // wrap-around covered
    private final RequestBudget budget = new RequestBudget(10, 20, clock::get);

    @Test
    void aBurstThenTheRateThenRetryAfter() {
        for (int i = 0; i < 20; i++) {
            assertEquals(0, budget.take("a"), "request " + i + " of the burst");
        }
        assertEquals(1, budget.take("a"), "the 21st waits a second at most");
        clock.addAndGet(100_000_000L); // 0.1 s: one token back
        assertEquals(0, budget.take("a"));
        assertEquals(1, budget.take("a"));
        assertEquals(0, budget.take("b"), "another key has its own budget");
        clock.addAndGet(10_000_000_000L);
        for (int i = 0; i < 20; i++) {
            assertEquals(0, budget.take("a"), "refilled to the burst, never beyond: " + i);
        }
        assertEquals(1, budget.take("a"));
    }

    @Test
    void aSlowBudgetSaysHowLongToWait() {
        RequestBudget perMinute = new RequestBudget(20 / 60.0, 2, clock::get);
        assertEquals(0, perMinute.take("10.0.0.1"));
        assertEquals(0, perMinute.take("10.0.0.1"));
        assertEquals(3, perMinute.take("10.0.0.1"), "one attempt every 3 s");
    }

    @Test
    void memoryStaysBoundedForAnyNumberOfKeys() {
        for (int i = 0; i < RequestBudget.MAX_KEYS * 2; i++) {
            budget.take("k" + i);
            clock.addAndGet(1_000_000L);
        }
        assertTrue(budget.size() <= RequestBudget.MAX_KEYS, budget.size() + " buckets");
    }

    @Test
    void zeroMeansUnlimited() {
        RequestBudget off = new RequestBudget(0, 0, clock::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, off.take("a"));
        }
    }
}
