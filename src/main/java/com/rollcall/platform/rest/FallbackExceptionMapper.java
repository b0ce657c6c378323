package com.rollcall.platform.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Last resort of the SCIM API: {@link Failures} classifies, this writes a SCIM error body. */
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    @Inject
    private RequestInfo requestInfo;

    @Override
    public Response toResponse(Throwable failure) {
        return ErrorResponses.of(Failures.classify(failure, Failures.Api.SCIM, RequestInfo.idOf(requestInfo)));
    }
}
