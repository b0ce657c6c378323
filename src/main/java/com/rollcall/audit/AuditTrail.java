package com.rollcall.audit;

import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/**
 * Records audit events inside the caller's transaction (MANDATORY): the event commits with the change
 * it describes, or not at all. Every write of every use case records one, so it is one INSERT on the
 * transaction's connection (no entity to register, flush and fetch a generated key for) from a CDI bean
 * (no EJB container call). {@link AuditEvent} maps the same table for reading.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {
    @Inject
    private AuditRepository events;

    /** How many users one event names as its subjects (a membership change of more names the first ones). */
    public static final int MAX_SUBJECTS = 1_000;

    public void record(Actor actor, String action, String resourceType, String resourceId, String resourceName,
            JsonObject before, JsonObject after) {
        record(actor, action, resourceType, resourceId, resourceName, before, after, List.of());
    }

    /**
     * Records an event that also concerns these users (the members a group change added or removed, the first
     * {@link #MAX_SUBJECTS}): the audit log filtered by one of them finds it, and the event lists them. States are
     * bounded ({@link AuditStates}).
     */
    public void record(Actor actor, String action, String resourceType, String resourceId, String resourceName,
            JsonObject before, JsonObject after, Collection<AuditSubject> subjects) {
        Long enterpriseId = actor.enterpriseId() == Actor.NO_ENTERPRISE ? null : actor.enterpriseId();
        if (subjects.isEmpty() || enterpriseId == null) {
            events.insert(enterpriseId, Clock.now(), actor.type().name(), actor.id(), actor.name(), actor.address(),
                    actor.proxyAddress(), actor.requestId(), action, resourceType, resourceId, resourceName, AuditStates.bounded(before),
                    AuditStates.bounded(after));
            return;
        }
        long eventId = events.insertReturningId(enterpriseId, Clock.now(), actor.type().name(), actor.id(), actor.name(),
                actor.address(), actor.proxyAddress(), actor.requestId(), action, resourceType, resourceId, resourceName,
                AuditStates.bounded(before), AuditStates.bounded(after));
        events.addSubjects(eventId, enterpriseId, subjects.stream().limit(MAX_SUBJECTS).toList());
    }
}
