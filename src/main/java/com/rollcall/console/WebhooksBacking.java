package com.rollcall.console;

import com.rollcall.events.EventType;
import com.rollcall.events.WebhookDeliveryView;
import com.rollcall.events.WebhookEndpointView;
import com.rollcall.events.WebhookResendService;
import com.rollcall.events.WebhookService;
import com.rollcall.submissions.FormSubmissionService;
import com.rollcall.submissions.FormSubmissionService.Submitted;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * /console/webhooks.xhtml: the enterprise's webhook endpoints (add one — its signing secret is shown once, in this
 * view only —, enable a disabled one, delete), and the selected endpoint's recent deliveries, each of which can be
 * sent again. The add form is one submission however often it is sent: a copy shows the one endpoint's secret
 * ({@link Submission}).
 */
@Named
@ViewScoped
public class WebhooksBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private WebhookService webhooks;

    @Inject
    private WebhookResendService resends;

    @Inject
    private ConsoleSession session;

    @Inject
    private FormSubmissionService submissions;

    private List<WebhookEndpointView> endpoints;
    private String url;
    private String description;
    private List<String> types = new ArrayList<>();
    private String secret;
    private String secretUrl;
    private WebhookEndpointView selected;
    private List<WebhookDeliveryView> deliveries = List.of();
    private WebhookEndpointView deleting;
    private String submission = Submission.fresh();

    /** One event type offered in the form: its name and what it means. */
    public record TypeChoice(String value, String label) implements Serializable {
    }

    @PostConstruct
    void load() {
        endpoints = webhooks.list(session.enterpriseId());
    }

    public List<TypeChoice> getTypeChoices() {
        return Arrays.stream(EventType.values()).map(t -> new TypeChoice(t.wireName(), t.wireName() + " — "
                + t.description())).toList();
    }

    public void create() {
        String target = url == null ? "" : url.strip();
        List<String> chosen = List.copyOf(types);
        String about = description == null || description.isBlank() ? null : description.strip();
        Submitted done = Feedback.attempt("create:url", () -> submissions.once(session.actor(), "webhook-endpoint",
                Submission.sent(), () -> {
                    WebhookService.Created created = webhooks.create(session.actor(), target, chosen, about);
                    return Submission.outcome(created.endpoint().id(), created.secret(), created.endpoint().url());
                }));
        if (done != null) {
            List<String> outcome = Submission.parts(done.outcome());
            secret = outcome.get(1);
            secretUrl = outcome.get(2);
            submission = Submission.fresh();
            url = null;
            description = null;
            types = new ArrayList<>();
            endpoints = webhooks.list(session.enterpriseId());
            Feedback.info("Webhook endpoint added. Copy its signing secret now: it is shown only on this page."
                    + (done.replayed() ? Submission.TWICE : ""));
        }
    }

    /** The add form's one-time submission token ({@link Submission}). */
    public String getSubmission() {
        return submission;
    }

    public void dismissSecret() {
        secret = null;
        secretUrl = null;
    }

    public void show(WebhookEndpointView endpoint) {
        selected = endpoint;
        deliveries = webhooks.deliveries(session.enterpriseId(), endpoint.id(), 20);
    }

    public void enable(WebhookEndpointView endpoint) {
        WebhookEndpointView enabled = Feedback.attempt(() -> webhooks.update(session.actor(), endpoint.id(), null, null,
                null, true));
        if (enabled != null) {
            Feedback.info("Webhook endpoint enabled: delivery resumes with the event where it stopped.");
        }
        refresh();
    }

    public void resend(WebhookDeliveryView delivery) {
        if (selected == null) {
            return;
        }
        WebhookDeliveryView sent = Feedback.attempt(() -> resends.resend(session.actor(), selected.id(), delivery.id()));
        if (sent != null) {
            if (sent.delivered()) {
                Feedback.info("Event " + sent.eventId() + " sent again: HTTP " + sent.responseCode() + " in "
                        + sent.latencyMillis() + " ms.");
            } else {
                Feedback.warn("Event " + sent.eventId() + " sent again, and it failed: " + sent.error() + ".");
            }
        }
        refresh();
    }

    public void askDelete(WebhookEndpointView endpoint) {
        deleting = endpoint;
    }

    public void confirmDelete() {
        WebhookEndpointView target = deleting;
        deleting = null;
        if (target != null && Feedback.attempt(() -> webhooks.delete(session.actor(), target.id()))) {
            Feedback.info("Webhook endpoint deleted.");
            if (selected != null && selected.id() == target.id()) {
                selected = null;
                deliveries = List.of();
            }
        }
        endpoints = webhooks.list(session.enterpriseId());
    }

    public void cancelDelete() {
        deleting = null;
    }

    public void refresh() {
        endpoints = webhooks.list(session.enterpriseId());
        if (selected != null) {
            selected = endpoints.stream().filter(e -> e.id() == selected.id()).findFirst().orElse(null);
            deliveries = selected == null ? List.of() : webhooks.deliveries(session.enterpriseId(), selected.id(), 20);
        }
    }

    public String typeNames(WebhookEndpointView endpoint) {
        return endpoint.eventTypes().isEmpty() ? "all events" : String.join(", ", endpoint.eventTypes());
    }

    public List<WebhookEndpointView> getEndpoints() { return endpoints; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<String> getTypes() { return types; }
    public void setTypes(List<String> types) { this.types = types == null ? new ArrayList<>() : types; }
    public String getSecret() { return secret; }
    public String getSecretUrl() { return secretUrl; }
    public WebhookEndpointView getSelected() { return selected; }
    public List<WebhookDeliveryView> getDeliveries() { return deliveries; }
    public WebhookEndpointView getDeleting() { return deleting; }
    public boolean isDeleteOpen() { return deleting != null; }
}
