package com.rollcall.licensing;

import java.time.Instant;

/** Seats used and allowed, and the refused provisioning requests (for the console's banner). */
public record LicenseUsage(int used, int limit, long refused, Instant lastRefusedAt) implements java.io.Serializable {
    public boolean limitReached() {
        return used >= limit;
    }
}
