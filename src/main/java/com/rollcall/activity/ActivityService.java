package com.rollcall.activity;

import com.rollcall.audit.AuditQueryService;
import com.rollcall.licensing.LicenseService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * SCIM activity of an enterprise over time, for the console's chart: writes by API clients to users and
 * groups, counted per hour or day as creates, updates and deactivations (from the audit log), and the license
 * refusals (from licensing). Both are counted in the database; no event is loaded.
 */
@Stateless
public class ActivityService {
    /** The bucket size of a series. */
    public enum Resolution {
        HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

        private final ChronoUnit unit;

        Resolution(ChronoUnit unit) {
            this.unit = unit;
        }
    }

    @Inject
    private AuditQueryService audit;

    @Inject
    private LicenseService licenses;

    /**
     * The last {@code buckets} hours or days up to {@code now} (the current, partial one last), oldest first,
     * every bucket present (zeros included). Buckets are aligned to whole UTC hours or days.
     */
    public List<ActivityBucket> series(long enterpriseId, Resolution resolution, int buckets, Instant now) {
        Instant start = now.truncatedTo(resolution.unit).minus(Duration.of(buckets - 1L, resolution.unit));
        long[][] counts = new long[buckets][4];
        for (long[] write : audit.scimWritesPer(enterpriseId, resolution.name(), start)) {
            if (write[0] >= 0 && write[0] < buckets) {
                counts[(int) write[0]][(int) write[1]] += write[2];
            }
        }
        for (long[] refusals : licenses.refusalsPer(enterpriseId, resolution.name(), start)) {
            if (refusals[0] >= 0 && refusals[0] < buckets) {
                counts[(int) refusals[0]][3] += refusals[1];
            }
        }
        List<ActivityBucket> series = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            series.add(new ActivityBucket(start.plus(Duration.of(i, resolution.unit)), counts[i][0], counts[i][1],
                    counts[i][2], counts[i][3]));
        }
        return series;
    }
}
