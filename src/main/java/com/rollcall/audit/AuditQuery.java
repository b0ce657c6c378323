package com.rollcall.audit;

import com.rollcall.platform.security.Actor;
import java.time.Instant;

/**
 * Criteria of an audit log query; null means "any". startIndex is 1-based. {@code userId} (a user's SCIM id) keeps
 * the events about that user: the user's own, and the membership changes that added or removed them.
 */
public record AuditQuery(Instant from, Instant to, Actor.ActorType actorType, String actorId, String action,
        String resourceType, String resourceId, String userId, int startIndex, int count) implements java.io.Serializable {
}
