package com.rollcall.apiclients;

import com.rollcall.platform.security.ApiScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Set;

/** A named integration (an IdP's SCIM connector, an automation) with a secret bearer token. */
@Entity
@Table(name = "api_client")
public class ApiClient extends BearerCredential {
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(nullable = false, length = 100)
    private String scopes;

    protected ApiClient() {
    }

    public ApiClient(long enterpriseId, String name, String token, Set<ApiScope> scopes, String createdBy) {
        super(name, token, createdBy);
        this.enterpriseId = enterpriseId;
        this.scopes = ApiScope.format(scopes);
    }

    public long enterpriseId() { return enterpriseId; }
    public Set<ApiScope> scopes() { return ApiScope.parse(scopes); }
}
