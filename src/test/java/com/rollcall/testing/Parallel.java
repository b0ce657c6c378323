package com.rollcall.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Races for tests that claim something holds under concurrency: every task gets its own thread, all wait on
 * one latch, and are released at the same moment, so they really overlap (a pool that starts them one by one
 * lets the first ones finish before the last ones begin).
 */
public final class Parallel {
    private Parallel() {
    }

    /** Runs task(0) … task(n-1) released together; their results in that order. */
    public static <T> List<T> together(int n, IntFunction<T> task) {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                results.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(index);
                }));
            }
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the racers did not all start");
            }
            go.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get(300, TimeUnit.SECONDS));
            }
            return values;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a racer failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a racer did not finish within 300 s", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
