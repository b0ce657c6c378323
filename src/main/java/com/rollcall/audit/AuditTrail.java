package com.rollcall.audit;

import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.platform.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;

/**
 * Records audit events inside the caller's transaction (MANDATORY): the event commits with the change
 * it describes, or not at all. Every write of every use case records one, so it is one INSERT on the
 * transaction's connection (no entity to register, flush and fetch a generated key for) from a CDI bean
 * (no EJB container call). {@link AuditEvent} maps the same table for reading.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {
    private static final String INSERT = "INSERT INTO audit_event (enterprise_id, occurred_at, actor_type, actor_id, "
            + "actor_name, caller_address, request_id, action, resource_type, resource_id, resource_name, before_state, "
            + "after_state) VALUES " + NativeSql.placeholders(13);
    private static final UtcInstantConverter TIME = new UtcInstantConverter();

    @PersistenceContext
    private EntityManager em;

    public void record(Actor actor, String action, String resourceType, String resourceId, String resourceName,
            JsonObject before, JsonObject after) {
        NativeSql.update(em, INSERT, Arrays.asList(actor.enterpriseId(), TIME.convertToDatabaseColumn(Clock.now()),
                actor.type().name(), actor.id(), actor.name(), actor.address(), actor.requestId(), action, resourceType,
                resourceId, resourceName, before == null ? null : before.toString(), after == null ? null : after.toString()));
    }
}
