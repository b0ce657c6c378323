package com.rollcall.platform.rest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives back an enterprise's in-progress count ({@link RequestBudgets#enter(long)}, taken by the bearer token filter)
 * once the whole answer is written: here rather than in a JAX-RS response filter, which runs before a streamed body
 * (a page of large groups) is written, and whatever happens on the way (an exception, a client gone).
 */
@WebFilter(urlPatterns = {"/scim/*", "/api/*"})
public class InFlightRelease extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    private transient RequestBudgets budgets;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            Object enterprise = request.getAttribute(RequestBudgets.IN_FLIGHT);
            if (enterprise instanceof Long id) {
                request.removeAttribute(RequestBudgets.IN_FLIGHT);
                budgets.leave(id);
            }
        }
    }
}
