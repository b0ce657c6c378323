package com.rollcall.console;

import com.rollcall.submissions.FormSubmissionService;
import com.rollcall.submissions.FormSubmissionService.Submitted;
import com.rollcall.access.SubAccountService.SubAccountRow;
import com.rollcall.access.SubAccountService;
import com.rollcall.access.SubAccountView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** /console/sub-accounts.xhtml: list, create and rename sub-accounts (names unique, case-insensitively). */
@Named
@ViewScoped
public class SubAccountsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private SubAccountService subAccounts;

    @Inject
    private ConsoleSession session;

    private List<SubAccountRow> rows = List.of();
    private String newName;
    private SubAccountRow renaming;
    private String renameTo;
    private SubAccountRow deleting;
    private String submission = Submission.fresh();

    @Inject
    private FormSubmissionService submissions;

    /** The create form's one-time submission token ({@link Submission}). */
    public String getSubmission() {
        return submission;
    }


    @PostConstruct
    void open() {
        load();
    }

    private void load() {
        rows = subAccounts.list(session.enterpriseId());
    }

    public void create() {
        if (newName == null || newName.isBlank()) {
            Feedback.fieldError("create-form:name", "Enter a name.");
            return;
        }
        Submitted done = Feedback.attempt("create-form:name", () -> submissions.once(session.actor(), "sub-account",
                Submission.sent(), () -> subAccounts.create(session.actor(), newName).name()));
        if (done != null) {
            submission = Submission.fresh();
            Feedback.info("Created the sub-account '" + done.outcome() + "'." + (done.replayed() ? Submission.TWICE : ""));
            newName = null;
            load();
        }
    }

    public void startRename(long subAccountId) {
        renaming = rows.stream().filter(r -> r.id() == subAccountId).findFirst().orElse(null);
        renameTo = renaming == null ? null : renaming.name();
    }

    public void cancelRename() {
        renaming = null;
        renameTo = null;
    }

    public void rename() {
        if (renaming == null) {
            return;
        }
        String before = renaming.name();
        SubAccountRow renamed = Feedback.attempt("rename-form:new-name",
                () -> subAccounts.rename(session.actor(), renaming.id(), renaming.version(), renameTo));
        if (renamed != null) {
            Feedback.info(before.equals(renamed.name()) ? "The name is unchanged."
                    : "Renamed '" + before + "' to '" + renamed.name() + "'.");
            renaming = null;
            renameTo = null;
            load();
        }
    }

    /** First step of a deletion: the confirmation names the sub-account. */
    public void askDelete(long subAccountId) {
        deleting = rows.stream().filter(r -> r.id() == subAccountId).findFirst().orElse(null);
    }

    public void cancelDelete() {
        deleting = null;
    }

    /** Second step: deletes it, or shows why not (mappings use it) in the service's words. */
    public void confirmDelete() {
        SubAccountRow target = deleting;
        deleting = null;
        if (target == null) {
            return;
        }
        if (Feedback.attempt(() -> subAccounts.delete(session.actor(), target.id(), target.version()))) {
            Feedback.info("Deleted the sub-account '" + target.name() + "'.");
        }
        load();
    }

    public SubAccountRow getDeleting() { return deleting; }
    public boolean isDeleteOpen() { return deleting != null; }
    public List<SubAccountRow> getRows() { return rows; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public SubAccountRow getRenaming() { return renaming; }
    public String getRenameTo() { return renameTo; }
    public void setRenameTo(String renameTo) { this.renameTo = renameTo; }
}
