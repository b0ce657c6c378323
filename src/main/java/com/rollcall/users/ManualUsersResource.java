package com.rollcall.users;

import com.rollcall.platform.query.ListQuery;
import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/v1/users}: what an administrator does to users by hand, under the same rules as
 * the console (PRODUCT.md rules 1 and 6: in Managed in Connected System mode users are neither added nor edited here).
 * Users are SCIM-shaped JSON; a write answers {user, mayBeOverwrittenByIdp}.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Manual users: create, edit, deactivate, search")
public class ManualUsersResource {
    @Inject
    private UserSeatService seats;

    @Inject
    private ManualUserService manual;

    @Inject
    private UserProvisioningService users;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "Search users", description = "filter (SCIM filter syntax), startIndex, count, sortBy, sortOrder.")
    @APIResponse(responseCode = "200", description = "A SCIM ListResponse of users")
    public JsonObject search(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("sortBy") String sortBy, @QueryParam("sortOrder") String sortOrder) {
        return users.search(requestInfo.enterpriseId(), ListQuery.of(filter, startIndex, count, sortBy, sortOrder),
                requestInfo.scimBaseUrl());
    }

    @GET
    @Path("unlicensed")
    @Operation(summary = "Users without a license", description = "Active users who need a license and hold none: a "
            + "background change that ran out of licenses left them so.")
    @APIResponse(responseCode = "200", description = "{count}")
    public JsonObject unlicensed() {
        return ScimJson.object().add("count", seats.unlicensedCount(requestInfo.enterpriseId())).build();
    }

    @POST
    @Path("unlicensed/assign")
    @Operation(summary = "Give the users without a license the licenses free now", description = "Oldest users "
            + "first, never beyond the limit; answers how many got one and how many still have none.")
    @APIResponse(responseCode = "200", description = "{assigned, stillWithout}")
    public JsonObject assignLicenses() {
        int assigned = seats.assignFreeLicenses(requestInfo.actor());
        return ScimJson.object().add("assigned", assigned)
                .add("stillWithout", seats.unlicensedCount(requestInfo.enterpriseId())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one user")
    public JsonObject get(@PathParam("id") String id) {
        return users.get(requestInfo.enterpriseId(), id, requestInfo.scimBaseUrl());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a manual user", description = "SCIM User JSON; takes a license when active. Refused "
            + "(403, with the reason) while provisioning is Managed in Connected System: the IdP adds users then.")
    @APIResponse(responseCode = "201", description = "The user")
    @APIResponse(responseCode = "403", description = "forbidden: the license limit is reached, or users are added by "
            + "the identity provider (Managed in Connected System)")
    @APIResponse(responseCode = "409", description = "conflict: userName or externalId taken")
    public Response create(JsonObject body) {
        AdminInput.requireBody(body);
        return Response.status(Response.Status.CREATED)
                .entity(manual.create(requestInfo.actor(), body, requestInfo.scimBaseUrl())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a user (full replace)", description = "Refused (403) for every user, SCIM-sourced or "
            + "manual, while provisioning is Managed in Connected System. If-Match with the user's meta.version is honoured.")
    @APIResponse(responseCode = "200", description = "{user, mayBeOverwrittenByIdp}")
    @APIResponse(responseCode = "403", description = "forbidden: the user is managed by the identity provider")
    public JsonObject edit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonObject body) {
        AdminInput.requireBody(body);
        return toJson(manual.edit(requestInfo.actor(), id, ifMatch, body, requestInfo.scimBaseUrl()));
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate a user", description = "Frees its license; memberships are kept.")
    public JsonObject deactivate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return toJson(manual.setActive(requestInfo.actor(), id, ifMatch, false, requestInfo.scimBaseUrl()));
    }

    @POST
    @Path("{id}/reactivate")
    @Operation(summary = "Reactivate a user", description = "Takes a license (403 at the limit).")
    public JsonObject reactivate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return toJson(manual.setActive(requestInfo.actor(), id, ifMatch, true, requestInfo.scimBaseUrl()));
    }

    private static JsonObject toJson(ManualUserService.ManualEdit edit) {
        return ScimJson.object().add("user", edit.user()).add("mayBeOverwrittenByIdp", edit.mayBeOverwrittenByIdp()).build();
    }
}
