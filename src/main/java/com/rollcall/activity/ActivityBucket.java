package com.rollcall.activity;

import java.time.Instant;

/** Provisioning activity in one time bucket (an hour or a day, from {@code start}). */
public record ActivityBucket(Instant start, long creates, long updates, long deactivations, long refusals) implements java.io.Serializable {
    public long total() {
        return creates + updates + deactivations + refusals;
    }
}
