package com.rollcall.licensing;

import com.rollcall.events.ChangeFeed;
import com.rollcall.events.EventType;
import com.rollcall.scim.json.ScimJson;
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

    @Inject
    private ChangeFeed feed;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long enterpriseId, String requestId) {
        licenses.addRefusal(enterpriseId, requestId);
        published(feed, licenses, enterpriseId, requestId);
    }

    /** The change feed's {@code license.refused}: the request refused, and the seats used and allowed now. */
    static void published(ChangeFeed feed, LicenseRepository licenses, long enterpriseId, String requestId) {
        var data = ScimJson.object();
        if (requestId == null) {
            data.addNull("requestId");
        } else {
            data.add("requestId", requestId);
        }
        licenses.counter(enterpriseId).ifPresent(c -> data.add("used", c.seatsUsed()).add("limit", c.licenseLimit()));
        feed.record(enterpriseId, requestId, EventType.LICENSE_REFUSED, "Enterprise", Long.toString(enterpriseId),
                data.build());
    }
}
