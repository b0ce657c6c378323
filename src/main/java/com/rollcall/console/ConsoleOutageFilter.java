package com.rollcall.console;

import com.rollcall.platform.persistence.DatabaseOutage;
import com.rollcall.platform.health.FailureLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A console request (a page, a form, the sign-in) that fails because the database cannot be reached or did not
 * answer in time ({@link DatabaseOutage}: an outage, or a pooled connection an outage broke) gets the "try again" page
 * with 503 and {@code Retry-After}, as the APIs answer 503 + Retry-After with their error body: never the 500 page and
 * its stack trace in the log. Such a request changed nothing (its transaction did not commit). One log line a minute
 * per kind. Mapped in web.xml, right after the service gate, so it also covers the session check of
 * {@link SessionGuardFilter}.
 */
public class ConsoleOutageFilter extends HttpFilter {
    static final String PAGE = "/errors/unavailable.html";
    private static final Logger LOG = Logger.getLogger(ConsoleOutageFilter.class.getName());
    private static final FailureLog OUTAGES = new FailureLog(LOG, 60);

    /** One line a minute per kind of outage for all console requests (this filter's pages and form messages alike). */
    static void logged(DatabaseOutage.Kind kind, Throwable failure) {
        OUTAGES.log(Level.WARNING, "console-" + kind, "Console requests get a try-again answer (503 page or form "
                + "message): no database connection (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")", failure);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            DatabaseOutage.Kind kind = DatabaseOutage.of(failure);
            if (kind == null || response.isCommitted()) {
                throw failure;
            }
            logged(kind, failure);
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            try (java.io.InputStream page = request.getServletContext().getResourceAsStream(PAGE)) {
                if (page != null) {
                    page.transferTo(response.getOutputStream());
                }
            }
        }
    }
}
