package com.rollcall.apiclients;

import com.rollcall.platform.persistence.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * What every bearer credential Rollcall issues keeps (an API client's, an operator's): a name, the SHA-256 of the
 * token (never the token), the few characters shown to tell tokens apart, who made it and when, its last use, and
 * its revocation. The token itself exists only in the answer that issued it.
 */
@MappedSuperclass
public abstract class BearerCredential {
    /** How stale "last used" may get before an authentication writes it again (a write per request is waste). */
    public static final Duration LAST_USE_RESOLUTION = Duration.ofSeconds(60);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_hint", nullable = false, length = 16)
    private String tokenHint;

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

    protected BearerCredential() {
    }

    protected BearerCredential(String name, String token, String createdBy) {
        this.name = name;
        this.tokenHash = ApiTokens.hash(token);
        this.tokenHint = ApiTokens.hint(token);
        this.createdBy = createdBy;
        this.createdAt = Clock.now();
    }

    /** Stamps the revocation; the token fails authentication from now on. Revoking twice keeps the first time. */
    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    /** Whether this is a live credential whose stored hash equals the presented token's (compared in constant time). */
    public boolean accepts(String presentedHash) {
        return revokedAt == null && ApiTokens.sameHash(tokenHash, presentedHash);
    }

    /** Whether an authentication at {@code now} should record the use (at most once per {@link #LAST_USE_RESOLUTION}). */
    public boolean useWorthRecording(Instant now) {
        return lastUsedAt == null || lastUsedAt.isBefore(now.minus(LAST_USE_RESOLUTION));
    }

    public Long id() { return id; }
    public String name() { return name; }
    public String tokenHash() { return tokenHash; }
    public String tokenHint() { return tokenHint; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant lastUsedAt() { return lastUsedAt; }
    public String lastUsedAddress() { return lastUsedAddress; }
    public Instant revokedAt() { return revokedAt; }
    public boolean revoked() { return revokedAt != null; }
}
