package com.rollcall.licensing;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Records a refusal in a transaction of its own: it must survive the rollback of the refused request, so
 * {@link RefusalRecordingFilter} calls it once that request is over (never from inside it, see
 * {@link RefusedRequests}).
 */
@Stateless
public class LicenseRefusals {
    @Inject
    private LicenseRepository licenses;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long enterpriseId, String requestId) {
        licenses.addRefusal(enterpriseId, requestId);
    }
}
