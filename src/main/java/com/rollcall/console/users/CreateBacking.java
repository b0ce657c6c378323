package com.rollcall.console.users;

import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.console.Submission;
import com.rollcall.submissions.FormSubmissionService;
import com.rollcall.submissions.FormSubmissionService.Submitted;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.users.ManualUserService;
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

    private final UserForm form = new UserForm();
    private String refusedReason;
    private String submission = Submission.fresh();

    @Inject
    private FormSubmissionService submissions;

    @PostConstruct
    void load() {
        refusedReason = ManualUserService.addingRefusedReason(
                enterprises.find(session.enterpriseId()).orElseThrow().provisioningMode()).orElse(null);
    }

    public String create() {
        Submitted done = Feedback.attempt(() -> submissions.once(session.actor(), "user", Submission.sent(), () -> {
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

    public UserForm getForm() { return form; }
    /** The form's one-time submission token ({@link Submission}). */
    public String getSubmission() { return submission; }
    /** Why users cannot be added by hand now, or null when they can. */
    public String getRefusedReason() { return refusedReason; }
}
