package com.rollcall.platform.rest;

import com.rollcall.platform.health.ServiceState;
import com.rollcall.scim.message.ErrorResponse;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.schema.Urns;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The first filter of every request (declared first in web.xml): while this instance does not take traffic
 * ({@link ServiceState}: migrations not run, or stopping) everything but {@code /health/*} and {@code /metrics} gets
 * 503 with {@code Retry-After} and the error body of the API called (SCIM error, the admin and operator APIs'
 * {@code {code, message, requestId}}, a short page for the console), never the container's HTML or an empty 500.
 * Otherwise it counts the request in flight, so that a graceful stop can tell how many it waits for.
 */
public class ServiceGate extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private ServiceState state;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the container's normalised path (not the raw URI, in which "/health/../scim/v2/Users" would pass)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith("/health") || path.startsWith("/metrics")) {
            chain.doFilter(request, response);
            return;
        }
        String refusal = state.refusal();
        if (refusal != null) {
            refuse(path, response, refusal);
            return;
        }
        state.requestStarted();
        try {
            chain.doFilter(request, response);
        } finally {
            state.requestEnded();
        }
    }

    private static void refuse(String path, HttpServletResponse response, String message) throws IOException {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String requestId = HexFormat.of().formatHex(id);
        String contentType;
        String body;
        if (path.startsWith("/scim/")) {
            contentType = Urns.MEDIA_TYPE;
            body = ErrorResponse.of(503, ScimErrorType.NONE, message + " (request id " + requestId + ")").toString();
        } else if (path.startsWith("/api/")) {
            contentType = "application/json";
            body = AdminErrors.body(503, message, requestId).toString();
        } else {
            contentType = "text/plain;charset=UTF-8";
            body = "Rollcall is not available on this instance right now. " + message + "\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(503);
        response.setHeader("Retry-After", "1");
        response.setHeader(RequestIdFilter.HEADER, requestId);
        response.setHeader("Connection", "close");
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
