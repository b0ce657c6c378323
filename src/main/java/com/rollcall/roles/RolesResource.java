package com.rollcall.roles;

import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/roles}: built-in and custom roles with permissions and power scores. */
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles", description = "Roles, the role-priority matrix, sub-accounts and group mappings")
public class RolesResource {
    @Inject
    private AccessService access;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "List roles", description = "Built-in and custom roles with scope, flags, permissions and "
            + "power score; 'matrix' describes the role-priority formula and weights.")
    public JsonObject list() {
        JsonArrayBuilder roles = ScimJson.array();
        for (RoleDefinition role : access.roles(requestInfo.enterpriseId())) {
            JsonArrayBuilder permissions = ScimJson.array();
            role.permissions().forEach(p -> permissions.add(p.name()));
            roles.add(ScimJson.object(AccessService.roleJson(role)).add("builtIn", role.builtIn())
                    .add("groupManager", role.groupManager()).add("fullAccess", role.fullAccess())
                    .add("consumesLicense", role.consumesLicense()).add("permissions", permissions)
                    .add("scoreBreakdown", RolePriorityMatrix.breakdown(role)));
        }
        return ScimJson.object().add("roles", roles).add("matrix", RolePriorityMatrix.describe()).build();
    }
}
