package com.rollcall.audit;

import com.rollcall.platform.rest.JsonFields;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/**
 * An audit event as the admin API shows it; before/after are the stored JSON texts. {@code callerAddress} is the
 * client's address, {@code proxyAddress} the trusted proxy it came through (null when it came directly). {@code enterpriseId} is null for
 * the operator's own actions (its tokens).
 */
public record AuditEventView(long id, Long enterpriseId, Instant occurredAt, Actor.ActorType actorType, String actorId, String actorName,
        String action, String resourceType, String resourceId, String resourceName, String before, String after,
        String callerAddress, String proxyAddress, String requestId) implements java.io.Serializable {
    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id(), e.enterpriseId(), e.occurredAt(), e.actorType(), e.actorId(), e.actorName(), e.action(),
                e.resourceType(), e.resourceId(), e.resourceName(), e.beforeState(), e.afterState(), e.callerAddress(),
                e.proxyAddress(), e.requestId());
    }

    /** The admin and operator APIs' form of the event. */
    public JsonObject toJson() {
        AuditEventView e = this;
        JsonObjectBuilder actor = ScimJson.object().add("type", e.actorType().name());
        JsonFields.addOrNull(actor, "id", e.actorId());
        JsonFields.addOrNull(actor, "name", e.actorName());
        JsonObjectBuilder resource = ScimJson.object().add("type", e.resourceType());
        JsonFields.addOrNull(resource, "id", e.resourceId());
        JsonFields.addOrNull(resource, "name", e.resourceName());
        JsonObjectBuilder json = ScimJson.object()
                .add("id", Long.toString(e.id()))
                .add("enterpriseId", e.enterpriseId() == null ? JsonValue.NULL : ScimJson.PROVIDER.createValue(Long.toString(e.enterpriseId())))
                .add("occurredAt", e.occurredAt().toString())
                .add("actor", actor)
                .add("action", e.action())
                .add("resource", resource)
                .add("before", state(e.before()))
                .add("after", state(e.after()));
        JsonFields.addOrNull(json, "callerAddress", e.callerAddress());
        JsonFields.addOrNull(json, "proxyAddress", e.proxyAddress());
        JsonFields.addOrNull(json, "requestId", e.requestId());
        return json.build();
    }

    /** A recorded state as JSON; a text that is not JSON (never written by Rollcall) is kept as a string. */
    private static JsonValue state(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        try (var reader = ScimJson.PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException notJson) {
            return ScimJson.PROVIDER.createValue(text);
        }
    }
}
