package com.rollcall.platform.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * TRACE is refused everywhere (405): the listener passes it to the application (so the APIs can answer it with their
 * own error body, {@link ScimRequestGuard}), and here it never reaches a servlet that would echo the request, cookies
 * included (cross-site tracing).
 */
@WebFilter(urlPatterns = "/*")
public class TraceRefusal extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("TRACE".equalsIgnoreCase(request.getMethod()) && !isApi(request)) {
            response.setHeader("Allow", "GET, HEAD, POST");
            response.sendError(405);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isApi(HttpServletRequest request) {
        // the container's decoded and normalised path, the one it maps to a servlet: the raw request URI may say
        // /scim/v2/../x while the default servlet (which echoes TRACE) is the one that serves it
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith("/scim/v2/") || path.startsWith("/api/admin/v1/") || path.startsWith("/api/operator/v1/");
    }
}
