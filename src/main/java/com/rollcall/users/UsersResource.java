package com.rollcall.users;

import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.platform.rest.ScimResponses;
import com.rollcall.platform.rest.SearchRequest;
import com.rollcall.platform.query.ListQuery;
import com.rollcall.scim.schema.Urns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /scim/v2/Users}: not transactional; each handler calls one service use case. */
@Path("Users")
@ApplicationScoped
@Produces(Urns.MEDIA_TYPE)
@Consumes({Urns.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class UsersResource {
    @Inject
    private UserProvisioningService service;

    @Inject
    private RequestInfo request;

    @GET
    public JsonObject list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder) {
        return service.search(request.enterpriseId(), ListQuery.of(filter, startIndex, count, sortBy, sortOrder),
                request.baseUrl());
    }

    /** {@code .search} is POST only (RFC 7644 §3.4.3): GET there is 405, not a lookup of a resource named ".search". */
    @GET
    @Path(".search")
    public Response searchByGet() {
        throw new NotAllowedException(HttpMethod.POST);
    }

    @POST
    @Path(".search")
    public JsonObject search(JsonObject body, @Context ContainerRequestContext context) {
        SearchRequest search = SearchRequest.parse(body);
        search.applyTo(context);
        return service.search(request.enterpriseId(), search.query(), request.baseUrl());
    }

    @POST
    public Response create(JsonObject body) {
        return ScimResponses.created(service.create(request.actor(), body, request.baseUrl()));
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonObject body) {
        return ScimResponses.ok(service.replace(request.actor(), id, ifMatch, body, request.baseUrl()));
    }

    /** 200 with the resource; 204 when the client prefers a minimal answer (RFC 7240). */
    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam("Prefer") String prefer, JsonObject body) {
        JsonObject patched = service.patch(request.actor(), id, ifMatch, body, request.baseUrl());
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("return=minimal")) {
            return ScimResponses.noContent(patched);
        }
        return ScimResponses.ok(patched);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(request.actor(), id, ifMatch, request.baseUrl());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return ScimResponses.ok(service.get(request.enterpriseId(), id, request.baseUrl()));
    }
}
