package com.rollcall.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The no-op endpoint of {@link PingApplication}: a constant 204. */
@Path("")
public class PingResource {
    @GET
    public Response ping() {
        return Response.noContent().build();
    }
}
