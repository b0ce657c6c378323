package com.rollcall.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting, on behalf of which enterprise, from where, holding which API scopes: passed explicitly
 * into every use case so tenant scoping, audit attribution and what the actor may hand out (an API
 * client's scopes) are visible at each call site.
 */
public record Actor(long enterpriseId, ActorType type, String id, String name, String address, String requestId,
        Set<ApiScope> scopes, String proxyAddress) {
    public enum ActorType { API_CLIENT, CONSOLE_USER, SYSTEM, OPERATOR }

    /** The enterprise id of an actor that acts for no enterprise (the operator on its own tokens). */
    public static final long NO_ENTERPRISE = 0;

    public Actor {
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** An actor that came directly, through no proxy. */
    public Actor(long enterpriseId, ActorType type, String id, String name, String address, String requestId,
            Set<ApiScope> scopes) {
        this(enterpriseId, type, id, name, address, requestId, scopes, null);
    }

    /**
     * This actor as having come through this trusted proxy (null: directly): {@link #address()} is then the address
     * the proxy forwarded, and the audit records both.
     */
    public Actor via(String proxy) {
        return new Actor(enterpriseId, type, id, name, address, requestId, scopes, proxy);
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

    /**
     * The operator of Rollcall, authenticated by one of its operator tokens (by id and name): it acts for no
     * enterprise until {@link #on(long)} names the one it is changing. It holds no API scope.
     */
    public static Actor operator(long tokenId, String tokenName, String address, String requestId) {
        return new Actor(NO_ENTERPRISE, ActorType.OPERATOR, Long.toString(tokenId), tokenName, address, requestId,
                Set.of());
    }

    /** This actor acting on one enterprise (the operator onboarding or changing it). */
    public Actor on(long enterprise) {
        return new Actor(enterprise, type, id, name, address, requestId, scopes, proxyAddress);
    }

    /** Whether this is the operator of Rollcall (not a tenant's client, console user or Rollcall itself). */
    public boolean isOperator() {
        return type == ActorType.OPERATOR;
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
