package com.rollcall.platform.rest;

import com.rollcall.platform.security.Actor;
import com.rollcall.scim.message.ScimException;
import jakarta.enterprise.context.RequestScoped;

/**
 * What the boundary knows of the current HTTP request: its id (echoed as {@code X-Request-Id} and
 * recorded in the audit trail), the caller's address as the server sees it, and the authenticated
 * API client, and the base URL resources' locations are built from.
 */
@RequestScoped
public class RequestInfo {
    private String requestId;
    private String callerAddress;
    private String proxyAddress;
    private Actor actor;
    private String baseUrl;

    public String requestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String callerAddress() {
        return callerAddress;
    }

    public void setCallerAddress(String callerAddress) {
        this.callerAddress = callerAddress;
    }

    /** The trusted proxy the request came through (null when it came directly): see platform.security.ClientOrigin. */
    public String proxyAddress() {
        return proxyAddress;
    }

    public void setProxyAddress(String proxyAddress) {
        this.proxyAddress = proxyAddress;
    }

    /** Set by the API's authentication (apiclients' bearer filters) once the token is known. */
    public void authenticated(Actor actor) {
        this.actor = actor;
    }

    /** The SCIM base URL of this request, ending in a slash (e.g. {@code https://host/scim/v2/}). */
    public String baseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** The SCIM base URL of this server ({@code .../scim/v2/}), also when the request came to another API. */
    public String scimBaseUrl() {
        int api = baseUrl.indexOf("/api/admin/v1/");
        return api < 0 ? baseUrl : baseUrl.substring(0, api) + "/scim/v2/";
    }

    /** The request id of this request, or null outside one (an exception mapper may run outside a request scope). */
    public static String idOf(RequestInfo requestInfo) {
        try {
            return requestInfo == null ? null : requestInfo.requestId();
        } catch (RuntimeException notInRequest) {
            return null;
        }
    }

    /** The authenticated caller as the actor of a use case. */
    public Actor actor() {
        if (actor == null) {
            throw ScimException.unauthorized("Authentication is required.");
        }
        return actor;
    }

    public long enterpriseId() {
        return actor().enterpriseId();
    }
}
