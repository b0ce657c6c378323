package com.rollcall.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The invitation page's address holds a one-time token: no cache may keep the page ({@code Cache-Control: no-store})
 * and no request it leads to may carry the address as its referrer ({@code Referrer-Policy: no-referrer}), on the
 * first view and on every post of its form alike.
 */
@WebFilter(urlPatterns = "/invitation.xhtml")
public class InvitationHeadersFilter extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
