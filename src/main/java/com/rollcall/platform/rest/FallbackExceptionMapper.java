package com.rollcall.platform.rest;

import com.rollcall.platform.persistence.Constraints;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last resort. A ScimException wrapped by the container is unwrapped; a lost race on a unique key, a
 * concurrent modification or a deadlock the database resolved becomes a 409 the client can retry; anything else is logged once with
 * the request id and answered with a generic 500 that names only the request id.
 */
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Inject
    private RequestInfo requestInfo;

    @Override
    public Response toResponse(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ScimException scim) {
                return ErrorResponses.of(scim);
            }
            if (t instanceof jakarta.ws.rs.WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
            if (t instanceof OptimisticLockException) {
                return ErrorResponses.of(409, ScimErrorType.NONE,
                        "The resource was modified by another request at the same time; read it again and retry.");
            }
        }
        if (Constraints.isTransientLockFailure(failure)) {
            return ErrorResponses.of(409, ScimErrorType.NONE,
                    "The resource was changed by another request at the same time; nothing was changed, retry.");
        }
        if (Constraints.violatedUniqueKey(failure).isPresent()) {
            return ErrorResponses.of(ScimException.uniqueness(
                    "A value of this resource is already used by another resource of this enterprise."));
        }
        String requestId = requestInfo == null ? null : safeRequestId();
        LOG.log(Level.SEVERE, "Unexpected failure of request " + requestId, failure);
        return ErrorResponses.of(500, ScimErrorType.NONE,
                "The server could not process the request" + (requestId == null ? "." : " (request id " + requestId + ")."));
    }

    private String safeRequestId() {
        try {
            return requestInfo.requestId();
        } catch (RuntimeException notInRequest) {
            return null;
        }
    }
}
