package com.rollcall.licensing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The tenant's seat counter. Writes that may take a seat lock this row ({@code PESSIMISTIC_WRITE})
 * in their own transaction, so the limit holds across threads and instances.
 */
@Entity
@Table(name = "license_counter")
public class LicenseCounter {
    @Id
    @Column(name = "enterprise_id")
    private Long enterpriseId;

    @Column(name = "seats_used", nullable = false)
    private int seatsUsed;

    @Column(name = "refused_count", nullable = false)
    private long refusedCount;

    @Column(name = "last_refused_at")
    private Instant lastRefusedAt;

    protected LicenseCounter() {
    }

    public LicenseCounter(Long enterpriseId) {
        this.enterpriseId = enterpriseId;
    }

    public Long enterpriseId() { return enterpriseId; }
    public int seatsUsed() { return seatsUsed; }
    public long refusedCount() { return refusedCount; }
    public Instant lastRefusedAt() { return lastRefusedAt; }
}
