package com.rollcall.events;

import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Webhook endpoints of an enterprise (the admin's use cases, audited) and the steps of delivering to them, each a
 * short transaction of its own so that no HTTP call ever runs inside one ({@link WebhookRunner},
 * {@link WebhookResendService}).
 */
@Stateless
public class WebhookService {
    /** How long a claim on an endpoint lasts unless renewed (an instance that died loses it after this). */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** Endpoints per enterprise. */
    static final int MAX_ENDPOINTS = 20;
    /** Delivery attempts are kept this long. */
    static final Duration DELIVERY_LOG = Duration.ofDays(30);

    @Inject
    private WebhookRepository webhooks;

    @Inject
    private ChangeEventRepository events;

    @Inject
    private AuditTrail audit;

    /** A new endpoint and its secret, shown this once. */
    public record Created(WebhookEndpointView endpoint, String secret) {
        public JsonObject toJson() {
            return ScimJson.object(endpoint.toJson()).add("secret", secret).build();
        }
    }

    /**
     * Adds an endpoint (URL checked against {@link WebhookUrls}; event types from the catalogue, none: all). It
     * receives the events recorded from now on.
     */
    public Created create(Actor actor, String url, Collection<String> eventTypes, String description) {
        long enterpriseId = actor.enterpriseId();
        String checked = checkedUrl(url);
        String types = types(eventTypes);
        if (webhooks.list(enterpriseId).size() >= MAX_ENDPOINTS) {
            throw ScimException.conflict("An enterprise has at most " + MAX_ENDPOINTS + " webhook endpoints; delete one first.");
        }
        String secret = WebhookSignature.newSecret();
        long id = webhooks.insert(enterpriseId, checked, types, description, secret, events.counter(enterpriseId).lastPosition(),
                Clock.now(), actor.name());
        WebhookEndpointView view = webhooks.find(enterpriseId, id).orElseThrow().view();
        audit.record(actor, "WEBHOOK_CREATED", "Webhook", Long.toString(id), checked, null, view.toJson());
        return new Created(view, secret);
    }

    public List<WebhookEndpointView> list(long enterpriseId) {
        return webhooks.list(enterpriseId).stream().map(WebhookRepository.Endpoint::view).toList();
    }

    public WebhookEndpointView get(long enterpriseId, long id) {
        return endpoint(enterpriseId, id).view();
    }

    /**
     * Changes an endpoint: url, event types, description (null: unchanged); {@code enable} re-activates a disabled
     * endpoint from where it stopped.
     */
    public WebhookEndpointView update(Actor actor, long id, String url, Collection<String> eventTypes, String description,
            boolean enable) {
        long enterpriseId = actor.enterpriseId();
        WebhookEndpointView before = endpoint(enterpriseId, id).view();
        String newUrl = url == null ? before.url() : checkedUrl(url);
        String types = eventTypes == null ? String.join(",", before.eventTypes()) : types(eventTypes);
        webhooks.update(enterpriseId, id, newUrl, types == null || types.isEmpty() ? null : types,
                description == null ? before.description() : description);
        if (enable) {
            webhooks.enable(enterpriseId, id);
        }
        WebhookEndpointView after = endpoint(enterpriseId, id).view();
        audit.record(actor, "WEBHOOK_CHANGED", "Webhook", Long.toString(id), after.url(), before.toJson(), after.toJson());
        return after;
    }

    public void delete(Actor actor, long id) {
        long enterpriseId = actor.enterpriseId();
        WebhookEndpointView before = endpoint(enterpriseId, id).view();
        webhooks.delete(enterpriseId, id);
        audit.record(actor, "WEBHOOK_DELETED", "Webhook", Long.toString(id), before.url(), before.toJson(), null);
    }

    /** The endpoint's most recent delivery attempts, newest first. */
    public List<WebhookDeliveryView> deliveries(long enterpriseId, long id, int limit) {
        endpoint(enterpriseId, id);
        return webhooks.deliveries(enterpriseId, id, limit);
    }

    // --- delivery steps (WebhookRunner, WebhookResendService) ---

    /**
     * Endpoints due now that have events to deliver (their cursor is behind their enterprise's last position), at most
     * {@code limit}, oldest first: two indexed queries whatever the number of idle endpoints.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<WebhookRepository.Due> due(int limit) {
        List<WebhookRepository.Due> candidates = webhooks.due(Clock.now());
        if (candidates.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Long> last = events.lastPositions(candidates.stream().map(WebhookRepository.Due::enterpriseId)
                .collect(java.util.stream.Collectors.toSet()));
        List<WebhookRepository.Due> due = new ArrayList<>();
        for (WebhookRepository.Due d : candidates) {
            if (due.size() < limit && d.cursor() < last.getOrDefault(d.enterpriseId(), 0L)) {
                due.add(d);
            }
        }
        return due;
    }

    /** Claims the endpoint for this instance (a conditional UPDATE: one instance at a time). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(long id, String instance) {
        Instant now = Clock.now();
        return webhooks.claim(id, instance, now, now.plus(LEASE));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(long id, String instance) {
        webhooks.release(id, instance);
    }

    /** The endpoint as delivery needs it, and the next events after its cursor. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Work> work(long id, int limit) {
        return webhooks.find(id).filter(e -> e.view().active()).map(e -> new Work(e.view(), e.enterpriseId(), e.secret(),
                events.after(e.enterpriseId(), e.view().cursor(), limit)));
    }

    /** An endpoint's next events to deliver. */
    public record Work(WebhookEndpointView endpoint, long enterpriseId, String secret, List<FeedEvent> events) {
        boolean wants(FeedEvent event) {
            return endpoint.eventTypes().isEmpty() || endpoint.eventTypes().contains(event.type());
        }
    }

    /**
     * Records an attempt of the runner: delivered (the cursor moves past the event, the claim is renewed) or failed
     * (a retry is scheduled with backoff; an endpoint failing for longer than the settings allow is disabled with the
     * reason). Answers whether the runner may go on with the next event.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean attempted(long id, String instance, FeedEvent event, WebhookSender.Result result) {
        Optional<WebhookRepository.Endpoint> found = webhooks.find(id);
        if (found.isEmpty()) {
            return false;
        }
        WebhookEndpointView endpoint = found.get().view();
        Instant now = Clock.now();
        int attempt = endpoint.attempts() + 1;
        webhooks.addDelivery(id, found.get().enterpriseId(), event, attempt, result.delivered(), result.code(),
                result.latencyMillis(), result.error(), now, false);
        if (result.delivered()) {
            return webhooks.advance(id, instance, event.position(), now.plus(LEASE));
        }
        Instant failingSince = endpoint.failingSince() == null ? now : endpoint.failingSince();
        WebhookSettings settings = WebhookSettings.get();
        if (Duration.between(failingSince, now).compareTo(settings.disableAfter()) > 0) {
            webhooks.disable(id, "Disabled at " + now + ": every delivery since " + failingSince + " failed (" + attempt
                    + " attempts on event " + event.id() + ", last: " + result.error() + "). Fix the endpoint, then enable it: "
                    + "delivery resumes with that event.");
        } else {
            webhooks.failed(id, instance, attempt, failingSince, now.plus(settings.backoff(attempt)));
        }
        return false;
    }

    /** Skips events the endpoint does not want (the cursor moves past them). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean skip(long id, String instance, long position) {
        return webhooks.advance(id, instance, position, Clock.now().plus(LEASE));
    }

    /** The event of a delivery, to send it again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Resend resendable(long enterpriseId, long endpointId, long deliveryId) {
        WebhookRepository.Endpoint endpoint = endpoint(enterpriseId, endpointId);
        WebhookDeliveryView delivery = webhooks.delivery(enterpriseId, endpointId, deliveryId)
                .orElseThrow(() -> ScimException.notFound("The webhook endpoint has no delivery " + deliveryId + "."));
        FeedEvent event = events.find(enterpriseId, delivery.eventId()).orElseThrow(() -> ScimException.gone("The event "
                + delivery.eventId() + " is older than the events Rollcall keeps; it cannot be sent again."));
        return new Resend(endpoint.view(), endpoint.secret(), event);
    }

    /** What resending needs. */
    public record Resend(WebhookEndpointView endpoint, String secret, FeedEvent event) {
    }

    /** Records a resend (it does not move the endpoint's cursor nor count as a failure of it). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public WebhookDeliveryView resent(Actor actor, Resend resend, WebhookSender.Result result) {
        long enterpriseId = actor.enterpriseId();
        webhooks.addDelivery(resend.endpoint().id(), enterpriseId, resend.event(), 1, result.delivered(), result.code(),
                result.latencyMillis(), result.error(), Clock.now(), true);
        WebhookDeliveryView delivery = webhooks.deliveries(enterpriseId, resend.endpoint().id(), 1).get(0);
        audit.record(actor, "WEBHOOK_DELIVERY_RESENT", "Webhook", Long.toString(resend.endpoint().id()),
                resend.endpoint().url(), null, delivery.toJson());
        return delivery;
    }

    /** Delivery attempts older than the delivery log keeps go. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneDeliveries() {
        return webhooks.pruneDeliveries(Clock.now().minus(DELIVERY_LOG));
    }

    private WebhookRepository.Endpoint endpoint(long enterpriseId, long id) {
        return webhooks.find(enterpriseId, id)
                .orElseThrow(() -> ScimException.notFound("There is no webhook endpoint " + id + " in this enterprise."));
    }

    private static String checkedUrl(String url) {
        Optional<String> refused = WebhookSettings.get().urls().refusal(url);
        if (refused.isPresent()) {
            throw ScimException.invalidValue(refused.get());
        }
        return url.strip();
    }

    /** The event types as stored: known wire names, comma-separated; null for all. */
    static String types(Collection<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : wanted) {
            EventType type = EventType.of(name).orElseThrow(() -> ScimException.invalidValue("Unknown event type '"
                    + (name == null ? "" : name.length() > 80 ? name.substring(0, 80) + "…" : name)
                    + "'; GET /api/admin/v1/events/types lists them."));
            names.add(type.wireName());
        }
        return String.join(",", names);
    }
}
