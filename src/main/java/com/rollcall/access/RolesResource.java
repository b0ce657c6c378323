package com.rollcall.access;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.roles.Permission;
import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.roles.RoleScope;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/roles}: built-in and custom roles with permissions and power scores. */
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles", description = "Roles, the role-priority matrix, sub-accounts and group mappings")
public class RolesResource {
    @Inject
    private RoleService access;

    @Inject
    private RoleService service;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "List roles", description = "Built-in and custom roles with scope, flags, permissions and "
            + "power score; 'matrix' describes the role-priority formula and weights.")
    public JsonObject list() {
        JsonArrayBuilder roles = ScimJson.array();
        access.roles(requestInfo.enterpriseId()).forEach(role -> roles.add(RoleService.json(role)));
        return ScimJson.object().add("roles", roles).add("matrix", RolePriorityMatrix.describe()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a custom role", description = "{\"name\", \"scope\": \"ENTERPRISE\"|\"SUB_ACCOUNT\", "
            + "\"permissions\": [...], \"groupManager\", \"fullAccess\"} (flags for enterprise roles only).")
    @APIResponse(responseCode = "201", description = "The role with its score")
    public Response create(JsonObject body) {
        return Response.status(Response.Status.CREATED)
                .entity(RoleService.json(service.create(requestInfo.actor(), input(body)))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a custom role", description = "Built-in roles are read-only (403).")
    public JsonObject edit(@PathParam("id") String id, JsonObject body) {
        return RoleService.json(service.edit(requestInfo.actor(), AdminInput.id(id, "role"), input(body)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a custom role", description = "Refused (409) while a group mapping uses it; the "
            + "message names the groups.")
    public Response delete(@PathParam("id") String id) {
        service.delete(requestInfo.actor(), AdminInput.id(id, "role"));
        return Response.noContent().build();
    }

    private static RoleService.RoleInput input(JsonObject body) {
        AdminInput.requireBody(body);
        String name = AdminInput.requireString(body, "name", 200);
        RoleScope scope = AdminInput.enumValue(body, "scope", RoleScope.class);
        if (scope == null) {
            throw ScimException.invalidValue("'scope' is required: ENTERPRISE or SUB_ACCOUNT.");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        JsonValue list = body.get("permissions");
        if (!(list instanceof JsonArray array)) {
            throw ScimException.invalidValue("'permissions' must be an array of permission codes.");
        }
        for (JsonValue item : array) {
            try {
                permissions.add(Permission.valueOf(((JsonString) item).getString().trim().toUpperCase(Locale.ROOT)));
            } catch (ClassCastException | IllegalArgumentException e) {
                throw ScimException.invalidValue("Unknown permission " + AdminInput.abbreviate(String.valueOf(item)) + ".");
            }
        }
        return new RoleService.RoleInput(name, scope, permissions, AdminInput.flag(body, "groupManager"),
                AdminInput.flag(body, "fullAccess"));
    }
}
