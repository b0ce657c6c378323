package com.rollcall.platform.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API client's token may call, and what an {@link Actor} holds (and so may give to a client it issues). */
public enum ApiScope {
    /** The SCIM 2.0 API under /scim/v2. */
    SCIM,
    /** The admin JSON API under /api/admin/v1. */
    ADMIN,
    /** Only the change feed of the admin API: GET /api/admin/v1/events (for a consumer of changes). */
    EVENTS;

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

    public static String format(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::wireName).collect(Collectors.joining(","));
    }
}
