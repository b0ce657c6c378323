package com.rollcall.people;

import com.rollcall.platform.security.ApiScope;
import java.util.EnumSet;
import java.util.Set;

/** What a console login may see (PRODUCT.md, users 2 and 3). Names double as servlet security roles. */
public enum ConsoleRole {
    /** Everything of their enterprise. */
    ENTERPRISE_ADMIN,
    /** API clients and the provisioning status. */
    INTEGRATIONS_MANAGER;

    /**
     * The API scopes this role holds, and so may give to the API clients it issues: an Enterprise Admin all
     * of them, an Enterprise Integrations Manager only {@code scim} (PRODUCT.md, users 2 and 3).
     */
    public Set<ApiScope> scopes() {
        return switch (this) {
            case ENTERPRISE_ADMIN -> EnumSet.allOf(ApiScope.class);
            case INTEGRATIONS_MANAGER -> EnumSet.of(ApiScope.SCIM);
        };
    }
}
