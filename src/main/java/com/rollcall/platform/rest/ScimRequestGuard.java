package com.rollcall.platform.rest;

import com.rollcall.scim.message.ErrorResponse;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.schema.Urns;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * Refuses, as an error of the API called (SCIM error body, or the admin API's {code, message}), what
 * would otherwise be answered by the web container's own HTML error page before JAX-RS sees the
 * request: a Content-Type header that does not parse as a media type or comes more than once (the container joins
 * repeated ones into one that does not parse, and answers with an HTML page), and TRACE (which the container would otherwise
 * echo; the listener lets it through to here so that it gets the API's error body).
 */
@WebFilter(urlPatterns = {"/scim/v2/*", "/api/admin/v1/*", "/api/operator/v1/*"})
public class ScimRequestGuard extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean admin = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if ("TRACE".equalsIgnoreCase(request.getMethod())) {
            response.setHeader("Allow", "GET, POST, PUT, PATCH, DELETE");
            refuse(response, admin, 405, "TRACE is not supported.");
            return;
        }
        String contentType = request.getHeader("Content-Type");
        boolean repeated = contentType != null && Collections.list(request.getHeaders("Content-Type")).size() > 1;
        if (contentType != null && (repeated || !parses(contentType))) {
            refuse(response, admin, 415, (repeated ? "The request has more than one Content-Type header; send one: "
                    : "The Content-Type header is not a valid media type; send ")
                    + (admin ? "application/json." : "application/scim+json."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, boolean admin, int status, String message) throws IOException {
        byte[] body = (admin
                ? AdminErrors.body(status, message, null)
                : ErrorResponse.of(status, ScimErrorType.NONE, message))
                .toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(admin ? "application/json" : Urns.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean parses(String contentType) {
        try {
            MediaType type = MediaType.valueOf(contentType);
            return !type.getType().isBlank() && !type.getSubtype().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
