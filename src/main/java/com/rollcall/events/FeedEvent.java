package com.rollcall.events;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * One event of the feed as consumers see it (the pull API's items and a webhook delivery's body): its id (for
 * de-duplication), type, enterprise, position in the enterprise's feed, when it happened, the resource, the
 * request that caused it, and its data.
 */
public record FeedEvent(String id, long enterpriseId, long position, String type, Instant occurredAt, String resourceType,
        String resourceId, String requestId, JsonObject data) {

    public JsonObject toJson() {
        JsonObjectBuilder json = ScimJson.object().add("id", id).add("type", type).add("enterpriseId", enterpriseId)
                .add("position", position).add("occurredAt", occurredAt.toString());
        JsonObjectBuilder resource = ScimJson.object();
        nullable(resource, "type", resourceType);
        nullable(resource, "id", resourceId);
        json.add("resource", resource);
        nullable(json, "requestId", requestId);
        return json.add("data", data).build();
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
