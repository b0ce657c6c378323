package com.rollcall.operators;

import com.rollcall.audit.AuditPage;
import com.rollcall.audit.AuditQueryService;
import com.rollcall.platform.rest.AdminInput;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
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
        AuditPage page = audit.operatorTrail(AdminInput.integer(startIndex, "startIndex", 1, 1, Integer.MAX_VALUE),
                Math.min(AdminInput.integer(count, "count", 50, 0, Integer.MAX_VALUE), 500));
        JsonArrayBuilder events = ScimJson.array();
        page.events().forEach(e -> events.add(e.toJson()));
        return ScimJson.object().add("totalResults", page.totalResults()).add("startIndex", page.startIndex())
                .add("itemsPerPage", page.events().size()).add("events", events).build();
    }
}
