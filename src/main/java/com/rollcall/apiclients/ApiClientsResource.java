package com.rollcall.apiclients;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/api-clients}: create (the token is answered once), list, revoke. */
@Path("api-clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API clients", description = "Integrations and their bearer tokens")
public class ApiClientsResource {
    static final int MAX_NAME_LENGTH = 200;

    @Inject
    private ApiClientService apiClients;

    @Inject
    private RequestInfo requestInfo;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API client", description = "Answers the new client with its bearer token. "
            + "The token is shown this once and only its hash is stored.")
    @RequestBody(description = "{\"name\": \"Entra ID\", \"scopes\": [\"scim\"]}; scopes is a non-empty subset of scim, admin")
    @APIResponse(responseCode = "201", description = "Created: {token, client}")
    @APIResponse(responseCode = "400", description = "invalid_request: name or scopes missing or invalid")
    public Response create(JsonObject body) {
        AdminInput.requireBody(body);
        String name = AdminInput.requireString(body, "name", MAX_NAME_LENGTH);
        Set<ApiScope> scopes = scopes(body.get("scopes"));
        IssuedApiClient issued = apiClients.create(requestInfo.actor(), name, scopes);
        JsonObject answer = ScimJson.object(issued.client().toJson()).add("token", issued.token()).build();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(issued.client().id())).build())
                .entity(answer)
                .build();
    }

    @GET
    @Operation(summary = "List the enterprise's API clients", description = "Revoked ones included; never a token.")
    @APIResponse(responseCode = "200", description = "{totalResults, clients: [...]}")
    public JsonObject list() {
        JsonArrayBuilder clients = ScimJson.array();
        var all = apiClients.list(requestInfo.enterpriseId());
        all.forEach(c -> clients.add(c.toJson()));
        return ScimJson.object().add("totalResults", all.size()).add("clients", clients).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one API client")
    @APIResponse(responseCode = "200", description = "The client")
    @APIResponse(responseCode = "404", description = "not_found (also for another enterprise's client)")
    public JsonObject get(@PathParam("id") String id) {
        return apiClients.find(requestInfo.enterpriseId(), AdminInput.id(id, "API client")).toJson();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API client", description = "Stamps revokedAt; its token is refused (401) from now "
            + "on. The client stays listed. Revoking again changes nothing.")
    @APIResponse(responseCode = "200", description = "The revoked client")
    @APIResponse(responseCode = "404", description = "not_found")
    public JsonObject revoke(@PathParam("id") String id) {
        return apiClients.revoke(requestInfo.actor(), AdminInput.id(id, "API client")).toJson();
    }

    @POST
    @Path("{id}/revoke")
    @Operation(summary = "Revoke an API client (same as DELETE)")
    @APIResponse(responseCode = "200", description = "The revoked client")
    public JsonObject revokeByPost(@PathParam("id") String id) {
        return revoke(id);
    }

    static Set<ApiScope> scopes(JsonValue value) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw ScimException.invalidValue("'scopes' must be a non-empty array of \"scim\", \"admin\" and/or \"events\".");
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw ScimException.invalidValue("'scopes' must contain only the strings \"scim\", \"admin\" and \"events\".");
            }
            ApiScope scope = switch (s.getString().strip().toLowerCase(Locale.ROOT)) {
                case "scim" -> ApiScope.SCIM;
                case "admin" -> ApiScope.ADMIN;
                case "events" -> ApiScope.EVENTS;
                default -> throw ScimException.invalidValue("Unknown scope '" + AdminInput.abbreviate(s.getString())
                        + "': use \"scim\", \"admin\" and/or \"events\".");
            };
            scopes.add(scope);
        }
        return scopes;
    }
}
