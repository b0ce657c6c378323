package com.rollcall.platform.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink's defaults retry a query whose connection broke three times, five seconds apart: with the database
 * gone, a request hung 10 s and more before its 500. The pool (server-config/) already fails within a second when it
 * cannot lend a connection; retrying here only multiplied that. So no retries: the request fails at once and
 * answers 503 + Retry-After ({@code platform.rest.Failures}), and the client (or the balancer) retries.
 */
public class FailFastSession implements SessionCustomizer {
    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
