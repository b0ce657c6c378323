package com.rollcall.operators;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/operator/v1/tokens}: the operator's own credentials. */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator tokens", description = "The operator's bearer tokens for this API")
public class OperatorTokensResource {
    @Inject
    private OperatorTokenService tokens;

    @Inject
    private RequestInfo requestInfo;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an operator token", description = "The token is answered this once; only its hash is stored.")
    @RequestBody(description = "{\"name\": \"Billing automation\"}")
    @APIResponse(responseCode = "201", description = "{token, id, name, tokenHint, ...}")
    @APIResponse(responseCode = "400", description = "invalid_request: name missing or too long")
    public Response issue(JsonObject body) {
        AdminInput.requireBody(body);
        IssuedOperatorToken issued = tokens.issue(requestInfo.actor(), AdminInput.requireString(body, "name", 200));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(issued.view().id())).build())
                .entity(ScimJson.object(issued.view().toJson()).add("token", issued.token()).build())
                .build();
    }

    @GET
    @Operation(summary = "List operator tokens", description = "Revoked ones included; never a token.")
    @APIResponse(responseCode = "200", description = "{totalResults, tokens: [...]}")
    public JsonObject list() {
        List<OperatorTokenView> all = tokens.list();
        JsonArrayBuilder items = ScimJson.array();
        all.forEach(t -> items.add(t.toJson()));
        return ScimJson.object().add("totalResults", all.size()).add("tokens", items).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an operator token", description = "Refused (409) for the last live token.")
    @APIResponse(responseCode = "200", description = "The revoked token")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: the last live token")
    public JsonObject revoke(@PathParam("id") String id) {
        return tokens.revoke(requestInfo.actor(), AdminInput.operatorId(id, "operator token")).toJson();
    }
}
