package com.rollcall.console;

import com.rollcall.apiclients.ApiClientService;
import com.rollcall.apiclients.ApiClientView;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.apiclients.IssuedApiClient;
import com.rollcall.submissions.FormSubmissionService;
import com.rollcall.submissions.FormSubmissionService.Submitted;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * /console/api-clients.xhtml: create an API client (its token is shown once, in this view only, with the
 * SCIM base URL to paste into the IdP), list clients with scopes and last use, revoke with a confirmation. The create
 * form is one submission however often it is sent: a copy shows the one client's token ({@link Submission}).
 */
@Named
@ViewScoped
public class ApiClientsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ApiClientService apiClients;

    @Inject
    private ConsoleSession session;

    private List<ApiClientView> clients;
    private String name;
    private List<String> scopes = new ArrayList<>(List.of("scim"));
    private IssuedApiClient issued;
    private String scimBaseUrl;
    private ApiClientView revoking;
    private Set<ApiScope> held;
    private List<ScopeChoice> scopeChoices;
    private String submission = Submission.fresh();

    @Inject
    private FormSubmissionService submissions;

    @PostConstruct
    void load() {
        clients = apiClients.list(session.enterpriseId());
        scimBaseUrl = session.scimBaseUrl();
        held = session.scopes();
        scopeChoices = held.stream().map(scope -> new ScopeChoice(scope.wireName(), switch (scope) {
            case SCIM -> "scim — the SCIM 2.0 API your identity provider calls";
            case ADMIN -> "admin — the admin JSON API (automation)";
            case EVENTS -> "events — only the change feed (GET /api/admin/v1/events), for a consumer of changes";
        })).toList();
    }

    public void create() {
        Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
        scopes.forEach(s -> chosen.addAll(ApiScope.parse(s)));
        if (chosen.isEmpty()) {
            Feedback.fieldError("create:scopes", "Choose at least one scope.");
            return;
        }
        String clientName = name == null ? "" : name.strip();
        Submitted done = Feedback.attempt("create:name", () -> submissions.once(session.actor(), "api-client",
                Submission.sent(), () -> {
                    IssuedApiClient created = apiClients.create(session.actor(), clientName, chosen);
                    return Submission.outcome(created.client().id(), created.token());
                }));
        if (done != null) {
            List<String> outcome = Submission.parts(done.outcome());
            ApiClientView client = apiClients.find(session.enterpriseId(), Long.parseLong(outcome.get(0)));
            issued = new IssuedApiClient(outcome.get(1), client);
            submission = Submission.fresh();
            name = null;
            scopes = new ArrayList<>(List.of("scim"));
            clients = apiClients.list(session.enterpriseId());
            Feedback.info("API client \"" + client.name() + "\" created. Copy its token now: it is shown only on this "
                    + "page." + (done.replayed() ? Submission.TWICE : ""));
        }
    }

    /** The create form's one-time submission token ({@link Submission}). */
    public String getSubmission() {
        return submission;
    }

    /** Closes the token panel (the token is not kept anywhere). */
    public void dismissToken() {
        issued = null;
    }

    public void askRevoke(ApiClientView client) {
        revoking = client;
    }

    public void confirmRevoke() {
        ApiClientView target = revoking;
        revoking = null;
        if (target == null) {
            return;
        }
        ApiClientView revoked = Feedback.attempt(() -> apiClients.revoke(session.actor(), target.id()));
        if (revoked != null) {
            Feedback.info("API client \"" + revoked.name() + "\" revoked: its token no longer works.");
        }
        clients = apiClients.list(session.enterpriseId());
    }

    public void cancelRevoke() {
        revoking = null;
    }

    /** One scope the signed-in user may give a client: its wire name and what it opens. */
    public record ScopeChoice(String value, String label) implements Serializable {
    }

    /**
     * The scopes this user may issue: an Enterprise Admin every one, an Integrations Manager only scim. A
     * posted value outside these is refused by the form (and by ApiClientService, should it get through).
     */
    public List<ScopeChoice> getScopeChoices() {
        return scopeChoices;
    }

    /** Whether the signed-in user may revoke this client (they hold every scope it has). */
    public boolean mayRevoke(ApiClientView client) {
        return held.containsAll(client.scopes());
    }

    public String scopeNames(ApiClientView client) {
        return ApiScope.format(client.scopes()).replace(",", ", ");
    }

    public List<ApiClientView> getClients() { return clients; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<String> getScopes() { return scopes; }
    public void setScopes(List<String> scopes) { this.scopes = scopes == null ? new ArrayList<>() : scopes; }
    public IssuedApiClient getIssued() { return issued; }
    public String getScimBaseUrl() { return scimBaseUrl; }
    public ApiClientView getRevoking() { return revoking; }
    public boolean isRevokeOpen() { return revoking != null; }
}
