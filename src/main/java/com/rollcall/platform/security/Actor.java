package com.rollcall.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting, on behalf of which enterprise, from where, holding which API scopes: passed explicitly
 * into every use case so tenant scoping, audit attribution and what the actor may hand out (an API
 * client's scopes) are visible at each call site.
 */
public record Actor(long enterpriseId, ActorType type, String id, String name, String address, String requestId,
        Set<ApiScope> scopes) {
    public enum ActorType { API_CLIENT, CONSOLE_USER, SYSTEM }

    public Actor {
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** An API client (by id and name) holding its token's scopes, from the address the server sees. */
    public static Actor apiClient(long enterpriseId, long clientId, String clientName, Set<ApiScope> scopes,
            String address, String requestId) {
        return new Actor(enterpriseId, ActorType.API_CLIENT, Long.toString(clientId), clientName, address, requestId,
                scopes);
    }

    /**
     * A signed-in console user (login and display name), from the address the server sees, holding the
     * scopes of their console role.
     */
    public static Actor consoleUser(long enterpriseId, String login, String displayName, Set<ApiScope> scopes,
            String address, String requestId) {
        return new Actor(enterpriseId, ActorType.CONSOLE_USER, login, displayName, address, requestId, scopes);
    }

    /** Rollcall itself (start-up, background jobs): holds every scope. */
    public static Actor system(long enterpriseId, String what) {
        return new Actor(enterpriseId, ActorType.SYSTEM, null, what, null, null, EnumSet.allOf(ApiScope.class));
    }

    /** Whether the actor holds every one of these scopes (and so may give them to an API client). */
    public boolean holdsAll(Set<ApiScope> wanted) {
        return scopes.containsAll(wanted);
    }
}
