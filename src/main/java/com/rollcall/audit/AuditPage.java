package com.rollcall.audit;

import java.util.List;

/** One page of audit events, newest first, with the total number matching. */
public record AuditPage(long totalResults, int startIndex, List<AuditEventView> events) {
}
