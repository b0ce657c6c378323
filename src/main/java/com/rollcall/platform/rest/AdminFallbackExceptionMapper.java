package com.rollcall.platform.rest;

import com.rollcall.platform.persistence.Constraints;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last resort of the admin API, the twin of {@link FallbackExceptionMapper}: a wrapped deliberate error is
 * unwrapped, races become a retryable 409 {@code conflict}, anything else is logged once and answered
 * {@code 500 internal_error} naming only the request id.
 */
public class AdminFallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(AdminFallbackExceptionMapper.class.getName());

    @Inject
    private RequestInfo requestInfo;

    @Override
    public Response toResponse(Throwable failure) {
        String requestId = requestId(requestInfo);
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ScimException scim) {
                return AdminErrors.of(scim, requestId);
            }
            if (t instanceof WebApplicationException web) {
                return AdminWebApplicationExceptionMapper.toResponse(web, requestId);
            }
            if (t instanceof OptimisticLockException) {
                return AdminErrors.of(409, "The resource was modified by another request at the same time; read it again and retry.", requestId);
            }
        }
        if (Constraints.isTransientLockFailure(failure)) {
            return AdminErrors.of(409, "The resource was changed by another request at the same time; nothing was changed, retry.", requestId);
        }
        if (Constraints.violatedUniqueKey(failure).isPresent()) {
            return AdminErrors.of(409, "A value of this resource is already used by another resource of this enterprise.", requestId);
        }
        LOG.log(Level.SEVERE, "Unexpected failure of admin request " + requestId, failure);
        return AdminErrors.of(500, "The server could not process the request"
                + (requestId == null ? "." : " (request id " + requestId + ")."), requestId);
    }

    static String requestId(RequestInfo requestInfo) {
        try {
            return requestInfo == null ? null : requestInfo.requestId();
        } catch (RuntimeException notInRequest) {
            return null;
        }
    }
}
