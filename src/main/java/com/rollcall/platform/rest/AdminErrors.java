package com.rollcall.platform.rest;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single template of every admin API error: {@code {"code":"...","message":"...","requestId":"..."}}
 * as {@code application/json}. Codes are stable (clients branch on them); messages are ours, never
 * exception text. The SCIM layer's {@link ScimException} is reused: its status (and scimType) pick the code.
 */
public final class AdminErrors {
    private static final Logger LOG = Logger.getLogger(AdminErrors.class.getName());

    private AdminErrors() {
    }

    /** The stable code of an HTTP status. */
    public static String code(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 412 -> "precondition_failed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "invalid_request";
        };
    }

    public static Response of(ScimException e, String requestId) {
        Response response = of(e.status(), e.detail(), requestId);
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    public static Response of(int status, String message, String requestId) {
        LOG.log(Level.FINE, "Admin API error {0}: {1}", new Object[] {status, message});
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(status, message, requestId)).build();
    }

    /** The admin API's error body: {@code {"code", "message", "requestId"}}. */
    public static JsonObject body(int status, String message, String requestId) {
        JsonObjectBuilder body = ScimJson.object()
                .add("code", code(status))
                .add("message", message);
        if (requestId != null) {
            body.add("requestId", requestId);
        }
        return body.build();
    }
}
