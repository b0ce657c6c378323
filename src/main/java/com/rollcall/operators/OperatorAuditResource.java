package com.rollcall.operators;

import com.rollcall.audit.AuditEventView;
import com.rollcall.audit.AuditPage;
import com.rollcall.audit.AuditQueryService;
import com.rollcall.platform.rest.JsonPage;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/operator/v1/audit-events}: what the operator did, to every enterprise and to its own tokens. */
@Path("audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator audit", description = "The operator's trail")
public class OperatorAuditResource {
    @Inject
    private AuditQueryService audit;

    @GET
    @Operation(summary = "The operator's audit trail", description = "Newest first. Each event names its enterprise "
            + "(null for the operator's tokens); the same events are in each enterprise's own log.")
    @APIResponse(responseCode = "200", description = "{totalResults, startIndex, itemsPerPage, events: [...]}")
    public JsonObject list(@QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        JsonPage.Paging paging = JsonPage.paging(startIndex, count, 50, 500);
        AuditPage page = audit.operatorTrail(paging.startIndex(), paging.count());
        return JsonPage.of(page.totalResults(), page.startIndex(), "events", page.events(), AuditEventView::toJson);
    }
}
