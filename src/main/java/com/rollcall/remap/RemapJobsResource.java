package com.rollcall.remap;

import com.rollcall.access.RemapJobView;
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
                .forEach(job -> items.add(job.toJson()));
        return ScimJson.object().add("jobs", items).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One remap job, with its progress")
    public JsonObject get(@PathParam("id") String id) {
        long jobId = AdminInput.id(id, "remap job");
        return jobs.find(requestInfo.enterpriseId(), jobId)
                .orElseThrow(() -> ScimException.notFound("No remap job " + jobId + ".")).toJson();
    }
}
