package com.rollcall.events;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint as admins see it (never its secret, only the secret's last characters): where it points, which
 * event types it receives (empty: all), whether it is active or why it was disabled, and how far delivery got.
 */
public record WebhookEndpointView(long id, String url, List<String> eventTypes, String description, String status,
        String disabledReason, long cursor, int attempts, Instant failingSince, Instant nextAttemptAt, String secretHint,
        Instant createdAt, String createdBy) implements java.io.Serializable {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = ScimJson.object().add("id", id).add("url", url)
                .add("eventTypes", ScimJson.array(eventTypes)).add("status", status).add("cursor", Long.toString(cursor))
                .add("failedAttempts", attempts).add("secretHint", secretHint).add("createdAt", createdAt.toString());
        nullable(json, "description", description);
        nullable(json, "disabledReason", disabledReason);
        nullable(json, "failingSince", failingSince == null ? null : failingSince.toString());
        nullable(json, "nextAttemptAt", nextAttemptAt == null ? null : nextAttemptAt.toString());
        nullable(json, "createdBy", createdBy);
        return json.build();
    }

    static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
