package com.rollcall.licensing;

import com.rollcall.platform.persistence.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An enterprise asking its operator for more licenses: open until the operator grants it (raising the limit)
 * or declines it with a reason. At most one is open per enterprise ({@code open_key}).
 */
@Entity
@Table(name = "license_request")
public class LicenseRequest {
    public enum Status { OPEN, GRANTED, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(name = "seats_requested", nullable = false)
    private int seatsRequested;

    @Column(length = 1000)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "requested_by", nullable = false, length = 200)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "limit_at_request", nullable = false)
    private int limitAtRequest;

    @Column(name = "used_at_request", nullable = false)
    private int usedAtRequest;

    @Column(name = "decided_by", length = 200)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "granted_limit")
    private Integer grantedLimit;

    @Column(name = "decline_reason", length = 1000)
    private String declineReason;

    /** The enterprise id while open, else null: the unique key that keeps one open request per enterprise. */
    @Column(name = "open_key")
    private Long openKey;

    @Version
    private int version;

    protected LicenseRequest() {
    }

    LicenseRequest(long enterpriseId, int seatsRequested, String note, String requestedBy, int limitAtRequest,
            int usedAtRequest) {
        this.enterpriseId = enterpriseId;
        this.seatsRequested = seatsRequested;
        this.note = note;
        this.status = Status.OPEN;
        this.requestedBy = requestedBy;
        this.requestedAt = Clock.now();
        this.limitAtRequest = limitAtRequest;
        this.usedAtRequest = usedAtRequest;
        this.openKey = enterpriseId;
    }

    void grant(String operator, int newLimit) {
        decide(Status.GRANTED, operator);
        this.grantedLimit = newLimit;
    }

    void decline(String operator, String reason) {
        decide(Status.DECLINED, operator);
        this.declineReason = reason;
    }

    private void decide(Status outcome, String operator) {
        this.status = outcome;
        this.decidedBy = operator;
        this.decidedAt = Clock.now();
        this.openKey = null;
    }

    public Long id() { return id; }
    public long enterpriseId() { return enterpriseId; }
    public int seatsRequested() { return seatsRequested; }
    public String note() { return note; }
    public Status status() { return status; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public int limitAtRequest() { return limitAtRequest; }
    public int usedAtRequest() { return usedAtRequest; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public Integer grantedLimit() { return grantedLimit; }
    public String declineReason() { return declineReason; }
}
