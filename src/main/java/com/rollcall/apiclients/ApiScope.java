package com.rollcall.apiclients;

import com.rollcall.platform.security.ConsoleRole;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API client's token may call. */
public enum ApiScope {
    /** The SCIM 2.0 API under /scim/v2. */
    SCIM,
    /** The admin JSON API under /api/admin/v1. */
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "scim,admin" (as stored); unknown names are ignored. */
    public static Set<ApiScope> parse(String stored) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (stored != null) {
            for (String part : stored.split(",")) {
                for (ApiScope scope : values()) {
                    if (scope.wireName().equals(part.trim().toLowerCase(Locale.ROOT))) {
                        scopes.add(scope);
                    }
                }
            }
        }
        return scopes;
    }

    /**
     * The scopes a console role holds, and so may give to the API clients it issues: an Enterprise Admin
     * all of them, an Enterprise Integrations Manager only {@code scim} (PRODUCT.md, users 2 and 3).
     */
    public static Set<ApiScope> heldBy(ConsoleRole role) {
        return switch (role) {
            case ENTERPRISE_ADMIN -> EnumSet.allOf(ApiScope.class);
            case INTEGRATIONS_MANAGER -> EnumSet.of(SCIM);
        };
    }

    public static String format(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::wireName).collect(Collectors.joining(","));
    }
}
