package com.rollcall.audit;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.JsonFields;
import com.rollcall.platform.rest.JsonPage;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/audit-events}: the enterprise's audit log, filtered and paged, newest first. */
@Path("audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log", description = "Who changed what, when, from where")
public class AuditResource {
    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 500;
    private static final int MAX_TEXT = 300;

    @Inject
    private AuditQueryService audit;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "Query the audit log", description = "Newest first. All filters are optional and combine with AND. "
            + "before/after are the recorded JSON states.")
    @APIResponse(responseCode = "200", description = "{totalResults, startIndex, itemsPerPage, events: [...]}")
    @APIResponse(responseCode = "400", description = "invalid_request: a malformed time, actor type or paging value")
    public JsonObject query(
            @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to,
            @Parameter(description = "API_CLIENT, CONSOLE_USER, SYSTEM or OPERATOR") @QueryParam("actorType") String actorType,
            @QueryParam("actorId") String actorId,
            @Parameter(description = "e.g. USER_CREATED, API_CLIENT_REVOKED") @QueryParam("action") String action,
            @Parameter(description = "e.g. User, Group, ApiClient") @QueryParam("resourceType") String resourceType,
            @QueryParam("resourceId") String resourceId,
            @Parameter(description = "a user's SCIM id: the user's own events and the membership changes that added or "
                    + "removed them") @QueryParam("userId") String userId,
            @Parameter(description = "1-based, default 1") @QueryParam("startIndex") String startIndex,
            @Parameter(description = "page size, default 50, at most 500 (larger values are capped)") @QueryParam("count") String count) {
        Instant fromTime = AdminInput.instant(from, "from");
        Instant toTime = AdminInput.instant(to, "to");
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw ScimException.invalidValue("'from' must not be after 'to'.");
        }
        AuditQuery query = new AuditQuery(fromTime, toTime, actorType(actorType), text(actorId, "actorId"),
                text(action, "action"), text(resourceType, "resourceType"), text(resourceId, "resourceId"),
                text(userId, "userId"), AdminInput.integer(startIndex, "startIndex", 1, 1, Integer.MAX_VALUE),
                Math.min(AdminInput.integer(count, "count", DEFAULT_COUNT, 0, Integer.MAX_VALUE), MAX_COUNT));
        AuditPage page = audit.query(requestInfo.enterpriseId(), query);
        return JsonPage.of(page.totalResults(), page.startIndex(), "events", page.events(), AuditEventView::toJson);
    }

    private static Actor.ActorType actorType(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Actor.ActorType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue("'actorType' must be API_CLIENT, CONSOLE_USER, SYSTEM or OPERATOR.");
        }
    }

    private static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ScimException.invalidValue("'" + name + "' is longer than " + MAX_TEXT + " characters.");
        }
        return value.strip();
    }



    @GET
    @Path("{id}/users")
    @Operation(summary = "The users an event names", description = "For a membership change: the users it added "
            + "(JOINED) and removed (LEFT), by id and userName — the first 1,000 of each change; the event's after-state "
            + "has the exact counts.")
    @APIResponse(responseCode = "200", description = "{totalResults, startIndex, itemsPerPage, users: [{id, userName, "
            + "relation}]}")
    public JsonObject users(@PathParam("id") String id, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        JsonPage.Paging paging = JsonPage.paging(startIndex, count, 100, 1_000);
        AuditSubjectPage page = audit.subjects(requestInfo.enterpriseId(), AdminInput.id(id, "audit event"),
                paging.startIndex(), paging.count());
        return JsonPage.of(page.totalResults(), page.startIndex(), "users", page.subjects(), s -> {
            var json = ScimJson.object().add("id", s.id());
            JsonFields.addOrNull(json, "userName", s.name());
            JsonFields.addOrNull(json, "relation", s.relation());
            return json.build();
        });
    }
}
