package com.rollcall.platform.rest;

import com.rollcall.scim.message.ScimErrorType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The JAX-RS runtime's own errors (no such route, wrong method, wrong media type, unparseable
 * parameter) as SCIM error bodies with a detail of our own words.
 */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String detail = switch (status) {
            case 400 -> "The request could not be understood.";
            case 404 -> "There is no SCIM resource at this path.";
            case 405 -> "This HTTP method is not supported on this path.";
            case 406 -> "Responses are only available as application/scim+json.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the request body as application/scim+json or application/json.";
            default -> status >= 500 ? "The server could not process the request." : "The request could not be processed.";
        };
        ScimErrorType type = status == 400 ? ScimErrorType.INVALID_SYNTAX : ScimErrorType.NONE;
        Response response = ErrorResponses.of(status, type, detail);
        if (status == 405 && e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }
}
