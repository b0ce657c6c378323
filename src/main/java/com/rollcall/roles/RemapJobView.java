package com.rollcall.roles;

import java.time.Instant;

/** A background recomputation of effective roles, as the console and the admin API show it. */
public record RemapJobView(long id, String groupScimId, String groupName, String reason, String status, long processed,
        long total, long changed, long unlicensed, Instant createdAt, Instant finishedAt, String message) {

    /** Progress in percent, 0–100 (a group that grew while the job ran may exceed its first total). */
    public int percent() {
        if (finished()) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, processed * 100 / total);
    }

    public boolean finished() {
        return "DONE".equals(status) || "FAILED".equals(status);
    }
}
