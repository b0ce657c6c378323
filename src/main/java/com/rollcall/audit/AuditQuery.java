package com.rollcall.audit;

import com.rollcall.platform.security.Actor;
import java.time.Instant;

/** Criteria of an audit log query; null means "any". startIndex is 1-based. */
public record AuditQuery(Instant from, Instant to, Actor.ActorType actorType, String actorId, String action,
        String resourceType, String resourceId, int startIndex, int count) {
}
