package com.rollcall.platform.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The JAX-RS runtime's own errors (no route, wrong method, media types) as admin JSON errors, in our words. */
public class AdminWebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Inject
    private RequestInfo requestInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        return toResponse(e, AdminFallbackExceptionMapper.requestId(requestInfo));
    }

    static Response toResponse(WebApplicationException e, String requestId) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String message = switch (status) {
            case 400 -> "The request could not be understood.";
            case 404 -> "There is no admin API resource at this path.";
            case 405 -> "This HTTP method is not supported on this path.";
            case 406 -> "Responses are only available as application/json (or text/csv for exports).";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the request body as application/json.";
            default -> status >= 500 ? "The server could not process the request." : "The request could not be processed.";
        };
        Response response = AdminErrors.of(status, message, requestId);
        if (status == 405 && e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }
}
