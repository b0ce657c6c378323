package com.rollcall.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * {@code GET /api/ping}: 204, no body, no authentication, no database. It tells nothing about the
 * service's state (that is {@code /health/ready}); it is the floor the benchmark measures the HTTP and
 * JAX-RS stack by (scripts/bench.sh).
 */
@ApplicationPath("/api/ping")
public class PingApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PingResource.class);
    }
}
