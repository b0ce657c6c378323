package com.rollcall.apiclients;

import com.rollcall.platform.security.Actor;
import com.rollcall.platform.security.ApiScope;
import java.util.Set;

/**
 * An authenticated API client: the enterprise every later query is scoped to, what it may call, and whether its
 * enterprise is suspended (then it may call nothing).
 */
public record ApiCaller(long enterpriseId, long clientId, String clientName, Set<ApiScope> scopes,
        boolean enterpriseSuspended) {
    public ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(ApiScope scope) {
        return scopes.contains(scope);
    }

    /** This client as the actor of a request from this address. */
    public Actor actor(String address, String requestId) {
        return Actor.apiClient(enterpriseId, clientId, clientName, scopes, address, requestId);
    }
}
