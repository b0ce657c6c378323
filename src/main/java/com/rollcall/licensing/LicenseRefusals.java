package com.rollcall.licensing;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Records a refusal in a transaction of its own: it must survive the rollback of the refused request, so
 * {@link RefusalRecordingFilter} calls it once that request is over (never from inside it, see
 * {@link RefusedRequests}).
 */
@Stateless
public class LicenseRefusals {
    @PersistenceContext
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long enterpriseId, String requestId) {
        persist(em, enterpriseId, requestId);
    }

    /** Records a refusal in the caller's transaction (a background job's batch, which commits). */
    static void persist(jakarta.persistence.EntityManager em, long enterpriseId, String requestId) {
        em.persist(new LicenseRefusal(enterpriseId, requestId));
    }
}
