package com.rollcall.platform.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Now, at the precision the database keeps (milliseconds), so what is written reads back equal. */
public final class Clock {
    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
