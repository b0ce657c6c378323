package com.rollcall.platform.security;

import com.rollcall.platform.security.TrustedProxies.Origin;
import jakarta.servlet.ServletRequest;

/**
 * Who sent the current HTTP request, as {@link ClientOriginFilter} resolved it from the connection and the trusted
 * proxies' headers: every place that records or budgets by address asks here, never
 * {@code ServletRequest.getRemoteAddr()} (behind a load balancer that is the balancer).
 */
public final class ClientOrigin {
    static final String ATTRIBUTE = "com.rollcall.origin";

    private ClientOrigin() {
    }

    /** The origin of this request (resolved by the filter; outside it, the connection's address, no proxy). */
    public static Origin of(ServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Origin origin) {
            return origin;
        }
        return new Origin(request.getRemoteAddr(), null, request.isSecure());
    }

    /** The client's address: the connection's, or the one a trusted proxy forwarded. */
    public static String address(ServletRequest request) {
        return of(request).clientAddress();
    }

    /** The trusted proxy the request came through, or null when it came directly. */
    public static String proxy(ServletRequest request) {
        return of(request).proxyAddress();
    }
}
