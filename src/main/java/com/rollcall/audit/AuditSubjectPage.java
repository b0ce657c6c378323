package com.rollcall.audit;

import java.util.List;

/** One page of the users an audit event names, and how many it names in all. */
public record AuditSubjectPage(long totalResults, int startIndex, List<AuditSubject> subjects) {
}
