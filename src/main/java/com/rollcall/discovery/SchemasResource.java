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

/** {@code /scim/v2/Schemas}: generated from the same definitions the code validates and projects with. */
@Path("Schemas")
@ApplicationScoped
@Produces(Urns.MEDIA_TYPE)
public class SchemasResource {
    @Inject
    private RequestInfo request;

    @GET
    public JsonObject list() {
        var schemas = ScimSchemas.SCHEMAS.stream().map(s -> SchemaDocuments.schema(s, request.baseUrl())).toList();
        return ListResponse.of(schemas.size(), 1, schemas);
    }

    @GET
    @Path("{urn}")
    public JsonObject get(@PathParam("urn") String urn) {
        return ScimSchemas.schema(urn).map(s -> SchemaDocuments.schema(s, request.baseUrl()))
                .orElseThrow(() -> ScimException.notFound("No schema " + urn + "."));
    }
}
