package com.rollcall.licensing;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The license refusals of the current HTTP request, waiting to be recorded once the request's transaction
 * has ended ({@link RefusalRecordingFilter}). Recording them inside it would need a second connection
 * (REQUIRES_NEW) while the first holds the seat counter's lock: with every pooled connection held by
 * requests doing the same, the pool ran dry and the counter's lock was never released (H2: lock timeouts
 * under the 64-request license race).
 */
@RequestScoped
public class RefusedRequests {
    /** One refusal: the enterprise and the request that was refused. */
    record Refusal(long enterpriseId, String requestId) {
    }

    private final List<Refusal> pending = new ArrayList<>();

    void add(long enterpriseId, String requestId) {
        pending.add(new Refusal(enterpriseId, requestId));
    }

    /** The refusals so far, forgotten here. */
    List<Refusal> drain() {
        List<Refusal> drained = List.copyOf(pending);
        pending.clear();
        return drained;
    }
}
