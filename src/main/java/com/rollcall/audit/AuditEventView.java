package com.rollcall.audit;

import com.rollcall.platform.security.Actor;
import java.time.Instant;

/** An audit event as the admin API shows it; before/after are the stored JSON texts. */
public record AuditEventView(long id, Instant occurredAt, Actor.ActorType actorType, String actorId, String actorName,
        String action, String resourceType, String resourceId, String resourceName, String before, String after,
        String callerAddress, String requestId) {
    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id(), e.occurredAt(), e.actorType(), e.actorId(), e.actorName(), e.action(),
                e.resourceType(), e.resourceId(), e.resourceName(), e.beforeState(), e.afterState(), e.callerAddress(),
                e.requestId());
    }
}
