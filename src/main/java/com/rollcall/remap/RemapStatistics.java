package com.rollcall.remap;

import java.time.Instant;

/** The remap jobs of one status: how many, their users processed and to process, when the oldest was queued. */
public record RemapStatistics(String status, long jobs, long processed, long total, Instant oldestCreatedAt) {
}
