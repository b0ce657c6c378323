package com.rollcall.platform.rest;

import com.rollcall.platform.health.ServiceState;
import com.rollcall.scim.message.ErrorResponse;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.schema.Urns;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The first filter of every request (declared first in web.xml): while this instance does not take traffic
 * ({@link ServiceState}: migrations not run, or stopping) everything but {@code /health/*} and {@code /metrics} gets
 * 503 with {@code Retry-After} and the error body of the API called (SCIM error, the admin and operator APIs'
 * {@code {code, message, requestId}}, a short page for the console), never the container's HTML or an empty 500.
 * Otherwise it counts the request in flight, so that a graceful stop can tell how many it waits for.
 * <p>
 * During a stop every answer this instance still gives carries {@code Connection: close} (the refusals, requests in
 * flight that start their answer then, and /health/*), so a balancer that keeps connections open puts none of them
 * back in its pool: when the listener closes at the drain's end there is no idle connection left for it to send a
 * request on just as the instance closes it (nginx answers such a request, a POST or PATCH, with a 502 it may not
 * retry).
 */
public class ServiceGate extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CONNECTION = "Connection";

    @Inject
    private ServiceState state;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the container's normalised path (not the raw URI, in which "/health/../scim/v2/Users" would pass)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (state.isDraining()) {
            response.setHeader(CONNECTION, "close");
        }
        if (path.startsWith("/health") || path.startsWith("/metrics")) {
            chain.doFilter(request, response);
            return;
        }
        state.requestArrived();
        String refusal = state.refusal();
        if (refusal != null) {
            refuse(path, response, refusal);
            return;
        }
        state.requestStarted();
        try {
            chain.doFilter(request, new ClosingWhenDraining(response, state));
        } finally {
            state.requestEnded();
        }
    }

    /**
     * A request that was let in before a stop began and answers during the drain: its answer closes the connection,
     * decided when the answer starts (its headers can change until then).
     */
    static final class ClosingWhenDraining extends HttpServletResponseWrapper {
        private final ServiceState state;

        ClosingWhenDraining(HttpServletResponse response, ServiceState state) {
            super(response);
            this.state = state;
        }

        private void closeIfDraining() {
            if (state.isDraining() && !isCommitted()) {
                setHeader(CONNECTION, "close");
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            closeIfDraining();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            closeIfDraining();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            closeIfDraining();
            super.flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            closeIfDraining();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            closeIfDraining();
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            closeIfDraining();
            super.sendRedirect(location);
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
        response.setHeader(CONNECTION, "close");
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
