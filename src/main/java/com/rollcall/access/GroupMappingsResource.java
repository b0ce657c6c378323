package com.rollcall.access;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.JsonFields;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/groups/{id}/mappings}: what a group means inside the platform. */
@Path("groups/{groupId}/mappings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
public class GroupMappingsResource {
    @Inject
    private MappingService access;

    @Inject
    private RequestInfo requestInfo;

    @Inject
    private RemapQueue jobs;

    @GET
    @Operation(summary = "List a group's mappings")
    public JsonObject list(@PathParam("groupId") String groupId) {
        JsonArrayBuilder mappings = ScimJson.array();
        access.mappings(requestInfo.enterpriseId(), groupId).forEach(m -> mappings.add(m.toJson()));
        return ScimJson.object().add("mappings", mappings).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Map the group to a role", description = "{\"roleId\": 5, \"subAccountId\": 3} — omit (or null) "
            + "subAccountId for the enterprise level (enterprise roles); sub-account roles need a sub-account.")
    public Response add(@PathParam("groupId") String groupId, JsonObject body) {
        AdminInput.requireBody(body);
        long roleId = AdminInput.requireNumber(body, "roleId");
        Long subAccountId = body.containsKey("subAccountId") && body.get("subAccountId").getValueType() != JsonValue.ValueType.NULL
                ? AdminInput.requireNumber(body, "subAccountId") : null;
        MappingChange change = access.addMapping(requestInfo.actor(), groupId, subAccountId, roleId);
        return Response.status(Response.Status.CREATED).entity(changeJson(requestInfo.enterpriseId(), change)).build();
    }

    @DELETE
    @Path("{mappingId}")
    @Operation(summary = "Remove a mapping", description = "Answers like adding one: usersChanged, or the remap job.")
    public JsonObject remove(@PathParam("groupId") String groupId, @PathParam("mappingId") String mappingId) {
        MappingChange change = access.removeMapping(requestInfo.actor(), groupId, AdminInput.id(mappingId, "mapping"));
        return changeJson(requestInfo.enterpriseId(), change);
    }

    @GET
    @Path("preview")
    @Operation(summary = "Preview a mapping change", description = "?roleId=5&subAccountId=3&change=add|remove: which "
            + "members' effective roles would change where (the first 50 named), the licenses it would take and free, "
            + "the licenses free now and any shortfall (a change short of licenses is refused), and whether it would run "
            + "in the background.")
    public JsonObject preview(@PathParam("groupId") String groupId, @QueryParam("roleId") String roleId,
            @QueryParam("subAccountId") String subAccountId, @QueryParam("change") @DefaultValue("add") String change) {
        if (!"add".equals(change) && !"remove".equals(change)) {
            throw ScimException.invalidValue("change must be 'add' or 'remove'.");
        }
        MappingPreview preview = access.previewMappingChange(requestInfo.enterpriseId(), groupId,
                subAccountId == null || subAccountId.isBlank() ? null : AdminInput.id(subAccountId, "sub-account"),
                AdminInput.id(roleId == null ? "" : roleId, "role"), "add".equals(change));
        var changes = ScimJson.array();
        for (MappingPreview.RoleChange c : preview.changes()) {
            JsonObjectBuilder item = ScimJson.object().add("where", c.where());
            JsonFields.addOrNull(item, "userId", c.userId());
            JsonFields.addOrNull(item, "userName", c.userName());
            JsonFields.addOrNull(item, "before", c.before());
            JsonFields.addOrNull(item, "after", c.after());
            changes.add(item);
        }
        return ScimJson.object().add("groupMembers", preview.groupMembers())
                .add("usersWhoseRoleChanges", preview.usersWhoseRoleChanges()).add("exact", preview.exact())
                .add("runsInBackground", preview.runsInBackground()).add("changes", changes)
                .add("licensesTaken", preview.seatsTaken()).add("licensesFreed", preview.seatsFreed())
                .add("licensesFree", preview.seatsFree()).add("licenseShortfall", preview.licenseShortfall()).build();
    }

    private JsonObject changeJson(long enterpriseId, MappingChange change) {
        JsonObjectBuilder json = ScimJson.object().add("id", change.mappingId()).add("usersChanged", change.usersChanged());
        if (change.remapJobId() == null) {
            json.addNull("remapJob");
        } else {
            json.add("remapJob", jobs.find(enterpriseId, change.remapJobId()).orElseThrow().toJson());
        }
        return json.build();
    }
}
