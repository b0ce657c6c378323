package com.rollcall.licensing;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Records a refusal in a transaction of its own (REQUIRES_NEW): it must survive the rollback of the
 * refused request, and it touches only its own table, never the counter row that request has locked.
 */
@Stateless
public class LicenseRefusals {
    @PersistenceContext
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long enterpriseId, String requestId) {
        em.persist(new LicenseRefusal(enterpriseId, requestId));
    }
}
