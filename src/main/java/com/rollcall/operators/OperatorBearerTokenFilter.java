package com.rollcall.operators;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.platform.rest.AdminErrors;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.message.ScimException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Bearer authentication of the operator API: only an operator token passes (401 otherwise, whatever a tenant's
 * token may do elsewhere). Refusals are admin-format JSON errors.
 */
@Priority(Priorities.AUTHENTICATION)
public class OperatorBearerTokenFilter implements ContainerRequestFilter {
    @Inject
    private OperatorTokenService tokens;

    @Inject
    private RequestInfo requestInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> token = ApiTokens.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty()) {
            request.abortWith(AdminErrors.of(ScimException.unauthorized(
                    "Send an operator token as 'Authorization: Bearer <token>'."), requestInfo.requestId()));
            return;
        }
        tokens.authenticate(token.get(), requestInfo.callerAddress(), requestInfo.requestId())
                .ifPresentOrElse(actor -> requestInfo.authenticated(actor.via(requestInfo.proxyAddress())), () -> request.abortWith(AdminErrors.of(
                        ScimException.unauthorized("The bearer token is not a valid operator token, or it was revoked."),
                        requestInfo.requestId())));
    }
}
