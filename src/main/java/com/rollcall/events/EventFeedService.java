package com.rollcall.events;

import com.rollcall.platform.persistence.Clock;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reading the change feed: one enterprise's events after a cursor (its position), and the operator's view across
 * enterprises. Each read is a short transaction of its own; a long poll waits between reads without holding a
 * connection ({@link EventsResource}).
 */
@Stateless
public class EventFeedService {
    /** The operator's cross-enterprise feed shows an event only once it is this old (see {@link #acrossEnterprises}). */
    static final Duration SETTLE = Duration.ofSeconds(2);

    @Inject
    private ChangeEventRepository events;

    /** Days events are kept: MicroProfile Config {@code rollcall.events.retentionDays} (default 30). */
    public static int retentionDays() {
        return ConfigProvider.getConfig().getOptionalValue("rollcall.events.retentionDays", Integer.class).orElse(30);
    }

    /**
     * The enterprise's events after {@code after} (a position; null: from the oldest kept), at most {@code limit}. A
     * cursor older than what retention kept is 410 with how to resync.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FeedPage after(long enterpriseId, Long after, int limit) {
        ChangeEventRepository.Counter counter = events.counter(enterpriseId);
        if (after != null && after < counter.prunedThrough()) {
            throw ScimException.gone("The cursor " + after + " is older than the events Rollcall keeps (" + retentionDays()
                    + " days; the oldest kept position is " + (counter.prunedThrough() + 1) + "). Resync: read GET "
                    + "/api/admin/v1/events/cursor, take a full export (GET /api/admin/v1/export), then read the feed "
                    + "after that cursor.");
        }
        long from = after == null ? counter.prunedThrough() : after;
        List<FeedEvent> page = events.after(enterpriseId, from, limit + 1);
        boolean more = page.size() > limit;
        List<FeedEvent> shown = more ? page.subList(0, limit) : page;
        String cursor = Long.toString(shown.isEmpty() ? from : shown.get(shown.size() - 1).position());
        return new FeedPage(List.copyOf(shown), cursor, more);
    }

    /** The enterprise's current cursor: its last position (read this, then export, then read the feed after it). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long cursor(long enterpriseId) {
        return events.counter(enterpriseId).lastPosition();
    }

    /**
     * The operator's feed across enterprises (or of one), after a row cursor, in the order the events were written.
     * Positions are strictly ordered per enterprise only; across enterprises an event is shown once it is
     * {@link #SETTLE} old, so that a transaction that wrote a lower row id but committed later is not skipped (events
     * are written at the very end of their transaction, just before its commit).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FeedPage acrossEnterprises(Long after, Long enterpriseId, int limit) {
        long from = after == null ? 0 : after;
        List<ChangeEventRepository.Row> rows = events.acrossEnterprises(from, enterpriseId, Clock.now().minus(SETTLE),
                limit + 1);
        boolean more = rows.size() > limit;
        List<ChangeEventRepository.Row> shown = more ? rows.subList(0, limit) : rows;
        String cursor = Long.toString(shown.isEmpty() ? from : shown.get(shown.size() - 1).id());
        return new FeedPage(shown.stream().map(ChangeEventRepository.Row::event).toList(), cursor, more);
    }

    /** The operator feed's current cursor. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long operatorCursor() {
        return events.lastId();
    }

    /** Retention: removes up to {@code max} events per enterprise older than the retention period; answers how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int prune(int max) {
        return events.prune(Clock.now().minus(Duration.ofDays(retentionDays())), max);
    }
}
