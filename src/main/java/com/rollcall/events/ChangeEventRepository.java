package com.rollcall.events;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.scim.json.ScimJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one owner of {@code change_event} and {@code change_event_counter}: appending events in the caller's
 * transaction with positions handed out under the enterprise's counter row lock, and reading the feed.
 */
@ApplicationScoped
public class ChangeEventRepository {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();
    private static final String COLUMNS = "event_id, enterprise_id, feed_position, event_type, occurred_at, resource_type, "
            + "resource_id, request_id, payload";

    @PersistenceContext
    private EntityManager em;

    /** Where an enterprise's feed stands: the last position handed out and the highest one retention removed. */
    record Counter(long lastPosition, long prunedThrough) {
        static final Counter EMPTY = new Counter(0, 0);
    }

    /**
     * Appends the events, each enterprise's in the order given, at the next positions of its feed. The enterprise's
     * counter row is incremented by the number of events (so it stays locked until the commit: concurrent writers of
     * one enterprise queue here, and positions commit in order), enterprises in id order.
     */
    void append(List<PendingEvent> events) {
        Map<Long, List<PendingEvent>> byEnterprise = new TreeMap<>();
        events.forEach(e -> byEnterprise.computeIfAbsent(e.enterpriseId(), k -> new ArrayList<>()).add(e));
        byEnterprise.forEach((enterpriseId, list) -> {
            long last = allocate(enterpriseId, list.size());
            long position = last - list.size();
            for (List<PendingEvent> chunk : NativeSql.chunks(list)) {
                StringBuilder sql = new StringBuilder("INSERT INTO change_event (" + COLUMNS + ") VALUES ");
                List<Object> parameters = new ArrayList<>(chunk.size() * 9);
                for (int i = 0; i < chunk.size(); i++) {
                    PendingEvent e = chunk.get(i);
                    sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?)");
                    parameters.addAll(Arrays.asList(e.eventId(), enterpriseId, ++position, e.type().wireName(),
                            TIME.convertToDatabaseColumn(e.occurredAt()), e.resourceType(), e.resourceId(), e.requestId(),
                            e.data().toString()));
                }
                NativeSql.update(em, sql.toString(), parameters);
            }
        });
    }

    /** Adds {@code count} to the enterprise's last position (creating its counter on first use); answers the new last. */
    private long allocate(long enterpriseId, int count) {
        if (NativeSql.update(em, "UPDATE change_event_counter SET last_position = last_position + ? WHERE enterprise_id = ?",
                List.of(count, enterpriseId)) == 0) {
            NativeSql.update(em, "INSERT INTO change_event_counter (enterprise_id, last_position, pruned_through) "
                    + "VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE last_position = last_position + ?",
                    List.of(enterpriseId, count, count));
        }
        return Columns.number(NativeSql.query(em, "SELECT last_position FROM change_event_counter WHERE enterprise_id = ?",
                List.of(enterpriseId)).get(0)[0]);
    }

    Counter counter(long enterpriseId) {
        return NativeSql.query(em, "SELECT last_position, pruned_through FROM change_event_counter WHERE enterprise_id = ?",
                List.of(enterpriseId)).stream().findFirst()
                .map(c -> new Counter(Columns.number(c[0]), Columns.number(c[1]))).orElse(Counter.EMPTY);
    }

    /** The enterprise's events after this position, in order, at most {@code limit}. */
    List<FeedEvent> after(long enterpriseId, long position, int limit) {
        return read("WHERE enterprise_id = ? AND feed_position > ? ORDER BY feed_position LIMIT " + Math.max(1, limit),
                List.of(enterpriseId, position));
    }

    /** The last position of each of these enterprises that has a feed (committed ones: the counter's committed value). */
    Map<Long, Long> lastPositions(java.util.Collection<Long> enterpriseIds) {
        Map<Long, Long> last = new java.util.HashMap<>();
        for (List<Long> chunk : NativeSql.chunks(new java.util.TreeSet<>(enterpriseIds))) {
            for (Object[] c : NativeSql.query(em, "SELECT enterprise_id, last_position FROM change_event_counter WHERE "
                    + "enterprise_id IN " + NativeSql.placeholders(chunk.size()), new ArrayList<>(chunk))) {
                last.put(Columns.number(c[0]), Columns.number(c[1]));
            }
        }
        return last;
    }

    /**
     * Events of every enterprise (or of one) after this row id, in id order, that occurred before {@code settled}:
     * the operator's feed.
     */
    List<Row> acrossEnterprises(long afterId, Long enterpriseId, Instant settled, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(afterId, TIME.convertToDatabaseColumn(settled)));
        String where = "WHERE id > ? AND occurred_at < ?";
        if (enterpriseId != null) {
            where += " AND enterprise_id = ?";
            parameters.add(enterpriseId);
        }
        List<Row> rows = new ArrayList<>();
        for (Object[] c : NativeSql.query(em, "SELECT id, " + COLUMNS + " FROM change_event " + where + " ORDER BY id LIMIT "
                + Math.max(1, limit), parameters)) {
            rows.add(new Row(Columns.number(c[0]), event(Arrays.copyOfRange(c, 1, c.length))));
        }
        return rows;
    }

    /** An event with its row id (the operator feed's cursor). */
    record Row(long id, FeedEvent event) {
    }

    /** The highest row id (the operator feed's "now"). */
    long lastId() {
        Object max = NativeSql.query(em, "SELECT MAX(id) FROM change_event", List.of()).get(0)[0];
        return max == null ? 0 : Columns.number(max);
    }

    Optional<FeedEvent> find(long enterpriseId, String eventId) {
        return read("WHERE enterprise_id = ? AND event_id = ?", List.of(enterpriseId, eventId)).stream().findFirst();
    }

    /**
     * Retention: removes events that occurred before {@code cutoff}, at most {@code max} rows per enterprise per call,
     * remembering per enterprise the highest position removed (a cursor before it is too old). Answers rows removed.
     */
    int prune(Instant cutoff, int max) {
        int removed = 0;
        for (Object[] c : NativeSql.query(em, "SELECT enterprise_id, MAX(feed_position) FROM change_event WHERE occurred_at < ? "
                + "GROUP BY enterprise_id", List.of(TIME.convertToDatabaseColumn(cutoff)))) {
            long enterpriseId = Columns.number(c[0]);
            long through = Columns.number(c[1]);
            List<Object[]> bound = NativeSql.query(em, "SELECT feed_position FROM change_event WHERE enterprise_id = ? "
                    + "AND feed_position <= ? ORDER BY feed_position LIMIT 1 OFFSET " + (max - 1), List.of(enterpriseId, through));
            if (!bound.isEmpty()) {
                through = Columns.number(bound.get(0)[0]);
            }
            NativeSql.update(em, "UPDATE change_event_counter SET pruned_through = GREATEST(pruned_through, ?) "
                    + "WHERE enterprise_id = ?", List.of(through, enterpriseId));
            removed += NativeSql.update(em, "DELETE FROM change_event WHERE enterprise_id = ? AND feed_position <= ?",
                    List.of(enterpriseId, through));
        }
        return removed;
    }

    private List<FeedEvent> read(String where, List<Object> parameters) {
        return NativeSql.query(em, "SELECT " + COLUMNS + " FROM change_event " + where, parameters).stream()
                .map(ChangeEventRepository::event).toList();
    }

    private static FeedEvent event(Object[] c) {
        return new FeedEvent((String) c[0], Columns.number(c[1]), Columns.number(c[2]), (String) c[3], Columns.instant(c[4]),
                (String) c[5], (String) c[6], (String) c[7], parse(c[8]));
    }

    private static JsonObject parse(Object text) {
        String json = text instanceof java.sql.Clob clob ? clobText(clob) : String.valueOf(text);
        try (var reader = ScimJson.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String clobText(java.sql.Clob clob) {
        try {
            return clob.getSubString(1, (int) clob.length());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
