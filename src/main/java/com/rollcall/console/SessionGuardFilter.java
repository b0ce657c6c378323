package com.rollcall.console;

import com.rollcall.people.ConsoleRole;
import com.rollcall.people.ConsoleUserService;
import com.rollcall.people.SessionCheck;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;

/**
 * Ends a console session at its next request when the login may no longer use it: removed or disabled (by an admin,
 * or because the identity provider deactivated the user with that email), its role changed, or its enterprise
 * suspended. The session is invalidated and the browser sent to the sign-in page, which says why. One lookup by the
 * login's unique key per console request; nothing is kept in this instance's memory, so it holds on every instance.
 */
@WebFilter(urlPatterns = "/console/*")
public class SessionGuardFilter extends HttpFilter {
    @Inject
    private ConsoleUserService consoleUsers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            SessionCheck check = consoleUsers.checkSession(principal.getName(), roleOf(request));
            if (check != SessionCheck.VALID) {
                end(request, response, check);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String roleOf(HttpServletRequest request) {
        for (ConsoleRole role : ConsoleRole.values()) {
            if (request.isUserInRole(role.name())) {
                return role.name();
            }
        }
        return "";
    }

    private static void end(HttpServletRequest request, HttpServletResponse response, SessionCheck why)
            throws IOException, ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String target = request.getContextPath() + "/login.xhtml?ended=" + why.name().toLowerCase(Locale.ROOT);
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target + "\"/></partial-response>");
            return;
        }
        response.sendRedirect(target);
    }
}
