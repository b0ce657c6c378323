package com.rollcall.groups;

import com.rollcall.platform.query.ListQuery;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.platform.rest.ScimResponses;
import com.rollcall.platform.rest.SearchRequest;
import com.rollcall.scim.schema.Projection;
import com.rollcall.scim.schema.ScimSchemas;
import com.rollcall.scim.schema.Urns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/** {@code /scim/v2/Groups}: not transactional; each handler calls one service use case. */
@Path("Groups")
@ApplicationScoped
@Produces(Urns.MEDIA_TYPE)
@Consumes({Urns.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class GroupsResource {
    @Inject
    private GroupProvisioningService service;

    @Inject
    private RequestInfo request;

    /**
     * A page of groups; with members (Okta lists groups so) the ListResponse is streamed, each group's members read in
     * pages as they are written: memory stays flat however large the groups.
     */
    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("sortBy") String sortBy, @QueryParam("sortOrder") String sortOrder,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excludedAttributes) {
        return list(ListQuery.of(filter, startIndex, count, sortBy, sortOrder), Projection.parseList(attributes),
                Projection.parseList(excludedAttributes));
    }

    private Response list(ListQuery query, List<String> attributes, List<String> excluded) {
        long enterpriseId = request.enterpriseId();
        String baseUrl = request.baseUrl();
        if (!Projection.wants(ScimSchemas.GROUP_RESOURCE_TYPE, attributes, excluded, "members")) {
            return Response.ok(service.search(enterpriseId, query, false, baseUrl)).type(Urns.MEDIA_TYPE).build();
        }
        StreamingOutput body = out -> service.writeSearch(enterpriseId, query, attributes, excluded, baseUrl, out);
        return Response.ok(body).type(Urns.MEDIA_TYPE).build();
    }

    /** {@code .search} is POST only (RFC 7644 §3.4.3): GET there is 405, not a lookup of a resource named ".search". */
    @GET
    @Path(".search")
    public Response searchByGet() {
        throw new NotAllowedException(HttpMethod.POST);
    }

    @POST
    @Path(".search")
    public Response search(JsonObject body, @Context ContainerRequestContext context) {
        SearchRequest search = SearchRequest.parse(body);
        search.applyTo(context);
        return list(search.query(), search.attributes(), search.excludedAttributes());
    }

    @POST
    public Response create(JsonObject body) {
        return ScimResponses.created(service.create(request.actor(), body, request.baseUrl()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        JsonObject header = service.get(request.enterpriseId(), id, false, request.baseUrl());
        return withMembers(header, attributes, excludedAttributes);
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excludedAttributes,
            JsonObject body) {
        return withMembers(service.replace(request.actor(), id, ifMatch, body, false, request.baseUrl()), attributes,
                excludedAttributes);
    }

    /**
     * 204 (Entra never reads membership back); 200 with the resource when the client asks for
     * attributes, as ENTRA.md's status table says.
     */
    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excludedAttributes,
            JsonObject body) {
        boolean wantsBody = attributes != null && !attributes.isBlank();
        JsonObject patched = service.patch(request.actor(), id, ifMatch, body, false, request.baseUrl());
        return wantsBody ? withMembers(patched, attributes, excludedAttributes) : ScimResponses.noContent(patched);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(request.actor(), id, ifMatch);
        return Response.noContent().build();
    }

    /**
     * A single group's answer: without members (ENTRA.md Q11: the membership tables are not touched; the projection
     * filter projects the rest), or with them streamed (bounded memory for 100,000-member groups), projected as asked.
     * {@code header} is the group's form without members; its ETag and Location are sent.
     */
    private Response withMembers(JsonObject header, String attributes, String excludedAttributes) {
        if (!wantsMembers(attributes, excludedAttributes)) {
            return ScimResponses.ok(header);
        }
        long enterpriseId = request.enterpriseId();
        String baseUrl = request.baseUrl();
        List<String> wanted = Projection.parseList(attributes);
        List<String> excluded = Projection.parseList(excludedAttributes);
        StreamingOutput body = out -> service.writeWithMembers(enterpriseId, header, wanted, excluded, baseUrl, out);
        return ScimResponses.streamed(header, body);
    }

    /** Members are read only when the response will contain them (ENTRA.md Q11). */
    static boolean wantsMembers(String attributes, String excludedAttributes) {
        return Projection.wants(ScimSchemas.GROUP_RESOURCE_TYPE, Projection.parseList(attributes),
                Projection.parseList(excludedAttributes), "members");
    }
}
