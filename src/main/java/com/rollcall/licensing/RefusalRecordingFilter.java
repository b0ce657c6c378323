package com.rollcall.licensing;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records the license refusals of a request (SCIM, admin API or console alike) after the request is done,
 * when its transaction has rolled back and its connection is back in the pool: each refusal in a short
 * transaction of its own, on a connection nothing else in this thread holds.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RefusalRecordingFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RefusalRecordingFilter.class.getName());

    @Inject
    private RefusedRequests refused;

    @Inject
    private LicenseRefusals refusals;

    @Inject
    private LicenseMetrics metrics;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            for (RefusedRequests.Refusal refusal : refused.drain()) {
                metrics.refused(refusal.enterpriseId());
                try {
                    refusals.record(refusal.enterpriseId(), refusal.requestId());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not record the license refusal of request " + refusal.requestId(), e);
                }
            }
        }
    }
}
