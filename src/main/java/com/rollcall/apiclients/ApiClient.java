package com.rollcall.apiclients;

import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.ApiScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;

/** A named integration (an IdP's SCIM connector, an automation) with a secret bearer token. */
@Entity
@Table(name = "api_client")
public class ApiClient {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_hint", nullable = false, length = 16)
    private String tokenHint;

    @Column(nullable = false, length = 100)
    private String scopes;

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

    protected ApiClient() {
    }

    public ApiClient(long enterpriseId, String name, String token, Set<ApiScope> scopes, String createdBy) {
        this.enterpriseId = enterpriseId;
        this.name = name;
        this.tokenHash = ApiTokens.hash(token);
        this.tokenHint = ApiTokens.hint(token);
        this.scopes = ApiScope.format(scopes);
        this.createdBy = createdBy;
        this.createdAt = Clock.now();
    }

    public Long id() { return id; }
    public long enterpriseId() { return enterpriseId; }
    public String name() { return name; }
    public String tokenHash() { return tokenHash; }
    public String tokenHint() { return tokenHint; }
    public Set<ApiScope> scopes() { return ApiScope.parse(scopes); }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant lastUsedAt() { return lastUsedAt; }
    public String lastUsedAddress() { return lastUsedAddress; }
    public Instant revokedAt() { return revokedAt; }
    public boolean revoked() { return revokedAt != null; }

    /** Stamps the revocation; the token fails authentication from now on. Revoking twice keeps the first time. */
    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
