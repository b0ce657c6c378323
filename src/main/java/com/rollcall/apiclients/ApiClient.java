package com.rollcall.apiclients;

import com.rollcall.platform.security.ApiScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** A named integration (an IdP's SCIM connector, an automation) with a secret bearer token. */
@Entity
@Table(name = "api_client")
public class ApiClient extends BearerCredential {
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(nullable = false, length = 100)
    private String scopes;

    /** The name lower-cased, under the unique key {@code uq_api_client_name}; null once revoked (the name is free). */
    @Column(name = "name_key", length = 200)
    private String nameKey;

    protected ApiClient() {
    }

    public ApiClient(long enterpriseId, String name, String token, Set<ApiScope> scopes, String createdBy) {
        super(name, token, createdBy);
        this.enterpriseId = enterpriseId;
        this.scopes = ApiScope.format(scopes);
        this.nameKey = keyOf(name);
    }

    /** The key a name is unique by among an enterprise's live clients: trimmed, lower-cased. */
    static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Revokes the client; its name is free for a new one. */
    @Override
    public void revoke(Instant at) {
        super.revoke(at);
        nameKey = null;
    }

    public long enterpriseId() { return enterpriseId; }
    public Set<ApiScope> scopes() { return ApiScope.parse(scopes); }
}
