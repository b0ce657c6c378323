package com.rollcall.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's defences, on every answer of the console: its pages, the sign-in and invitation pages, the downloads,
 * the error pages and the static resources Faces serves.
 * <ul>
 *   <li>{@code Content-Security-Policy} ({@link #POLICY}): scripts, styles and every other fetch only from this server,
 *       nothing inline (the pages' few scripts are static files under {@code resources/js}), no framing;</li>
 *   <li>{@code X-Frame-Options: DENY} for browsers that predate {@code frame-ancestors}, {@code nosniff};</li>
 *   <li>{@code Referrer-Policy: same-origin}, and {@code no-referrer} on the invitation page, whose address holds a
 *       one-time token;</li>
 *   <li>{@code Cache-Control: no-store} on every page and download (not on the static resources): a token shown once
 *       is never shown again from the browser's cache or history, and after Log out, Back asks the server, which
 *       answers with the sign-in page.</li>
 * </ul>
 */
@WebFilter(urlPatterns = {"*.xhtml", "/console/*", "/errors/*", "/jakarta.faces.resource/*"}, asyncSupported = true)
public class ConsoleHeadersFilter extends HttpFilter {
    /** The console's Content-Security-Policy. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", path.equals("/invitation.xhtml") ? "no-referrer" : "same-origin");
        if (!path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
