package com.rollcall.events;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** One attempt to deliver one event to one endpoint: outcome ({@code DELIVERED} or {@code FAILED}), code, latency. */
public record WebhookDeliveryView(long id, long endpointId, String eventId, String eventType, long position, int attempt,
        String outcome, Integer responseCode, long latencyMillis, String error, Instant attemptedAt, boolean resend)
        implements java.io.Serializable {

    public boolean delivered() {
        return "DELIVERED".equals(outcome);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = ScimJson.object().add("id", id).add("endpointId", endpointId).add("eventId", eventId)
                .add("eventType", eventType).add("position", position).add("attempt", attempt).add("outcome", outcome)
                .add("latencyMillis", latencyMillis).add("attemptedAt", attemptedAt.toString()).add("resend", resend);
        if (responseCode == null) {
            json.addNull("responseCode");
        } else {
            json.add("responseCode", responseCode);
        }
        WebhookEndpointView.nullable(json, "error", error);
        return json.build();
    }
}
