package com.rollcall.console.users;

import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.console.Submission;
import com.rollcall.submissions.FormSubmissionService;
import com.rollcall.submissions.FormSubmissionService.Submitted;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.users.ManualUserService;
import com.rollcall.users.UserDirectoryService;
import com.rollcall.users.UserSummary;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * /console/users/create.xhtml: a manual user (takes a license; refused at the limit with the reason). While the
 * connected system manages users (PRODUCT.md rule 1) the page says why users cannot be added here and shows no form;
 * a create sent from a page opened before the switch is refused by the service with the same reason.
 */
@Named("userCreate")
@ViewScoped
public class CreateBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ManualUserService manual;

    @Inject
    private ConsoleSession session;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private UserDirectoryService directory;

    private final UserForm form = new UserForm();
    /** The holders the admin was warned about and may confirm; a different clash warns again. */
    private String confirmedClash;
    private boolean clashPending;
    private String refusedReason;
    private String submission = Submission.fresh();

    @Inject
    private FormSubmissionService submissions;

    @PostConstruct
    void load() {
        refusedReason = ManualUserService.addingRefusedReason(
                enterprises.find(session.enterpriseId()).orElseThrow().provisioningMode()).orElse(null);
    }

    /**
     * Creates the user. A blank user name is a message on its field. An email or employee ID that another user
     * already holds would make the two a clash on the readiness checklist (the identity provider could not tell
     * them apart): the first submit warns on the field and asks to confirm; the second ("Create anyway") creates.
     * A taken user name is a message on its field.
     */
    public String create() {
        if (form.getUserName() == null || form.getUserName().isBlank()) {
            Feedback.fieldError("create:userName", "Enter a user name.");
            return null;
        }
        UserDirectoryService.Holders holders = directory.holdersOf(session.enterpriseId(), form.getEmail(),
                form.getEmployeeNumber());
        String seen = holders.any() ? holdersKey(holders) : null;
        if (seen != null && !seen.equals(confirmedClash)) {
            if (holders.email() != null) {
                Feedback.fieldWarning("create:email", "This email is already " + who(holders.email()) + "'s. Two users "
                        + "with one email cannot both be matched by your identity provider.");
            }
            if (holders.employeeNumber() != null) {
                Feedback.fieldWarning("create:employeeNumber", "This employee ID is already " + who(holders.employeeNumber())
                        + "'s. Two users with one employee ID cannot both be matched by your identity provider.");
            }
            confirmedClash = seen;
            clashPending = true;
            return null;
        }
        Submitted done = Feedback.attemptClashOnField("create:userName", () -> submissions.once(session.actor(), "user", Submission.sent(), () -> {
            UserForm.Written written = UserForm.written(manual.create(session.actor(), form.newUser(),
                    session.scimBaseUrl()));
            return Submission.outcome(written.id(), written.userName());
        }));
        if (done == null) {

            load();
            return null;
        }
        UserForm.Written created = new UserForm.Written(Submission.parts(done.outcome()).get(0),
                Submission.parts(done.outcome()).get(1));
        submission = Submission.fresh();
        Feedback.info("User " + created.userName() + " created." + (done.replayed() ? Submission.TWICE : ""));
        Feedback.keepForRedirect();
        return "/console/users/detail.xhtml?faces-redirect=true&id=" + created.id();
    }

    private static String holdersKey(UserDirectoryService.Holders holders) {
        return (holders.email() == null ? "" : holders.email().scimId()) + "|"
                + (holders.employeeNumber() == null ? "" : holders.employeeNumber().scimId());
    }

    private static String who(UserSummary user) {
        return user.label() + (user.label().equals(user.userName()) ? "" : " (" + user.userName() + ")");
    }

    /** Whether the form waits for "Create anyway" after a warning on the email or employee ID. */
    public boolean isClashPending() { return clashPending; }

    public UserForm getForm() { return form; }
    /** The form's one-time submission token ({@link Submission}). */
    public String getSubmission() { return submission; }
    /** Why users cannot be added by hand now, or null when they can. */
    public String getRefusedReason() { return refusedReason; }
}
