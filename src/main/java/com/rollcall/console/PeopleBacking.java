package com.rollcall.console;

import com.rollcall.submissions.FormSubmissionService;
import com.rollcall.submissions.FormSubmissionService.Submitted;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.EnterpriseView;
import com.rollcall.people.ConsoleRole;
import com.rollcall.people.ConsoleUserStatus;
import com.rollcall.people.ConsoleUserView;
import com.rollcall.people.InvitationMail;
import com.rollcall.people.IssuedInvitation;
import com.rollcall.people.PeopleService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * /console/people.xhtml (Enterprise Admins only): the enterprise's console users with their role, status, last
 * sign-in, who invited them and the user they are linked to by email; invite (the one-time link is shown once, in
 * this view only, and also emailed when a mail session is configured), change role, disable, enable, send a new
 * link, remove after a confirmation. {@code ?id=} shows one person (the user page links here); the refusals of
 * {@link PeopleService} (the last active Enterprise Admin, yourself, a taken email) are shown in its words.
 */
@Named
@ViewScoped
public class PeopleBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * A link just issued, shown once: for whom, the link, until when, and whether it was emailed too (null: this page
     * answers a copy of the invite form, and the email, if any, went with the first).
     */
    public record Issued(String login, String displayName, String link, Instant expiresAt, InvitationMail.Delivery delivery,
            boolean resent) implements Serializable {
    }

    @Inject
    private PeopleService people;

    @Inject
    private InvitationMail mail;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private ConsoleSession session;

    private List<ConsoleUserView> rows = List.of();
    private Instant now;
    private String self;
    private Long id;
    private String idText;
    private ConsoleUserView focused;
    private String email;
    private String displayName;
    private String role = ConsoleRole.INTEGRATIONS_MANAGER.name();
    private Issued issued;
    private ConsoleUserView removing;
    private String submission = Submission.fresh();

    @Inject
    private FormSubmissionService submissions;

    /** The create form's one-time submission token ({@link Submission}). */
    public String getSubmission() {
        return submission;
    }


    @PostConstruct
    void load() {
        self = session.getUser().login();
        reload();
    }

    /** f:viewAction: the person named by {@code ?id=}, which must be one of this enterprise's console users. */
    public void focus() {
        if (idText == null || idText.isBlank()) {
            return;
        }
        id = NotFound.number(idText);
        if (id == null) {
            NotFound.send();
            return;
        }
        try {
            focused = people.find(session.enterpriseId(), id);
        } catch (RuntimeException e) {
            if (Refusal.of(e).isEmpty()) {
                throw e;
            }
            NotFound.send(); // unknown, or another enterprise's: the styled 404
        }
    }

    public void invite() {
        ConsoleRole chosen = ConsoleRole.valueOf(role);
        Submitted done = Feedback.attempt("invite:email", () -> submissions.once(session.actor(), "invitation",
                Submission.sent(), () -> {
                    IssuedInvitation invitation = people.invite(session.actor(), email, displayName, chosen);
                    return Submission.outcome(invitation.user().id(), invitation.token(), invitation.expiresAt());
                }));
        if (done != null) {
            List<String> outcome = Submission.parts(done.outcome());
            IssuedInvitation invitation = new IssuedInvitation(people.find(session.enterpriseId(),
                    Long.parseLong(outcome.get(0))), outcome.get(1), Instant.parse(outcome.get(2)));
            issued = done.replayed() ? shown(invitation) : issue(invitation, false);
            submission = Submission.fresh();
            email = null;
            displayName = null;
            role = ConsoleRole.INTEGRATIONS_MANAGER.name();
        }
        reload();
    }

    /** A new link for someone still invited; the previous link stops working. */
    public void resend(ConsoleUserView person) {
        IssuedInvitation invitation = Feedback.attempt(() -> people.resendInvitation(session.actor(), person.id()));
        if (invitation != null) {
            issued = issue(invitation, true);
        }
        reload();
    }

    public void makeAdmin(ConsoleUserView person) {
        changed(() -> people.changeRole(session.actor(), person.id(), ConsoleRole.ENTERPRISE_ADMIN),
                " is now an Enterprise Admin.");
    }

    public void makeIntegrationsManager(ConsoleUserView person) {
        changed(() -> people.changeRole(session.actor(), person.id(), ConsoleRole.INTEGRATIONS_MANAGER),
                " is now an Integrations Manager: they see only the dashboard and API clients.");
    }

    public void disable(ConsoleUserView person) {
        changed(() -> people.disable(session.actor(), person.id()),
                " is disabled: they cannot sign in, and an open session ends at their next click.");
    }

    public void enable(ConsoleUserView person) {
        changed(() -> people.enable(session.actor(), person.id()), " is enabled again.");
    }

    public void askRemove(ConsoleUserView person) {
        removing = person;
    }

    public void cancelRemove() {
        removing = null;
    }

    public void confirmRemove() {
        ConsoleUserView target = removing;
        removing = null;
        if (target != null && Feedback.attempt(() -> people.remove(session.actor(), target.id()))) {
            Feedback.info(target.login() + " is removed: they can no longer sign in. The audit log keeps their history.");
        }
        reload();
    }

    /** Closes the link panel (the link is not kept anywhere). */
    public void dismissLink() {
        issued = null;
    }

    private void changed(Supplier<ConsoleUserView> useCase, String outcome) {
        ConsoleUserView after = Feedback.attempt(useCase);
        if (after != null) {
            Feedback.info(after.login() + outcome);
        }
        reload();
    }

    /**
     * The invitation a copy of the invite form was answered with: shown again to the one who sent the form (the same
     * page, the same link), not emailed again.
     */
    private Issued shown(IssuedInvitation invitation) {
        String who = invitation.user().login();
        Feedback.info(who + " is invited. Copy the link now: it is shown only on this page." + Submission.TWICE);
        return new Issued(who, invitation.user().displayName(), invitation.link(session.rootUrl()),
                invitation.expiresAt(), null, false);
    }

    private Issued issue(IssuedInvitation invitation, boolean resent) {
        String link = invitation.link(session.rootUrl());
        String enterpriseName = enterprises.find(session.enterpriseId()).map(EnterpriseView::name).orElse("your enterprise");
        InvitationMail.Delivery delivery = mail.send(invitation, link, enterpriseName, session.getUser().displayName());
        String who = invitation.user().login();
        Feedback.info((resent ? "A new invitation link for " + who + " is ready; the previous link no longer works."
                : who + " is invited.") + " Copy the link now: it is shown only once.");
        if (delivery == InvitationMail.Delivery.FAILED) {
            Feedback.warn("Sending the email to " + who + " failed (the server log says why): give them the link yourself.");
        }
        return new Issued(who, invitation.user().displayName(), link, invitation.expiresAt(), delivery, resent);
    }

    private void reload() {
        rows = people.list(session.enterpriseId());
        now = Instant.now();
        if (focused != null) {
            focused = rows.stream().filter(row -> row.id() == focused.id()).findFirst().orElse(null);
        }
    }

    public boolean isSelf(ConsoleUserView person) {
        return person.login().equalsIgnoreCase(self);
    }

    public boolean invited(ConsoleUserView person) {
        return person.status() == ConsoleUserStatus.INVITED;
    }

    public boolean disabled(ConsoleUserView person) {
        return person.status() == ConsoleUserStatus.DISABLED;
    }

    public boolean admin(ConsoleUserView person) {
        return person.role() == ConsoleRole.ENTERPRISE_ADMIN;
    }

    public boolean focused(ConsoleUserView person) {
        return focused != null && focused.id() == person.id();
    }

    public List<ConsoleUserView> getRows() { return rows; }
    public Instant getNow() { return now; }
    public ConsoleUserView getFocused() { return focused; }
    public Issued getIssued() { return issued; }
    public ConsoleUserView getRemoving() { return removing; }
    public boolean isRemoveOpen() { return removing != null; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    /** The id as the address gives it (any text: a bad or unknown one is the 404). */
    public String getIdText() { return idText; }
    public void setIdText(String idText) { this.idText = idText; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
}
