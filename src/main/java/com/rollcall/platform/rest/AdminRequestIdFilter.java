package com.rollcall.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.PreMatching;

/**
 * {@link RequestIdFilter} for the admin API: request id and caller address; Accept is left as sent (plain
 * JSON-P resources produce application/json, exports also text/csv).
 */
@PreMatching
@Priority(100)
public class AdminRequestIdFilter extends RequestIdFilter {
    @Override
    protected String responseMediaType() {
        return null;
    }
}
