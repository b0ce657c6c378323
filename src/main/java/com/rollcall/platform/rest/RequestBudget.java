package com.rollcall.platform.rest;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (an enterprise, a client address): each key may make {@code perSecond} requests a second on
 * average, with bursts up to {@code burst}. Per instance, by design (a budget is there to stop a runaway client, not to
 * share a quota exactly): behind N instances a key gets up to N times the budget. Memory is bounded: beyond
 * {@link #MAX_KEYS} keys, buckets idle long enough to be full again are dropped (a full bucket is the same as none).
 */
public final class RequestBudget {
    static final int MAX_KEYS = 50_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RequestBudget(double perSecond, double burst) {
        this(perSecond, burst, System::nanoTime);
    }

    RequestBudget(double perSecond, double burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    /** Whether budgets are off ({@code perSecond} of 0 or less). */
    public boolean unlimited() {
        return perSecond <= 0;
    }

    /**
     * Takes one request from the key's budget: 0 when it may go ahead, else how many whole seconds until it may
     * (the {@code Retry-After}).
     */
    public long take(String key) {
        if (unlimited()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() >= MAX_KEYS) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            double refilled = Math.min(burst, bucket.tokens + (now - bucket.at) / 1e9 * perSecond);
            bucket.at = now;
            if (refilled >= 1) {
                bucket.tokens = refilled - 1;
                return 0;
            }
            bucket.tokens = refilled;
            return (long) Math.ceil((1 - refilled) / perSecond);
        }
    }

    /** Drops the buckets that would be full by now anyway (idle for a whole refill). */
    private void sweep(long now) {
        long full = (long) (burst / perSecond * 1e9);
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext();) {
            Bucket bucket = it.next().getValue();
            if (now - bucket.at >= full) {
                it.remove();
            }
        }
        if (buckets.size() >= MAX_KEYS) {
            buckets.clear();
        }
    }

    int size() {
        return buckets.size();
    }
}
