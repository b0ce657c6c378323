package com.rollcall.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The no-op endpoint of {@link PingApplication}: a constant 204. One instance for the application, as the SCIM
 * resources are: a resource without a scope is created and injected anew for every request (13 % of a no-op
 * request's CPU in a profile), which the floor would measure as the container's cost.
 */
@Path("")
@ApplicationScoped
public class PingResource {
    @GET
    public Response ping() {
        return Response.noContent().build();
    }
}
