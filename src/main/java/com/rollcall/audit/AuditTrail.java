package com.rollcall.audit;

import com.rollcall.platform.persistence.Clock;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Records audit events inside the caller's transaction (MANDATORY): the event commits with the change
 * it describes, or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {
    @PersistenceContext
    private EntityManager em;

    public void record(Actor actor, String action, String resourceType, String resourceId, String resourceName,
            JsonObject before, JsonObject after) {
        em.persist(new AuditEvent(actor, Clock.now(), action, resourceType, resourceId, resourceName,
                before == null ? null : before.toString(), after == null ? null : after.toString()));
    }
}
