package com.rollcall.console.users;

import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.ProvisioningMode;
import com.rollcall.groups.GroupDirectoryService;
import com.rollcall.groups.GroupDirectoryService.GroupRow;
import com.rollcall.people.ConsoleUserView;
import com.rollcall.people.PeopleService;
import com.rollcall.scim.message.Preconditions;
import com.rollcall.users.ManualUserService;
import com.rollcall.users.UserDirectoryService;
import com.rollcall.users.UserProvisioningService;
import com.rollcall.users.UserRow;
import com.rollcall.users.UserSource;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * /console/users/detail.xhtml?id=: one user. Under PRODUCT.md rule 6, a SCIM-sourced user in Managed in
 * Connected System mode is shown read-only with the reason; otherwise the user can be edited, deactivated
 * and reactivated, and an edit of a SCIM-sourced user is flagged as at risk of being overwritten by the IdP.
 */
@Named("userDetail")
@ViewScoped
public class DetailBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private UserDirectoryService directory;

    @Inject
    private UserProvisioningService users;

    @Inject
    private ManualUserService manual;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private PeopleService people;

    @Inject
    private GroupDirectoryService groupDirectory;

    @Inject
    private ConsoleSession session;

    private String id;
    private UserRow user;
    private UserForm form;
    private String lockedReason;
    private boolean confirmDeactivate;
    private ConsoleUserView consoleLogin;
    private List<GroupRow> groups = List.of();

    /** f:viewAction: loads the user named by the id parameter. */
    public void load() {
        if (user == null && !reload()) {
            com.rollcall.console.NotFound.send();
        }
    }

    private boolean reload() {
        user = directory.find(session.enterpriseId(), id).orElse(null);
        if (user == null) {
            return false;
        }
        ProvisioningMode mode = enterprises.find(session.enterpriseId()).orElseThrow().provisioningMode();
        lockedReason = ManualUserService.lockedReason(user.source(), mode).orElse(null);
        form = UserForm.of(users.get(session.enterpriseId(), user.scimId(), session.scimBaseUrl()));
        consoleLogin = people.loginOf(session.enterpriseId(), directory.emailKeys(session.enterpriseId(), user.scimId()))
                .orElse(null);
        groups = groupDirectory.groupsOfUser(session.enterpriseId(), user.scimId());
        return true;
    }

    public void save() {
        String version = Preconditions.etag(user.version());
        ManualUserService.ManualEdit edit = Feedback.attempt(() -> manual.edit(session.actor(), user.scimId(), version,
                form.applyTo(users.get(session.enterpriseId(), user.scimId(), session.scimBaseUrl())),
                session.scimBaseUrl()));
        if (edit != null) {
            reload();
            Feedback.info("Changes saved.");
            if (edit.mayBeOverwrittenByIdp()) {
                Feedback.warn("This user comes from your identity provider: its next sync may overwrite these changes.");
            }
        }
    }

    public void askDeactivate() {
        confirmDeactivate = true;
    }

    public void cancelDeactivate() {
        confirmDeactivate = false;
    }

    public void deactivate() {
        confirmDeactivate = false;
        setActive(false);
    }

    public void reactivate() {
        setActive(true);
    }

    private void setActive(boolean active) {
        String version = Preconditions.etag(user.version());
        ManualUserService.ManualEdit edit = Feedback.attempt(
                () -> manual.setActive(session.actor(), user.scimId(), version, active, session.scimBaseUrl()));
        reload();
        if (edit != null) {
            Feedback.info(active ? "User reactivated: it holds a license again." : "User deactivated: its license is free; "
                    + "its data and group memberships are kept.");
        }
    }

    /** The console login linked to this user by email (null when none): disabled when the IdP deactivates the user. */
    public ConsoleUserView getConsoleLogin() { return consoleLogin; }

    /** The groups the user belongs to, by name, with their mappings in words. */
    public List<GroupRow> getGroups() { return groups; }
    public boolean isFound() { return user != null; }
    public boolean isEditable() { return user != null && lockedReason == null; }
    public boolean isAtRisk() { return isEditable() && user.source() == UserSource.SCIM; }
    public String getLockedReason() { return lockedReason; }
    public UserRow getUser() { return user; }
    public UserForm getForm() { return form; }
    public boolean isConfirmDeactivate() { return confirmDeactivate; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
