package com.rollcall.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The JAX-RS runtime's own errors as SCIM error bodies, in our words ({@link Failures#fromRuntime}). */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        return ErrorResponses.of(Failures.fromRuntime(e, Failures.Api.SCIM));
    }
}
