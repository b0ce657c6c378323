package com.rollcall.events;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code webhook_endpoint} and {@code webhook_delivery}. */
@ApplicationScoped
public class WebhookRepository {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();
    private static final String ENDPOINT = "SELECT id, url, event_types, description, status, disabled_reason, "
            + "cursor_position, attempts, failing_since, next_attempt_at, secret_hint, created_at, created_by, enterprise_id, "
            + "secret FROM webhook_endpoint ";
    private static final String DELIVERY = "SELECT id, endpoint_id, event_id, event_type, feed_position, attempt, outcome, "
            + "response_code, latency_ms, error, attempted_at, resend FROM webhook_delivery ";

    @PersistenceContext
    private EntityManager em;

    /** What delivering needs of an endpoint: its view, enterprise and secret. */
    record Endpoint(WebhookEndpointView view, long enterpriseId, String secret) {
    }

    /** An endpoint due for delivery: its id, enterprise and cursor. */
    record Due(long id, long enterpriseId, long cursor) {
    }

    long insert(long enterpriseId, String url, String eventTypes, String description, String secret, long cursor,
            Instant at, String createdBy) {
        NativeSql.update(em, "INSERT INTO webhook_endpoint (enterprise_id, url, event_types, secret, secret_hint, description, "
                + "status, cursor_position, attempts, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 0, ?, ?)",
                Arrays.asList(enterpriseId, url, eventTypes, secret, "…" + secret.substring(secret.length() - 4), description,
                        cursor, TIME.convertToDatabaseColumn(at), createdBy));
        return Columns.number(NativeSql.query(em, "SELECT LAST_INSERT_ID()", List.of()).get(0)[0]);
    }

    List<Endpoint> list(long enterpriseId) {
        return endpoints("WHERE enterprise_id = ? ORDER BY id", enterpriseId);
    }

    Optional<Endpoint> find(long enterpriseId, long id) {
        return endpoints("WHERE enterprise_id = ? AND id = ?", enterpriseId, id).stream().findFirst();
    }

    /** The endpoint, by id alone (the delivery runner, which claimed it). */
    Optional<Endpoint> find(long id) {
        return endpoints("WHERE id = ?", id).stream().findFirst();
    }

    int update(long enterpriseId, long id, String url, String eventTypes, String description) {
        return NativeSql.update(em, "UPDATE webhook_endpoint SET url = ?, event_types = ?, description = ? WHERE enterprise_id = ? "
                + "AND id = ?", Arrays.asList(url, eventTypes, description, enterpriseId, id));
    }

    /** Active again, from where it stopped, with its failures forgotten. */
    int enable(long enterpriseId, long id) {
        return NativeSql.update(em, "UPDATE webhook_endpoint SET status = 'ACTIVE', disabled_reason = NULL, attempts = 0, "
                + "failing_since = NULL, next_attempt_at = NULL WHERE enterprise_id = ? AND id = ?", List.of(enterpriseId, id));
    }

    int disable(long id, String reason) {
        return NativeSql.update(em, "UPDATE webhook_endpoint SET status = 'DISABLED', disabled_reason = ?, claimed_by = NULL, "
                + "claimed_until = NULL WHERE id = ?", List.of(reason, id));
    }

    int delete(long enterpriseId, long id) {
        NativeSql.update(em, "DELETE FROM webhook_delivery WHERE enterprise_id = ? AND endpoint_id = ?", List.of(enterpriseId, id));
        return NativeSql.update(em, "DELETE FROM webhook_endpoint WHERE enterprise_id = ? AND id = ?", List.of(enterpriseId, id));
    }

    /**
     * Every active endpoint whose retry time has come and that no instance holds (ids, enterprises and cursors only: a
     * few bytes per endpoint, on the (status, next attempt) index).
     */
    List<Due> due(Instant now) {
        Object at = TIME.convertToDatabaseColumn(now);
        return NativeSql.query(em, "SELECT id, enterprise_id, cursor_position FROM webhook_endpoint WHERE status = 'ACTIVE' "
                + "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND (claimed_until IS NULL OR claimed_until < ?) "
                + "ORDER BY id", List.of(at, at)).stream()
                .map(c -> new Due(Columns.number(c[0]), Columns.number(c[1]), Columns.number(c[2]))).toList();
    }

    /** Claims (or renews) an endpoint for this instance until {@code until}; true when this instance holds it. */
    boolean claim(long id, String instance, Instant now, Instant until) {
        return NativeSql.update(em, "UPDATE webhook_endpoint SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = "
                + "'ACTIVE' AND (claimed_until IS NULL OR claimed_until < ? OR claimed_by = ?)", List.of(instance,
                TIME.convertToDatabaseColumn(until), id, TIME.convertToDatabaseColumn(now), instance)) == 1;
    }

    void release(long id, String instance) {
        NativeSql.update(em, "UPDATE webhook_endpoint SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                List.of(id, instance));
    }

    /** Delivery got to {@code position} (acknowledged or skipped); failures forgotten. True when this instance held it. */
    boolean advance(long id, String instance, long position, Instant until) {
        return NativeSql.update(em, "UPDATE webhook_endpoint SET cursor_position = ?, attempts = 0, failing_since = NULL, "
                + "next_attempt_at = NULL, claimed_until = ? WHERE id = ? AND claimed_by = ? AND cursor_position < ?",
                List.of(position, TIME.convertToDatabaseColumn(until), id, instance, position)) == 1;
    }

    /** A failed attempt: retry at {@code next}; the claim is released. */
    void failed(long id, String instance, int attempts, Instant failingSince, Instant next) {
        NativeSql.update(em, "UPDATE webhook_endpoint SET attempts = ?, failing_since = ?, next_attempt_at = ?, claimed_by = NULL, "
                + "claimed_until = NULL WHERE id = ? AND claimed_by = ?", List.of(attempts,
                TIME.convertToDatabaseColumn(failingSince), TIME.convertToDatabaseColumn(next), id, instance));
    }

    void addDelivery(long endpointId, long enterpriseId, FeedEvent event, int attempt, boolean delivered, Integer code,
            long latencyMillis, String error, Instant at, boolean resend) {
        NativeSql.update(em, "INSERT INTO webhook_delivery (endpoint_id, enterprise_id, event_id, event_type, feed_position, "
                + "attempt, outcome, response_code, latency_ms, error, attempted_at, resend) VALUES " + NativeSql.placeholders(12),
                Arrays.asList(endpointId, enterpriseId, event.id(), event.type(), event.position(), attempt,
                        delivered ? "DELIVERED" : "FAILED", code, latencyMillis, error, TIME.convertToDatabaseColumn(at), resend));
    }

    /** The endpoint's most recent delivery attempts, newest first. */
    List<WebhookDeliveryView> deliveries(long enterpriseId, long endpointId, int limit) {
        return deliveries("WHERE enterprise_id = ? AND endpoint_id = ? ORDER BY id DESC LIMIT " + Math.max(1, limit),
                enterpriseId, endpointId);
    }

    Optional<WebhookDeliveryView> delivery(long enterpriseId, long endpointId, long deliveryId) {
        return deliveries("WHERE enterprise_id = ? AND endpoint_id = ? AND id = ?", enterpriseId, endpointId, deliveryId)
                .stream().findFirst();
    }

    /** Delivery attempts older than {@code before} go (retention of the delivery log). */
    int pruneDeliveries(Instant before) {
        return NativeSql.update(em, "DELETE FROM webhook_delivery WHERE attempted_at < ?",
                List.of(TIME.convertToDatabaseColumn(before)));
    }

    private List<WebhookDeliveryView> deliveries(String where, Object... parameters) {
        return NativeSql.query(em, DELIVERY + where, Arrays.asList(parameters)).stream()
                .map(c -> new WebhookDeliveryView(Columns.number(c[0]), Columns.number(c[1]), (String) c[2], (String) c[3],
                        Columns.number(c[4]), (int) Columns.number(c[5]), (String) c[6],
                        c[7] == null ? null : (int) Columns.number(c[7]), Columns.number(c[8]), (String) c[9],
                        Columns.instant(c[10]), Columns.bool(c[11])))
                .toList();
    }

    private List<Endpoint> endpoints(String where, Object... parameters) {
        return NativeSql.query(em, ENDPOINT + where, Arrays.asList(parameters)).stream()
                .map(c -> new Endpoint(new WebhookEndpointView(Columns.number(c[0]), (String) c[1], types((String) c[2]),
                        (String) c[3], (String) c[4], (String) c[5], Columns.number(c[6]), (int) Columns.number(c[7]),
                        c[8] == null ? null : Columns.instant(c[8]), c[9] == null ? null : Columns.instant(c[9]),
                        (String) c[10], Columns.instant(c[11]), (String) c[12]), Columns.number(c[13]), (String) c[14]))
                .toList();
    }

    private static List<String> types(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
    }
}
