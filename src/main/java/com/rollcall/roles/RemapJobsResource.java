package com.rollcall.roles;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/remap-jobs}: progress of background effective-role recomputations. */
@Path("remap-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
public class RemapJobsResource {
    @Inject
    private RemapJobService jobs;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "List remap jobs", description = "?group={scim id}: that group's jobs, newest first; "
            + "without it, the jobs not finished yet.")
    public JsonObject list(@QueryParam("group") String group) {
        long enterpriseId = requestInfo.enterpriseId();
        JsonArrayBuilder items = ScimJson.array();
        (group == null || group.isBlank() ? jobs.unfinished(enterpriseId) : jobs.recent(enterpriseId, group))
                .forEach(job -> items.add(json(job)));
        return ScimJson.object().add("jobs", items).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One remap job, with its progress")
    public JsonObject get(@PathParam("id") String id) {
        long jobId = AdminInput.id(id, "remap job");
        return json(jobs.find(requestInfo.enterpriseId(), jobId)
                .orElseThrow(() -> ScimException.notFound("No remap job " + jobId + ".")));
    }

    static JsonObject json(RemapJobView job) {
        JsonObjectBuilder json = ScimJson.object().add("id", job.id()).add("status", job.status())
                .add("reason", job.reason()).add("processed", job.processed()).add("total", job.total())
                .add("percent", job.percent()).add("changed", job.changed()).add("unlicensed", job.unlicensed())
                .add("createdAt", job.createdAt().toString());
        optional(json, "groupId", job.groupScimId());
        optional(json, "groupName", job.groupName());
        optional(json, "finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        optional(json, "message", job.message());
        return json.build();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
