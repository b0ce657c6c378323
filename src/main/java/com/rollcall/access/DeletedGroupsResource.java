package com.rollcall.access;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.JsonPage;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/v1/deleted-groups}: groups the identity provider deleted and the mappings kept from them —
 * list, read (with the live groups to restore onto), restore onto a live group, discard.
 */
@Path("deleted-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
public class DeletedGroupsResource {
    @Inject
    private DeletedGroupService service;

    @Inject
    private RequestInfo requestInfo;

    @Inject
    private RemapQueue jobs;

    @GET
    @Operation(summary = "List groups deleted by the identity provider that keep mappings",
            description = "?startIndex=1&count=50 (at most 200): the most recently deleted first, each with its kept "
                    + "(inactive) mappings. A group whose mappings were restored or discarded is no longer listed.")
    public JsonObject list(@QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        JsonPage.Paging paging = JsonPage.paging(startIndex, count, 50, 200);
        DeletedGroupService.Page page = service.deletedGroups(requestInfo.enterpriseId(), paging.offset(), paging.count());
        return JsonPage.of(page.total(), paging.startIndex(), "groups", page.groups(), DeletedGroupView::toJson);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A group deleted by the identity provider",
            description = "Its kept mappings, and suggestedTargets: the live groups to restore them onto first (match "
                    + "EXTERNAL_ID: the group the IdP created with the same externalId; DISPLAY_NAME: the same name).")
    public JsonObject get(@PathParam("id") String id) {
        long enterpriseId = requestInfo.enterpriseId();
        DeletedGroupView group = service.deletedGroup(enterpriseId, id).orElseThrow(() -> ScimException.notFound(
                "There is no group deleted by the identity provider with id '" + id + "' in this enterprise."));
        JsonArrayBuilder targets = ScimJson.array();
        service.suggestedTargets(enterpriseId, id).forEach(t -> targets.add(t.toJson()));
        return ScimJson.object(group.toJson()).add("suggestedTargets", targets).build();
    }

    @POST
    @Path("{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore the kept mappings onto a live group",
            description = "{\"targetGroupId\": \"<SCIM id of a live group>\"}: the kept mappings become active mappings "
                    + "of that group (those it already has are skipped, and listed as skipped); its members' effective "
                    + "roles are recomputed at once, or by the remapJob for a large group. 403 when users would need "
                    + "licenses beyond the limit; 409 when nothing is kept any more.")
    public JsonObject restore(@PathParam("id") String id, JsonObject body) {
        AdminInput.requireBody(body);
        String target = AdminInput.requireString(body, "targetGroupId", 300);
        RestoreOutcome outcome = service.restore(requestInfo.actor(), id, target);
        JsonObjectBuilder json = ScimJson.object().add("targetGroupId", outcome.targetScimId())
                .add("targetDisplayName", outcome.targetDisplayName()).add("restored", array(outcome.restored()))
                .add("skipped", array(outcome.skipped())).add("usersChanged", outcome.usersChanged());
        if (outcome.remapJobId() == null) {
            json.addNull("remapJob");
        } else {
            json.add("remapJob", jobs.find(requestInfo.enterpriseId(), outcome.remapJobId()).orElseThrow().toJson());
        }
        return json.build();
    }

    @DELETE
    @Path("{id}/mappings")
    @Operation(summary = "Discard the kept mappings for good",
            description = "They gave no role, so no user's access changes. Answers the discarded mappings; 409 when "
                    + "nothing is kept any more.")
    public JsonObject discard(@PathParam("id") String id) {
        return ScimJson.object().add("discarded", array(service.discard(requestInfo.actor(), id))).build();
    }

    private static JsonArrayBuilder array(List<KeptMappingView> mappings) {
        JsonArrayBuilder array = ScimJson.array();
        mappings.forEach(m -> array.add(m.toJson()));
        return array;
    }
}
