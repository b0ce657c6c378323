package com.rollcall.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestBudgetsTest {
    private static RequestBudgets bounded(int concurrent) {
        RequestBudgets budgets = new RequestBudgets();
        budgets.concurrentForTest(concurrent);
        return budgets;
    }

    @Test
    void anEnterpriseHasAtMostTheBoundInProgressAndOthersAreNotCounted() {
        RequestBudgets budgets = bounded(2);
        assertTrue(budgets.enter(1));
        assertTrue(budgets.enter(1));
        assertFalse(budgets.enter(1), "a third call of enterprise 1");
        assertTrue(budgets.enter(2), "enterprise 2 has its own count");
        assertEquals(2, budgets.inFlight(1));
        budgets.leave(1);
        assertTrue(budgets.enter(1), "one was over");
        budgets.leave(1);
        budgets.leave(1);
        budgets.leave(2);
        assertEquals(0, budgets.inFlight(1));
        assertEquals(0, budgets.inFlight(2));
    }

    @Test
    void leavingMoreThanEnteredNeverGoesNegativeOrGrantsExtra() {
        RequestBudgets budgets = bounded(1);
        budgets.leave(7);
        assertTrue(budgets.enter(7));
        assertFalse(budgets.enter(7));
    }

    @Test
    void zeroMeansNoBound() {
        RequestBudgets budgets = bounded(0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(budgets.enter(3));
        }
        assertEquals(0, budgets.inFlight(3), "nothing is counted when there is no bound");
    }

    @Test
    void racingCallersNeverExceedTheBoundAndTheCountReturnsToZero() throws Exception {
        RequestBudgets budgets = bounded(4);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 2000; i++) {
                    if (budgets.enter(9)) {
                        admitted.incrementAndGet();
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                        budgets.leave(9);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(most.get() <= 4, "at most 4 at once, saw " + most.get());
        assertTrue(admitted.get() > 0);
        assertEquals(0, budgets.inFlight(9));
    }
}
