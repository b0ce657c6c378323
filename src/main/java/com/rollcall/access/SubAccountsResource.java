package com.rollcall.access;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/sub-accounts}: list and create. */
@Path("sub-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
public class SubAccountsResource {
    @Inject
    private SubAccountService access;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "List sub-accounts")
    public JsonObject list() {
        JsonArrayBuilder subAccounts = ScimJson.array();
        access.subAccounts(requestInfo.enterpriseId()).forEach(s -> subAccounts.add(RoleViews.subAccountJson(s)));
        return ScimJson.object().add("subAccounts", subAccounts).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a sub-account", description = "{\"name\": \"EMEA\"}; names are unique, case-insensitively.")
    public Response create(JsonObject body) {
        AdminInput.requireBody(body);
        SubAccountView created = access.create(requestInfo.actor(), AdminInput.requireString(body, "name", 200));
        return Response.status(Response.Status.CREATED).entity(RoleViews.subAccountJson(created)).build();
    }
}
