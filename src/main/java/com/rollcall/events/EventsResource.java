package com.rollcall.events;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/v1/events}: the enterprise's change feed, in order, paged by cursor, with an optional long poll.
 * Open to tokens with the {@code admin} or the {@code events} scope.
 */
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change feed")
public class EventsResource {
    @Inject
    private EventFeedService feed;

    @Inject
    private LongPoll longPoll;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "The change feed", description = "Events after the cursor 'after' (omit it to start from the "
            + "oldest kept event), in position order, at most 'limit' (1–1000, default 100). 'wait' (0–30 seconds): when "
            + "nothing is there yet, wait up to that long for the next event. Answers {events, cursor, hasMore}; ask "
            + "again with after=cursor. A cursor older than the retention period is 410: resync from an export.")
    public JsonObject list(@QueryParam("after") String after, @QueryParam("limit") String limit,
            @QueryParam("wait") String wait) {
        long enterpriseId = requestInfo.enterpriseId();
        Long cursor = LongPoll.cursor(after);
        int size = AdminInput.integer(limit, "limit", 100, 1, 1000);
        int seconds = AdminInput.integer(wait, "wait", 0, 0, LongPoll.MAX_WAIT_SECONDS);
        return longPoll.read(enterpriseId, seconds, () -> feed.after(enterpriseId, cursor, size)).toJson();
    }

    @GET
    @Path("cursor")
    @Operation(summary = "The feed's current cursor", description = "The last position so far: to resync, read it, take "
            + "an export, then read the feed after it.")
    public JsonObject cursor() {
        return ScimJson.object().add("cursor", Long.toString(feed.cursor(requestInfo.enterpriseId()))).build();
    }

    @GET
    @Path("types")
    @Operation(summary = "The event catalogue")
    public JsonObject types() {
        JsonArrayBuilder types = ScimJson.array();
        for (EventType type : EventType.values()) {
            types.add(ScimJson.object().add("type", type.wireName()).add("description", type.description()));
        }
        return ScimJson.object().add("types", types).build();
    }
}
