package com.rollcall.licensing;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/license}: seats used and allowed, and the requests refused at the limit (rule 5). */
@Path("license")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licenses", description = "License usage and refusals")
public class LicenseResource {
    @Inject
    private LicenseService licenses;

    @Inject
    private RequestInfo requestInfo;

    @Inject
    private LicenseRequestService requests;

    @GET
    @Operation(summary = "License usage", description = "Seats used and allowed (the limit is set by the operator), "
            + "and the provisioning requests refused at the limit (count and time of the last).")
    @APIResponse(responseCode = "200", description = "{used, limit, limitReached, refusedRequests, lastRefusedAt}")
    public JsonObject license() {
        LicenseUsage usage = licenses.usage(requestInfo.enterpriseId());
        var json = ScimJson.object().add("used", usage.used()).add("limit", usage.limit())
                .add("limitReached", usage.limitReached()).add("refusedRequests", usage.refused());
        if (usage.lastRefusedAt() != null) {
            json.add("lastRefusedAt", usage.lastRefusedAt().toString());
        }
        return json.build();
    }

    @GET
    @Path("requests")
    @Operation(summary = "The enterprise's license requests", description = "Newest first, with the operator's answer.")
    @APIResponse(responseCode = "200", description = "{totalResults, requests: [...]}")
    public JsonObject requests() {
        var all = requests.ofEnterprise(requestInfo.enterpriseId(), 100);
        var items = ScimJson.array();
        all.forEach(r -> items.add(r.toJson()));
        return ScimJson.object().add("totalResults", all.size()).add("requests", items).build();
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the operator for more licenses", description = "One open request at a time (409 while one "
            + "is open). The operator grants it (the limit rises) or declines it with a reason.")
    @RequestBody(description = "{\"seats\": 100, \"note\": \"Hiring for the new office\"}")
    @APIResponse(responseCode = "201", description = "The request, OPEN")
    @APIResponse(responseCode = "409", description = "conflict: a request is already open")
    public Response request(JsonObject body) {
        AdminInput.requireBody(body);
        int seats = AdminInput.requireInt(body, "seats", 1, LicenseService.MAX_LIMIT);
        String note = AdminInput.optionalString(body, "note", LicenseRequestService.MAX_NOTE_LENGTH);
        LicenseRequestView view = requests.request(requestInfo.actor(), seats, note);
        return Response.status(Response.Status.CREATED).entity(view.toJson()).build();
    }
}
