package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.licensing.LicenseUsage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the dashboard's license card offers more licenses: at 90 % of the limit or above, or after a recent refusal. */
class LicenseCardTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @ParameterizedTest(name = "{0} of {1}, last refusal {2} hours ago → {3}")
    @CsvSource({
        "0, 100, , false",
        "89, 100, , false",
        "90, 100, , true",
        "100, 100, , true",
        "120, 100, , true",
        "8, 9, , false",
        "9, 10, , true",
        "0, 0, , true",
        "10, 100, 167, true",
        "10, 100, 169, false",
    })
    void nearTheLimit(int used, int limit, Long hoursSinceRefusal, boolean near) {
        Instant refused = hoursSinceRefusal == null ? null : NOW.minus(Duration.ofHours(hoursSinceRefusal));
        assertEquals(near, DashboardBacking.nearLimit(new LicenseUsage(used, limit, refused == null ? 0 : 1, refused), NOW));
    }
}
