package com.rollcall.platform.rest;

import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Every deliberate error of the services and the admin boundary, as an admin JSON error. */
public class AdminExceptionMapper implements ExceptionMapper<ScimException> {
    @Inject
    private RequestInfo requestInfo;

    @Override
    public Response toResponse(ScimException e) {
        return AdminErrors.of(e, RequestInfo.idOf(requestInfo));
    }
}
