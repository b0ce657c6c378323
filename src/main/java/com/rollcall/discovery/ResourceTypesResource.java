package com.rollcall.discovery;

import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.message.ListResponse;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.SchemaDocuments;
import com.rollcall.scim.schema.ScimSchemas;
import com.rollcall.scim.schema.Urns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** {@code /scim/v2/ResourceTypes}: User (with the enterprise extension) and Group. */
@Path("ResourceTypes")
@ApplicationScoped
@Produces(Urns.MEDIA_TYPE)
public class ResourceTypesResource {
    @Inject
    private RequestInfo request;

    @GET
    public JsonObject list() {
        var types = ScimSchemas.RESOURCE_TYPES.stream().map(t -> SchemaDocuments.resourceType(t, request.baseUrl())).toList();
        return ListResponse.of(types.size(), 1, types);
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return ScimSchemas.resourceType(id).map(t -> SchemaDocuments.resourceType(t, request.baseUrl()))
                .orElseThrow(() -> ScimException.notFound("No resource type " + id + "."));
    }
}
