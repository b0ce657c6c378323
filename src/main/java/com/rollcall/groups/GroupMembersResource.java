package com.rollcall.groups;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/groups/{id}/members}: membership changed by hand, under PRODUCT.md rule 6. */
@Path("groups/{groupId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "Manual group membership")
public class GroupMembersResource {
    @Inject
    private ManualGroupService manual;

    @Inject
    private RequestInfo requestInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a user to a group", description = "{\"userId\": \"<SCIM id>\"}. Refused (403) for "
            + "SCIM-sourced users while provisioning is Managed in Connected System.")
    @APIResponse(responseCode = "200", description = "{changed: true|false}")
    @APIResponse(responseCode = "403", description = "forbidden: the IdP manages this user's memberships")
    public JsonObject add(@PathParam("groupId") String groupId, JsonObject body) {
        AdminInput.requireBody(body);
        String userId = AdminInput.requireString(body, "userId", 36);
        return changed(manual.addMember(requestInfo.actor(), groupId, userId));
    }

    @DELETE
    @Path("{userId}")
    @Operation(summary = "Remove a user from a group", description = "Same rule as adding.")
    @APIResponse(responseCode = "200", description = "{changed: true|false}")
    public JsonObject remove(@PathParam("groupId") String groupId, @PathParam("userId") String userId) {
        return changed(manual.removeMember(requestInfo.actor(), groupId, userId));
    }

    private static JsonObject changed(boolean changed) {
        return ScimJson.object().add("changed", changed).build();
    }
}
