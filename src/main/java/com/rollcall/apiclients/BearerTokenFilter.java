package com.rollcall.apiclients;

import com.rollcall.platform.rest.ErrorResponses;
import com.rollcall.platform.rest.RequestBudgets;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.scim.message.ScimException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>} on every request of an API. A missing, unknown or revoked
 * token is a 401 with {@code WWW-Authenticate: Bearer}; a token without the API's scope is a 403.
 * The token resolves to exactly one enterprise, which scopes everything that follows.
 */
@Priority(Priorities.AUTHENTICATION)
public abstract class BearerTokenFilter implements ContainerRequestFilter {
    private final ApiScope requiredScope;

    @Inject
    private ApiClientService apiClients;

    @Inject
    private RequestInfo requestInfo;

    @Inject
    private TokenCache cache;

    @Inject
    private RequestBudgets budgets;

    protected BearerTokenFilter(ApiScope requiredScope) {
        this.requiredScope = requiredScope;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> token = ApiTokens.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty()) {
            request.abortWith(reject(ScimException.unauthorized(
                    "Send the API client's token as 'Authorization: Bearer <token>'.")));
            return;
        }
        Optional<ApiCaller> caller = authenticate(token.get());
        if (caller.isEmpty()) {
            request.abortWith(reject(ScimException.unauthorized("The bearer token is not valid or was revoked.")));
            return;
        }
        if (caller.get().enterpriseSuspended()) {
            request.abortWith(reject(ScimException.forbidden("This enterprise is suspended by the operator of Rollcall: "
                    + "its SCIM and admin APIs refuse every call until it is resumed. Nothing has been deleted.")));
            return;
        }
        long wait = budgets.api(caller.get().enterpriseId());
        if (wait > 0) {
            request.abortWith(reject(ScimException.tooManyRequests("This enterprise is over its request budget on this "
                    + "server; retry after " + com.rollcall.platform.text.Plural.count(wait, "second") + ".", wait)));
            return;
        }
        if (!budgets.enter(caller.get().enterpriseId())) {
            request.abortWith(reject(ScimException.tooManyRequests("This enterprise has " + budgets.concurrent()
                    + " requests in progress on this server already; retry after 1 second.", 1)));
            return;
        }
        request.setProperty(RequestBudgets.IN_FLIGHT, caller.get().enterpriseId());
        if (!allowed(caller.get(), request)) {
            request.abortWith(reject(ScimException.forbidden(
                    "This API client's token does not have the '" + requiredScope.wireName() + "' scope.")));
            return;
        }
        requestInfo.authenticated(caller.get().actor(requestInfo.callerAddress(), requestInfo.requestId())
                .via(requestInfo.proxyAddress()));
    }

    /** Whether the caller's scopes open this request: by default, the API's scope. */
    protected boolean allowed(ApiCaller caller, ContainerRequestContext request) {
        return caller.may(requiredScope);
    }

    /** The token's caller: from this instance's short-lived cache, else from the database (then cached). */
    private Optional<ApiCaller> authenticate(String token) {
        if (!ApiTokens.plausible(token)) {
            return Optional.empty();
        }
        String hash = ApiTokens.hash(token);
        Optional<ApiCaller> cached = cache.find(hash);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<ApiCaller> caller = apiClients.authenticate(token, requestInfo.callerAddress());
        caller.ifPresent(found -> cache.put(hash, found));
        return caller;
    }

    /** The response a refused request gets; each API answers in its own error format. */
    protected Response reject(ScimException refusal) {
        return ErrorResponses.of(refusal);
    }

    protected RequestInfo requestInfo() {
        return requestInfo;
    }
}
