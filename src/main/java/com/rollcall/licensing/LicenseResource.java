package com.rollcall.licensing;

import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
}
