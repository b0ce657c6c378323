package com.rollcall.platform.rest;

import com.rollcall.scim.message.ScimException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Every deliberate error of the services and the boundary. */
public class ScimExceptionMapper implements ExceptionMapper<ScimException> {
    @Override
    public Response toResponse(ScimException e) {
        return ErrorResponses.of(e);
    }
}
