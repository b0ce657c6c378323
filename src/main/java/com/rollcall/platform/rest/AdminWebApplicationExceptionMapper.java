package com.rollcall.platform.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The JAX-RS runtime's own errors as admin JSON errors, in our words ({@link Failures#fromRuntime}). */
public class AdminWebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Inject
    private RequestInfo requestInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        return AdminErrors.of(Failures.fromRuntime(e, Failures.Api.ADMIN), RequestInfo.idOf(requestInfo));
    }
}
