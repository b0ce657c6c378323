package com.rollcall.platform.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every SCIM request in the application metrics (/metrics, Prometheus format):
 * <ul>
 *   <li>{@code rollcall_scim_requests_total{enterprise, operation, status}}: requests answered, by the caller's
 *       enterprise id ({@code none} before authentication), the operation ({@code GET /Users}, {@code PATCH
 *       /Groups/{id}}, {@code POST /Users/.search} …; anything else {@code other}) and the HTTP status;</li>
 *   <li>{@code rollcall_scim_request_seconds{operation}}: how long they took (a timer: {@code _count} and {@code _sum}
 *       in seconds; Payara Micro 6.2025.10 prints its {@code _max}, {@code _mean} and quantiles in nanoseconds).</li>
 * </ul>
 * Labels are bounded: operations are a fixed set and enterprises are the tenants of this service.
 */
@PreMatching
@Priority(90)
public class ScimMetrics implements ContainerRequestFilter, ContainerResponseFilter {
    static final String REQUESTS = "rollcall.scim.requests";
    static final String DURATION = "rollcall.scim.request";
    private static final String STARTED = ScimMetrics.class.getName() + ".started";
    private static final Set<String> RESOURCES = Set.of("Users", "Groups", ".search", "Schemas", "ResourceTypes",
            "ServiceProviderConfig", "Bulk", "Me");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    @Inject
    private MetricRegistry registry;

    @Inject
    private RequestInfo requestInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        String operation = operation(request.getMethod(), request.getUriInfo().getPathSegments());
        String enterprise = enterprise();
        registry.counter(REQUESTS, new Tag("enterprise", enterprise), new Tag("operation", operation),
                new Tag("status", Integer.toString(response.getStatus()))).inc();
        if (started instanceof Long start) {
            registry.timer(DURATION, new Tag("operation", operation)).update(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private String enterprise() {
        try {
            return Long.toString(requestInfo.enterpriseId());
        } catch (RuntimeException unauthenticated) {
            return "none";
        }
    }

    /** "GET /Users/{id}" and the like, from a fixed set. */
    static String operation(String method, List<PathSegment> segments) {
        String verb = METHODS.contains(method) ? method : "OTHER";
        List<String> path = segments.stream().map(PathSegment::getPath).filter(p -> !p.isEmpty()).toList();
        if (path.isEmpty()) {
            return verb + " /";
        }
        String resource = path.get(0);
        if (!RESOURCES.contains(resource)) {
            return verb + " other";
        }
        if (path.size() == 1) {
            return verb + " /" + resource;
        }
        if (path.size() == 2 && path.get(1).equals(".search")) {
            return verb + " /" + resource + "/.search";
        }
        return verb + " /" + resource + (path.size() == 2 ? "/{id}" : "/other");
    }
}
