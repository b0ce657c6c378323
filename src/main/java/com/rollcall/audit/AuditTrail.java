package com.rollcall.audit;

import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

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

    public void record(Actor actor, String action, String resourceType, String resourceId, String resourceName,
            JsonObject before, JsonObject after) {
        events.insert(actor.enterpriseId() == Actor.NO_ENTERPRISE ? null : actor.enterpriseId(), Clock.now(), actor.type().name(), actor.id(), actor.name(), actor.address(),
                actor.requestId(), action, resourceType, resourceId, resourceName,
                before == null ? null : before.toString(), after == null ? null : after.toString());
    }
}
