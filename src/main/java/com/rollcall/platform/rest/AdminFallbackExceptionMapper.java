package com.rollcall.platform.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Last resort of the admin API: {@link Failures} classifies, this writes an admin JSON error. */
public class AdminFallbackExceptionMapper implements ExceptionMapper<Throwable> {
    @Inject
    private RequestInfo requestInfo;

    @Override
    public Response toResponse(Throwable failure) {
        String requestId = RequestInfo.idOf(requestInfo);
        return AdminErrors.of(Failures.classify(failure, Failures.Api.ADMIN, requestId), requestId);
    }
}
