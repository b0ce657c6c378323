package com.rollcall.groups;

import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.platform.rest.ScimResponses;
import com.rollcall.scim.schema.Urns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;

/** {@code /scim/v2/Groups}: not transactional; each handler calls one service use case. */
@Path("Groups")
@RequestScoped
@Produces(Urns.MEDIA_TYPE)
@Consumes({Urns.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class GroupsResource {
    @Inject
    private GroupProvisioningService service;

    @Inject
    private RequestInfo request;

    @POST
    public Response create(JsonObject body) {
        return ScimResponses.created(service.create(request.actor(), body, request.baseUrl()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        return ScimResponses.ok(service.get(request.enterpriseId(), id, wantsMembers(attributes, excludedAttributes),
                request.baseUrl()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(request.actor(), id);
        return Response.noContent().build();
    }

    /** Members are read only when the response will contain them (ENTRA.md Q11). */
    static boolean wantsMembers(String attributes, String excludedAttributes) {
        if (attributes != null && !attributes.isBlank()) {
            return mentions(attributes, "members");
        }
        return excludedAttributes == null || !mentions(excludedAttributes, "members");
    }

    private static boolean mentions(String list, String attribute) {
        return Arrays.stream(list.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.equals(attribute) || s.startsWith(attribute + ".")
                        || s.equals("urn:ietf:params:scim:schemas:core:2.0:group:" + attribute));
    }
}
