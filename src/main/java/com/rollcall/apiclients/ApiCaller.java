package com.rollcall.apiclients;

import java.util.Set;

/** An authenticated API client: the enterprise every later query is scoped to, and what it may call. */
public record ApiCaller(long enterpriseId, long clientId, String clientName, Set<ApiScope> scopes) {
    public ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(ApiScope scope) {
        return scopes.contains(scope);
    }
}
