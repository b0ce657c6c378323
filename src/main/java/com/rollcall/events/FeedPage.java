package com.rollcall.events;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A page of the feed: its events in order, the cursor to ask after next time (the last event's position, or the
 * one asked after when nothing came), and whether more are already waiting.
 */
public record FeedPage(List<FeedEvent> events, String cursor, boolean hasMore) {
    public JsonObject toJson() {
        JsonArrayBuilder items = ScimJson.array();
        events.forEach(e -> items.add(e.toJson()));
        return ScimJson.object().add("events", items).add("cursor", cursor).add("hasMore", hasMore).build();
    }
}
