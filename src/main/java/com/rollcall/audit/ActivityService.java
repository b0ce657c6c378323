package com.rollcall.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SCIM activity of an enterprise over time, for the console's chart: writes by API clients to users and
 * groups, counted per hour or day as creates, updates and deactivations, and the license refusals. Counted by
 * GROUP BY in the database on the (enterprise, time) indexes; no event is loaded.
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

    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Kind of a write: C(reate), D(eactivation: deactivated by any path, or deleted), U(pdate). */
    private static final String KIND = "CASE WHEN e.action IN ('USER_CREATED', 'USER_LINKED', 'GROUP_CREATED') THEN 'C' "
            + "WHEN e.action IN ('USER_DELETED', 'USER_DEACTIVATED') OR (e.action IN ('USER_PATCHED', 'USER_REPLACED') "
            + "AND e.before_state LIKE '%\"active\":true%' AND e.after_state LIKE '%\"active\":false%') THEN 'D' "
            + "ELSE 'U' END";

    @PersistenceContext
    private EntityManager em;

    /**
     * The last {@code buckets} hours or days up to {@code now} (the current, partial one last), oldest first,
     * every bucket present (zeros included). Buckets are aligned to whole UTC hours or days.
     */
    public List<ActivityBucket> series(long enterpriseId, Resolution resolution, int buckets, Instant now) {
        Instant start = now.truncatedTo(resolution.unit).minus(Duration.of(buckets - 1L, resolution.unit));
        long[][] counts = new long[buckets][4];
        String unit = resolution.name();
        String from = SQL_TIME.format(start);
        for (Object o : em.createNativeQuery("SELECT TIMESTAMPDIFF(" + unit + ", CAST(?2 AS DATETIME), e.occurred_at) AS b, "
                        + KIND + " AS k, COUNT(*) FROM audit_event e WHERE e.enterprise_id = ?1 "
                        + "AND e.occurred_at >= CAST(?2 AS DATETIME) AND e.actor_type = 'API_CLIENT' "
                        + "AND e.resource_type IN ('User', 'Group') GROUP BY b, k")
                .setParameter(1, enterpriseId).setParameter(2, from).getResultList()) {
            Object[] r = (Object[]) o;
            int bucket = ((Number) r[0]).intValue();
            if (bucket >= 0 && bucket < buckets) {
                int kind = switch ((String) r[1]) {
                    case "C" -> 0;
                    case "D" -> 2;
                    default -> 1;
                };
                counts[bucket][kind] += ((Number) r[2]).longValue();
            }
        }
        for (Object o : em.createNativeQuery("SELECT TIMESTAMPDIFF(" + unit + ", CAST(?2 AS DATETIME), r.refused_at) AS b, "
                        + "COUNT(*) FROM license_refusal r WHERE r.enterprise_id = ?1 AND r.refused_at >= CAST(?2 AS DATETIME) "
                        + "GROUP BY b")
                .setParameter(1, enterpriseId).setParameter(2, from).getResultList()) {
            Object[] r = (Object[]) o;
            int bucket = ((Number) r[0]).intValue();
            if (bucket >= 0 && bucket < buckets) {
                counts[bucket][3] += ((Number) r[1]).longValue();
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
