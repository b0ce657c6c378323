package com.rollcall.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;

/** {@link RequestIdFilter} for the admin API: request id, caller address, and JSON as plain application/json. */
@PreMatching
@Priority(100)
public class AdminRequestIdFilter extends RequestIdFilter {
    @Override
    protected String responseMediaType() {
        return MediaType.APPLICATION_JSON;
    }
}
