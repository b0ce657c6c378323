package com.rollcall.licensing;

import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code license_counter} and {@code license_refusal}. */
@ApplicationScoped
public class LicenseRepository {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();

    @PersistenceContext
    private EntityManager em;

    /** Seats in use and the limit. */
    record Seats(int used, int limit) {
    }

    void open(LicenseCounter counter) {
        em.persist(counter);
        em.flush();
    }

    Optional<LicenseCounter> counter(long enterpriseId) {
        return Optional.ofNullable(em.find(LicenseCounter.class, enterpriseId));
    }

    /**
     * One conditional UPDATE that checks the limit and takes a seat; true when taken. It locks the counter row
     * from here to the commit, and no entity is read or flushed for it.
     */
    boolean takeSeat(long enterpriseId) {
        return NativeSql.update(em, "UPDATE license_counter SET seats_used = seats_used + 1 WHERE enterprise_id = ? "
                + "AND seats_used < license_limit", List.of(enterpriseId)) > 0;
    }

    /** Frees one seat; false when the enterprise has no counter. */
    boolean freeSeat(long enterpriseId) {
        return NativeSql.update(em, "UPDATE license_counter SET seats_used = GREATEST(seats_used - 1, 0) "
                + "WHERE enterprise_id = ?", List.of(enterpriseId)) > 0;
    }

    /** Sets the limit of a counter locked by {@link #lockedSeats}. */
    void setLimit(long enterpriseId, int limit) {
        NativeSql.update(em, "UPDATE license_counter SET license_limit = ? WHERE enterprise_id = ?", List.of(limit, enterpriseId));
    }

    /** Seats used and limits of every enterprise, by enterprise id: one row per enterprise, for the metrics. */
    java.util.Map<Long, Seats> allSeats() {
        java.util.Map<Long, Seats> byId = new java.util.HashMap<>();
        for (Object[] row : NativeSql.query(em, "SELECT enterprise_id, seats_used, license_limit FROM license_counter",
                List.of())) {
            byId.put(((Number) row[0]).longValue(), new Seats(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        return byId;
    }

    /** Seats used and limits of these enterprises (one query per chunk), by enterprise id. */
    java.util.Map<Long, Seats> seats(java.util.Collection<Long> enterpriseIds) {
        java.util.Map<Long, Seats> byId = new java.util.HashMap<>();
        for (List<Long> chunk : NativeSql.chunks(enterpriseIds)) {
            for (Object[] row : NativeSql.query(em, "SELECT enterprise_id, seats_used, license_limit FROM license_counter "
                    + "WHERE enterprise_id IN " + NativeSql.placeholders(chunk.size()), chunk)) {
                byId.put(((Number) row[0]).longValue(), new Seats(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
            }
        }
        return byId;
    }

    void setSeatsUsed(long enterpriseId, int used) {
        NativeSql.update(em, "UPDATE license_counter SET seats_used = ? WHERE enterprise_id = ?", List.of(used, enterpriseId));
    }

    /** The seats in use and the limit, the counter row locked until the commit. */
    Optional<Seats> lockedSeats(long enterpriseId) {
        List<Object[]> rows = NativeSql.query(em, "SELECT seats_used, license_limit FROM license_counter "
                + "WHERE enterprise_id = ? FOR UPDATE", List.of(enterpriseId));
        return rows.stream().findFirst()
                .map(row -> new Seats(((Number) row[0]).intValue(), ((Number) row[1]).intValue()));
    }

    void addRefusal(long enterpriseId, String requestId) {
        em.persist(new LicenseRefusal(enterpriseId, requestId));
    }

    long refusals(long enterpriseId) {
        return em.createQuery("SELECT COUNT(r) FROM LicenseRefusal r WHERE r.enterpriseId = :enterpriseId", Long.class)
                .setParameter("enterpriseId", enterpriseId)
                .getSingleResult();
    }

    Optional<Instant> lastRefusal(long enterpriseId) {
        return em.createQuery("SELECT r FROM LicenseRefusal r WHERE r.enterpriseId = :enterpriseId ORDER BY r.id DESC",
                        LicenseRefusal.class)
                .setParameter("enterpriseId", enterpriseId)
                .setMaxResults(1)
                .getResultList().stream()
                .findFirst()
                .map(LicenseRefusal::refusedAt);
    }

    /**
     * Refusals counted per hour or day ({@code unit}: HOUR or DAY) since {@code from}: pairs of (bucket index, count).
     * Counted by GROUP BY on the (enterprise, time) index; no row is loaded.
     */
    List<long[]> refusalsPer(long enterpriseId, String unit, Instant from) {
        List<long[]> buckets = new ArrayList<>();
        for (Object[] r : NativeSql.query(em, "SELECT TIMESTAMPDIFF(" + unit + ", CAST(? AS DATETIME), refused_at) AS b, "
                + "COUNT(*) FROM license_refusal WHERE enterprise_id = ? AND refused_at >= CAST(? AS DATETIME) GROUP BY b",
                List.of(TIME.convertToDatabaseColumn(from), enterpriseId, TIME.convertToDatabaseColumn(from)))) {
            buckets.add(new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()});
        }
        return buckets;
    }
}
