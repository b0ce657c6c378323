package com.rollcall.operators;

import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.licensing.LicenseRequest;
import com.rollcall.licensing.LicenseRequestPage;
import com.rollcall.licensing.LicenseRequestService;
import com.rollcall.licensing.LicenseRequestView;
import com.rollcall.licensing.LicenseService;
import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.JsonPage;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/operator/v1/license-requests}: the enterprises' requests for more licenses, granted or declined. */
@Path("license-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "License requests", description = "Enterprises asking for more licenses")
public class OperatorLicenseRequestsResource {
    @Inject
    private LicenseRequestService requests;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "List license requests", description = "Oldest first; status OPEN (the default), GRANTED, "
            + "DECLINED or ALL.")
    @APIResponse(responseCode = "200", description = "{totalResults, startIndex, itemsPerPage, requests: [...]}")
    public JsonObject list(@Parameter(description = "OPEN (default), GRANTED, DECLINED or ALL") @QueryParam("status") String status,
            @QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        JsonPage.Paging paging = JsonPage.paging(startIndex, count, 50, 200);
        LicenseRequestPage page = requests.page(status(status), paging.offset(), paging.count());
        Map<Long, String> names = enterprises.names(page.requests().stream().map(LicenseRequestView::enterpriseId).toList());
        return JsonPage.of(page.totalResults(), paging.startIndex(), "requests", page.requests(),
                r -> ScimJson.object(r.toJson()).add("enterpriseName", names.getOrDefault(r.enterpriseId(), "")).build());
    }

    @POST
    @Path("{id}/grant")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant a license request", description = "Raises the enterprise's limit to licenseLimit, or by "
            + "the seats asked for when it is not given. The enterprise's dashboard shows the outcome.")
    @RequestBody(description = "{} or {\"licenseLimit\": 1000}")
    @APIResponse(responseCode = "200", description = "The request, GRANTED")
    @APIResponse(responseCode = "409", description = "conflict: already decided")
    public JsonObject grant(@PathParam("id") String id, JsonObject body) {
        Integer limit = body == null ? null : AdminInput.optionalInt(body, "licenseLimit", 1, LicenseService.MAX_LIMIT);
        return requests.grant(requestInfo.actor(), AdminInput.operatorId(id, "license request"), limit).toJson();
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline a license request", description = "The reason is shown to the enterprise.")
    @RequestBody(description = "{\"reason\": \"Please renew the contract first.\"}")
    @APIResponse(responseCode = "200", description = "The request, DECLINED")
    @APIResponse(responseCode = "409", description = "conflict: already decided")
    public JsonObject decline(@PathParam("id") String id, JsonObject body) {
        AdminInput.requireBody(body);
        String reason = AdminInput.requireString(body, "reason", LicenseRequestService.MAX_NOTE_LENGTH);
        return requests.decline(requestInfo.actor(), AdminInput.operatorId(id, "license request"), reason).toJson();
    }

    private static LicenseRequest.Status status(String text) {
        if (text == null || text.isBlank()) {
            return LicenseRequest.Status.OPEN;
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (value.equals("ALL")) {
            return null;
        }
        try {
            return LicenseRequest.Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue("'status' must be OPEN, GRANTED, DECLINED or ALL.");
        }
    }
}
