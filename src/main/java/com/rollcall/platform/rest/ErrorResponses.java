package com.rollcall.platform.rest;

import com.rollcall.scim.message.ErrorResponse;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.Urns;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single template of every SCIM error response: status, SCIM error body, media type, extra
 * headers. Logged quietly: server faults were logged once, with their cause, where they were classified
 * ({@link Failures}).
 */
public final class ErrorResponses {
    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    public static Response of(ScimException e) {
        LOG.log(Level.FINE, "SCIM error {0}: {1}", new Object[] {e.status(), e.detail()});
        Response.ResponseBuilder response = Response.status(e.status())
                .type(Urns.MEDIA_TYPE)
                .entity(ErrorResponse.of(e));
        e.headers().forEach(response::header);
        return response.build();
    }

    public static Response of(int status, ScimErrorType type, String detail) {
        return of(new ScimException(status, type, detail));
    }
}
