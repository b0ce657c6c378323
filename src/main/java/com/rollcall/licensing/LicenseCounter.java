package com.rollcall.licensing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The tenant's seat counter: how many of its users hold a seat, and how many licenses it bought (the limit,
 * the operator's setting). Seats are changed only by {@link LicenseGuard}
 * (by SQL, the row locked from its update to the commit), in the same transaction as the user's change, so
 * the limit holds across threads and instances.
 */
@Entity
@Table(name = "license_counter")
public class LicenseCounter {
    @Id
    @Column(name = "enterprise_id")
    private Long enterpriseId;

    @Column(name = "seats_used", nullable = false)
    private int seatsUsed;

    @Column(name = "license_limit", nullable = false)
    private int licenseLimit;

    protected LicenseCounter() {
    }

    LicenseCounter(long enterpriseId, int licenseLimit) {
        this.enterpriseId = enterpriseId;
        this.licenseLimit = licenseLimit;
    }

    public Long enterpriseId() { return enterpriseId; }
    public int seatsUsed() { return seatsUsed; }
    public int licenseLimit() { return licenseLimit; }
}
