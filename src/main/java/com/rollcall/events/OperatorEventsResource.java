package com.rollcall.events;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/operator/v1/events}: the change feed of every enterprise for the operator. With {@code enterprise=} and a
 * position cursor it is exactly that enterprise's feed; without, every enterprise's events in the order they were
 * written, by a row cursor.
 */
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change feed")
public class OperatorEventsResource {
    @Inject
    private EventFeedService feed;

    @Inject
    private LongPoll longPoll;

    @GET
    @Operation(summary = "The change feed across enterprises", description = "'enterprise': one enterprise's feed, "
            + "'after' a position of it (410 when older than retention). Without 'enterprise': every enterprise's events "
            + "in the order written, 'after' an opaque cursor from an earlier answer, each event shown once it is 2 "
            + "seconds old; ordered strictly by position within each enterprise. 'limit' 1–1000 (default 100), 'wait' "
            + "0–30 seconds.")
    public JsonObject list(@QueryParam("enterprise") String enterprise, @QueryParam("after") String after,
            @QueryParam("limit") String limit, @QueryParam("wait") String wait) {
        Long cursor = LongPoll.cursor(after);
        int size = AdminInput.integer(limit, "limit", 100, 1, 1000);
        int seconds = AdminInput.integer(wait, "wait", 0, 0, LongPoll.MAX_WAIT_SECONDS);
        if (enterprise != null && !enterprise.isBlank()) {
            long enterpriseId = AdminInput.operatorId(enterprise, "enterprise");
            return longPoll.read(LongPoll.OPERATOR, seconds, () -> feed.after(enterpriseId, cursor, size)).toJson();
        }
        return longPoll.read(LongPoll.OPERATOR, seconds, () -> feed.acrossEnterprises(cursor, null, size)).toJson();
    }

    @GET
    @Path("cursor")
    @Operation(summary = "The cross-enterprise feed's current cursor")
    public JsonObject cursor() {
        return ScimJson.object().add("cursor", Long.toString(feed.operatorCursor())).build();
    }
}
