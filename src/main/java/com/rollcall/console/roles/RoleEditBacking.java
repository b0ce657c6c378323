package com.rollcall.console.roles;

import com.rollcall.submissions.FormSubmissionService;
import com.rollcall.submissions.FormSubmissionService.Submitted;
import com.rollcall.console.Submission;
import com.rollcall.access.RoleService.RoleInput;
import com.rollcall.access.RoleService;
import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.roles.Permission;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.roles.RoleScope;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * /console/roles/edit.xhtml (?id=ROLE to edit, none to create): a custom role's name, scope, permissions
 * and flags, with the power score recomputed (by the role-priority matrix) as permissions are ticked.
 * Built-in roles open read-only.
 */
@Named
@ViewScoped
public class RoleEditBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    private String submission = Submission.fresh();

    @Inject
    private FormSubmissionService submissions;

    /** The create form's one-time submission token ({@link Submission}). */
    public String getSubmission() {
        return submission;
    }

    @Inject
    private RoleService roles;

    @Inject
    private ConsoleSession session;


    private Long id;
    private boolean found = true;
    private String idText;
    private boolean builtIn;
    private String name;
    private RoleScope scope = RoleScope.SUB_ACCOUNT;
    private List<String> permissions = new ArrayList<>();
    private boolean groupManager;
    private boolean fullAccess;
    private int version;

    /** f:viewAction: no id is a new role; an id that names no role of the enterprise (or is no number) is the 404. */
    public void open() {
        if (idText == null || idText.isBlank()) {
            return;
        }
        id = com.rollcall.console.NotFound.number(idText);
        RoleDefinition role = id == null ? null : roles.roles(session.enterpriseId()).stream()
                .filter(r -> r.id() == id).findFirst().orElse(null);
        if (role == null) {
            found = false;
            com.rollcall.console.NotFound.send();
            return;
        }
        builtIn = role.builtIn();
        version = builtIn ? 0 : roles.version(session.enterpriseId(), id);
        name = role.name();
        scope = role.scope();
        permissions = new ArrayList<>(role.permissions().stream().map(Permission::name).toList());
        groupManager = role.groupManager();
        fullAccess = role.fullAccess();
    }

    /** The role as currently edited, for the score: unknown codes are ignored. */
    private RoleDefinition draft() {
        return RoleDefinition.custom(id == null ? 0 : id, name == null || name.isBlank() ? "draft" : name, scope,
                selected(), groupManager && scope == RoleScope.ENTERPRISE, fullAccess && scope == RoleScope.ENTERPRISE);
    }

    private Set<Permission> selected() {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        for (String code : permissions == null ? List.<String>of() : permissions) {
            Arrays.stream(Permission.values()).filter(p -> p.name().equals(code)).findFirst().ifPresent(set::add);
        }
        return set;
    }

    /** The live power score of the role being edited. */
    public int getScore() {
        return RolePriorityMatrix.score(draft());
    }

    /** How the score is made up, e.g. "100 + 40 − 10 (Group Manager) = 130". */
    public String getBreakdown() {
        return RolePriorityMatrix.breakdown(draft());
    }

    /**
     * Ajax: the scope changed; the flags and the enterprise-wide permissions only exist on enterprise roles (a
     * sub-account role acts in one sub-account).
     */
    public void scopeChanged() {
        if (scope != RoleScope.ENTERPRISE) {
            groupManager = false;
            fullAccess = false;
            permissions.removeIf(code -> Arrays.stream(Permission.values())
                    .anyMatch(p -> p.enterpriseWide() && p.name().equals(code)));
        }
    }

    /** Ajax render hook: nothing to do, the score is computed on render. */
    public void recompute() {
    }

    public void save() {
        if (builtIn) {
            Feedback.error("'" + name + "' is a built-in role: it cannot be changed.");
            return;
        }
        if (!found) {
            Feedback.error("This role no longer exists.");
            return;
        }
        if (selected().isEmpty()) {
            Feedback.fieldError("role-form:permissions", "Tick at least one permission.");
            return;
        }
        if (scope == RoleScope.SUB_ACCOUNT && selected().stream().anyMatch(Permission::enterpriseWide)) {
            Feedback.fieldError("role-form:permissions", "A sub-account role cannot grant enterprise-wide permissions: "
                    + "make it an enterprise role, or leave them out.");
            return;
        }
        RoleInput input = new RoleInput(name == null ? "" : name.trim(), scope, selected(),
                groupManager && scope == RoleScope.ENTERPRISE, fullAccess && scope == RoleScope.ENTERPRISE);
        Submitted done = Feedback.attempt("role-form:name", () -> id == null
                ? submissions.once(session.actor(), "role", Submission.sent(), () -> {
                    RoleDefinition created = roles.create(session.actor(), input);
                    return Submission.outcome(created.name(), RolePriorityMatrix.score(created));
                })
                : edited(roles.edit(session.actor(), id, version, input)));
        if (done != null) {
            List<String> outcome = Submission.parts(done.outcome());
            submission = Submission.fresh();
            Feedback.info((id == null ? "Created" : "Saved") + " the role '" + outcome.get(0) + "' (score "
                    + outcome.get(1) + ")." + (done.replayed() ? Submission.TWICE : ""));
            Feedback.keepForRedirect();
            try {
                FacesContext.getCurrentInstance().getExternalContext().redirect(
                        FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                        + "/console/roles/list.xhtml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An edit is not a creation: sending it twice saves the same values twice (the version check refuses a stale one). */
    private static Submitted edited(RoleDefinition saved) {
        return new Submitted(Submission.outcome(saved.name(), RolePriorityMatrix.score(saved)), false, null);
    }

    /** The enterprise-wide permissions to tick, with their weights: enterprise roles only. */
    public List<Permission> getEnterprisePermissions() {
        return scope == RoleScope.ENTERPRISE
                ? Arrays.stream(Permission.values()).filter(Permission::enterpriseWide).toList() : List.of();
    }

    public List<Permission> getSubAccountPermissions() {
        return Arrays.stream(Permission.values()).filter(p -> !p.enterpriseWide()).toList();
    }

    public RoleScope[] getScopes() {
        return RoleScope.values();
    }

    public boolean isEnterpriseScope() {
        return scope == RoleScope.ENTERPRISE;
    }

    public boolean isCreating() {
        return id == null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    /** The id as the address gives it (any text: a bad one is the 404, not a conversion message). */
    public String getIdText() { return idText; }
    public void setIdText(String idText) { this.idText = idText; }
    public boolean isFound() { return found; }
    public boolean isBuiltIn() { return builtIn; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public RoleScope getScope() { return scope; }
    public void setScope(RoleScope scope) { this.scope = scope == null ? RoleScope.SUB_ACCOUNT : scope; }
    public List<String> getPermissions() { return permissions; }
    public void setPermissions(List<String> permissions) {
        this.permissions = permissions == null ? new ArrayList<>() : new ArrayList<>(permissions);
    }
    public boolean isGroupManager() { return groupManager; }
    public void setGroupManager(boolean groupManager) { this.groupManager = groupManager; }
    public boolean isFullAccess() { return fullAccess; }
    public void setFullAccess(boolean fullAccess) { this.fullAccess = fullAccess; }
}
