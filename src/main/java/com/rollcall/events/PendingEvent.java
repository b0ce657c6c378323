package com.rollcall.events;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A change event recorded in a transaction, waiting for its position (handed out when the transaction's work is done). */
record PendingEvent(String eventId, long enterpriseId, EventType type, Instant occurredAt, String resourceType,
        String resourceId, String requestId, JsonObject data) {
}
