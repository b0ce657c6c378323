package com.rollcall.audit;

import com.rollcall.apiclients.ApiCaller;

/**
 * Who is acting, on behalf of which enterprise, from where: passed explicitly into every use case
 * so tenant scoping and audit attribution are visible at each call site.
 */
public record Actor(long enterpriseId, ActorType type, String id, String name, String address, String requestId) {
    public enum ActorType { API_CLIENT, CONSOLE_USER, SYSTEM }

    public static Actor apiClient(ApiCaller caller, String address, String requestId) {
        return new Actor(caller.enterpriseId(), ActorType.API_CLIENT, Long.toString(caller.clientId()),
                caller.clientName(), address, requestId);
    }

    /** A signed-in console user (login and display name), from the address the server sees. */
    public static Actor consoleUser(long enterpriseId, String login, String displayName, String address, String requestId) {
        return new Actor(enterpriseId, ActorType.CONSOLE_USER, login, displayName, address, requestId);
    }

    public static Actor system(long enterpriseId, String what) {
        return new Actor(enterpriseId, ActorType.SYSTEM, null, what, null, null);
    }
}
