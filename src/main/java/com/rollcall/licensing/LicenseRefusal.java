package com.rollcall.licensing;

import com.rollcall.platform.persistence.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One provisioning request refused because the license limit was reached. */
@Entity
@Table(name = "license_refusal")
public class LicenseRefusal {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(name = "refused_at", nullable = false)
    private Instant refusedAt;

    @Column(name = "request_id", length = 64)
    private String requestId;

    protected LicenseRefusal() {
    }

    LicenseRefusal(long enterpriseId, String requestId) {
        this.enterpriseId = enterpriseId;
        this.requestId = requestId;
        this.refusedAt = Clock.now();
    }

    Instant refusedAt() {
        return refusedAt;
    }
}
