package com.rollcall.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Reads the audit log of one enterprise: filters by time range, actor, action and resource, pages in the
 * database (COUNT + ORDER BY occurred_at DESC, id DESC with offset/limit) on the (enterprise, ...) indexes.
 */
@Stateless
public class AuditQueryService {
    @Inject
    private AuditRepository events;

    public AuditPage query(long enterpriseId, AuditQuery q) {
        return events.page(enterpriseId, q);
    }

    /** One page of the users an event of this enterprise names (joined or left), and how many it names in all. */
    public AuditSubjectPage subjects(long enterpriseId, long eventId, int startIndex, int count) {
        return new AuditSubjectPage(events.subjectCount(enterpriseId, eventId), startIndex,
                events.subjects(enterpriseId, eventId, startIndex - 1, count));
    }

    /** The operator's trail: its actions on every enterprise and on its own tokens, newest first. */
    public AuditPage operatorTrail(int startIndex, int count) {
        return events.operatorPage(startIndex, count);
    }

    /**
     * SCIM writes by API clients to users and groups counted per hour or day ({@code unit}: HOUR or DAY) since
     * {@code from}: (bucket index, kind 0 create / 1 update / 2 deactivation, count).
     */
    public List<long[]> scimWritesPer(long enterpriseId, String unit, Instant from) {
        return events.scimWritesPer(enterpriseId, unit, from);
    }

    /** Demo data only: spreads the enterprise's events over these times, oldest first (extra events keep theirs). */
    public void redate(long enterpriseId, java.util.function.IntFunction<Instant> timeOfEvent) {
        List<Long> ids = events.ids(enterpriseId);
        for (int i = 0; i < ids.size(); i++) {
            events.setOccurredAt(ids.get(i), timeOfEvent.apply(i));
        }
    }

    /** How many events the enterprise has. */
    public int eventCount(long enterpriseId) {
        return events.ids(enterpriseId).size();
    }
}
