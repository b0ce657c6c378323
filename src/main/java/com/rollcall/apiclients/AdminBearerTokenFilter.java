package com.rollcall.apiclients;

import com.rollcall.platform.rest.AdminErrors;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.scim.message.ScimException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Bearer authentication of the admin API: tokens need the {@code admin} scope (a scim-only token is a
 * 403, no token a 401). Refusals are admin JSON errors.
 */
@Priority(Priorities.AUTHENTICATION)
public class AdminBearerTokenFilter extends BearerTokenFilter {
    public AdminBearerTokenFilter() {
        super(ApiScope.ADMIN);
    }

    /**
     * The {@code admin} scope opens the whole admin API; the {@code events} scope only reading the change feed
     * ({@code GET events}, {@code events/cursor}, {@code events/types}).
     */
    @Override
    protected boolean allowed(ApiCaller caller, ContainerRequestContext request) {
        if (caller.may(ApiScope.ADMIN)) {
            return true;
        }
        String path = request.getUriInfo().getPath();
        return caller.may(ApiScope.EVENTS) && "GET".equals(request.getMethod())
                && (path.equals("events") || path.startsWith("events/"));
    }

    @Override
    protected Response reject(ScimException refusal) {
        return AdminErrors.of(refusal, requestInfo().requestId());
    }
}
