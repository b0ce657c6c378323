package com.rollcall.operators;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.platform.persistence.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A credential of the operator of Rollcall (the company running it, not a customer): it reaches only
 * {@code /api/operator/v1}. Only the SHA-256 of the token is stored.
 */
@Entity
@Table(name = "operator_token")
public class OperatorToken {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_hint", nullable = false, length = 16)
    private String tokenHint;

    @Column(name = "from_environment", nullable = false)
    private boolean fromEnvironment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 200)
    private String createdBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_address", length = 64)
    private String lastUsedAddress;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private int version;

    protected OperatorToken() {
    }

    OperatorToken(String name, String token, boolean fromEnvironment, String createdBy) {
        this.name = name;
        this.tokenHash = ApiTokens.hash(token);
        this.tokenHint = ApiTokens.hint(token);
        this.fromEnvironment = fromEnvironment;
        this.createdBy = createdBy;
        this.createdAt = Clock.now();
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public Long id() { return id; }
    public String name() { return name; }
    public String tokenHash() { return tokenHash; }
    public String tokenHint() { return tokenHint; }
    public boolean fromEnvironment() { return fromEnvironment; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant lastUsedAt() { return lastUsedAt; }
    public String lastUsedAddress() { return lastUsedAddress; }
    public Instant revokedAt() { return revokedAt; }
    public boolean revoked() { return revokedAt != null; }
}
