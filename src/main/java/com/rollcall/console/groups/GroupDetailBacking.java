package com.rollcall.console.groups;

import com.rollcall.submissions.FormSubmissionService;
import com.rollcall.submissions.FormSubmissionService.Submitted;
import com.rollcall.console.Submission;
import com.rollcall.access.DeletedGroupService;
import com.rollcall.access.MappingChange;
import com.rollcall.access.MappingPreview;
import com.rollcall.access.MappingService;
import com.rollcall.access.MappingView;
import com.rollcall.access.RemapJobView;
import com.rollcall.access.RoleService;
import com.rollcall.access.SubAccountService;
import com.rollcall.access.SubAccountView;
import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.console.Pager;
import com.rollcall.groups.GroupDirectoryService.GroupSummary;
import com.rollcall.groups.GroupDirectoryService.MemberRow;
import com.rollcall.groups.GroupDirectoryService;
import com.rollcall.remap.RemapJobService;
import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.roles.RoleScope;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * /console/groups/detail.xhtml?id=GROUP: the group's members (paged) and the mapping editor — add a
 * mapping (enterprise level or a sub-account, with a role of the matching scope) or remove one, each with
 * a preview of how many users' effective roles change. Changes on large groups run as a background remap
 * job whose progress the page follows.
 */
@Named
@ViewScoped
public class GroupDetailBacking implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;
    /** The value of the "where" choice that means the enterprise level. */
    public static final String ENTERPRISE_LEVEL = "enterprise";

    /** A mapping as the editor lists it. */
    public record MappingRow(long id, Long subAccountId, String subAccountName, long roleId, String roleName, int score)
            implements Serializable {
        public String where() {
            return subAccountId == null ? "Enterprise level (every sub-account)" : subAccountName;
        }
    }

    /** A choice in the "where" select. */
    public record Choice(String value, String label) implements Serializable {
    }

    /** A role in the role select. */
    public record RoleChoice(long id, String label) implements Serializable {
    }

    /** A mappable role, in priority order. */
    record RoleOption(long id, String name, RoleScope scope, int score) implements Serializable {
    }

    private String submission = Submission.fresh();

    @Inject
    private FormSubmissionService submissions;

    /** The create form's one-time submission token ({@link Submission}). */
    public String getSubmission() {
        return submission;
    }

    @Inject
    private GroupDirectoryService directory;

    @Inject
    private MappingService mappingService;

    @Inject
    private RoleService roleService;

    @Inject
    private SubAccountService subAccountService;

    @Inject
    private RemapJobService remapJobs;

    @Inject
    private DeletedGroupService deletedGroups;

    @Inject
    private ConsoleSession session;

    private String id;
    private GroupSummary group;
    private boolean deletedByIdp;
    private final Pager pager = new Pager(PAGE_SIZE, this::loadMembers);
    private List<MemberRow> members = List.of();
    private List<MappingRow> mappings = List.of();
    private List<Choice> levels = List.of();
    private List<RoleOption> roles = List.of();
    private Long jobId;
    private RemapJobView job;

    private String level = ENTERPRISE_LEVEL;
    private Long roleId;
    private MappingRow removing;
    private String addPreview = "";
    private String removePreview = "";

    /** f:viewAction: an unknown group shows a not-found state, not an error page. */
    public void open() {
        group = directory.group(session.enterpriseId(), id).orElse(null);
        if (group == null) {
            deletedByIdp = deletedGroups.deletedGroup(session.enterpriseId(), id).isPresent();
            if (!deletedByIdp) {
                com.rollcall.console.NotFound.send();
            }
            return;
        }
        loadMembers();
        loadMappings();
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(ENTERPRISE_LEVEL, "Enterprise level (every sub-account)"));
        for (SubAccountView subAccount : subAccountService.subAccounts(session.enterpriseId())) {
            choices.add(new Choice(Long.toString(subAccount.id()), subAccount.name()));
        }
        levels = choices;
        roles = roleService.roles(session.enterpriseId()).stream().sorted(RolePriorityMatrix.PRIORITY)
                .map(r -> new RoleOption(r.id(), r.name(), r.scope(), RolePriorityMatrix.score(r))).toList();
        job = remapJobs.recent(session.enterpriseId(), id).stream().findFirst().orElse(null);
        jobId = job == null ? null : job.id();
    }

    private void loadMembers() {
        var page = directory.members(session.enterpriseId(), id, pager.start() - 1, PAGE_SIZE);
        members = page.rows();
        pager.total(page.total());
    }

    private void loadMappings() {
        List<MappingRow> rows = new ArrayList<>();
        for (MappingView m : mappingService.mappings(session.enterpriseId(), id)) {
            rows.add(new MappingRow(m.id(), m.enterpriseLevel() ? null : m.subAccount().id(),
                    m.enterpriseLevel() ? null : m.subAccount().name(), m.role().id(), m.role().name(),
                    RolePriorityMatrix.score(m.role())));
        }
        mappings = rows;
    }

    /** The roles mappable at the chosen level: enterprise roles at the enterprise level, else sub-account roles. */
    public List<RoleChoice> getRoleChoices() {
        RoleScope scope = ENTERPRISE_LEVEL.equals(level) ? RoleScope.ENTERPRISE : RoleScope.SUB_ACCOUNT;
        return roles.stream().filter(r -> r.scope() == scope)
                .map(r -> new RoleChoice(r.id(), r.name() + " (score " + r.score() + ")"))
                .toList();
    }

    /** Ajax: the level changed, so the role list changes; a role of the other scope is dropped. */
    public void levelChanged() {
        if (roleId != null && getRoleChoices().stream().noneMatch(c -> c.id() == roleId.longValue())) {
            roleId = null;
        }
        previewAdd();
    }

    /** Ajax: another role was chosen. */
    public void roleChanged() {
        previewAdd();
    }

    private Long subAccountId() {
        if (level == null || ENTERPRISE_LEVEL.equals(level)) {
            return null;
        }
        try {
            return Long.valueOf(level);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Computes what adding the chosen mapping would change (empty until a role is chosen). */
    private void previewAdd() {
        addPreview = roleId == null || group == null ? "" : preview(subAccountId(), roleId, true);
    }

    /** What the change would do, in plain words; empty (after a message) when the service refused to tell. */
    private String preview(Long subAccountId, long roleId, boolean adding) {
        MappingPreview preview = Feedback.attempt(
                () -> mappingService.previewMappingChange(session.enterpriseId(), id, subAccountId, roleId, adding));
        return preview == null ? "" : previewText(preview, adding);
    }

    /** How many role changes the page names before "and more". */
    static final int SHOWN_CHANGES = 10;

    static String previewText(MappingPreview preview, boolean adding) {
        String verb = adding ? "Adding" : "Removing";
        if (preview.groupMembers() == 0) {
            return "The group has no members yet: no user's effective role changes now.";
        }
        String text;
        if (preview.exact()) {
            text = preview.usersWhoseRoleChanges() == 0
                    ? verb + " this mapping changes no user's effective role (the group's " + number(preview.groupMembers())
                            + " members keep a role that wins anyway)."
                    : verb + " this mapping changes the effective role of " + users(preview.usersWhoseRoleChanges())
                            + " of the group's " + number(preview.groupMembers()) + " members.";
        } else {
            text = verb + " this mapping may change the effective role of up to " + users(preview.groupMembers())
                    + " (too many members to simulate).";
        }
        if (preview.exact() && (preview.seatsTaken() > 0 || preview.seatsFreed() > 0)) {
            text += " It " + (preview.seatsTaken() > 0 ? "takes " + licenses(preview.seatsTaken()) : "")
                    + (preview.seatsTaken() > 0 && preview.seatsFreed() > 0 ? " and " : "")
                    + (preview.seatsFreed() > 0 ? "frees " + licenses(preview.seatsFreed()) : "")
                    + " (" + number(preview.seatsFree()) + " free now).";
        }
        if (preview.licenseShortfall() > 0) {
            text += " That is " + licenses(preview.licenseShortfall()) + " more than are free: the change would be "
                    + "refused. Free licenses or ask for more first.";
        }
        if (!preview.changes().isEmpty()) {
            text += " " + preview.changes().stream().limit(SHOWN_CHANGES).map(MappingPreview.RoleChange::describe)
                    .collect(java.util.stream.Collectors.joining("; ")) + (preview.usersWhoseRoleChanges() > SHOWN_CHANGES
                            || preview.changes().size() > SHOWN_CHANGES ? "; and more." : ".");
        }
        return preview.runsInBackground() ? text + " The group is large: the change runs in the background and this page "
                + "shows its progress." : text;
    }

    private static String licenses(long n) {
        return com.rollcall.platform.text.Plural.count(n, "license");
    }

    private static String users(long n) {
        return com.rollcall.platform.text.Plural.count(n, "user");
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public void addMapping() {
        if (roleId == null) {
            Feedback.fieldError("mapping-form:role", "Choose a role.");
            return;
        }
        Long subAccountId = subAccountId();
        if (subAccountId == null && !ENTERPRISE_LEVEL.equals(level)) {
            Feedback.fieldError("mapping-form:level", "Choose the enterprise level or a sub-account.");
            return;
        }
        String roleName = roles.stream().filter(r -> r.id() == roleId).map(RoleOption::name).findFirst().orElse("the role");
        String where = subAccountId == null ? "at the enterprise level" : "in " + levels.stream()
                .filter(c -> c.value().equals(level)).findFirst().map(Choice::label).orElse("the sub-account");
        Submitted done = Feedback.attempt("mapping-form:role", () -> submissions.once(session.actor(), "mapping",
                Submission.sent(), () -> {
                    MappingChange added = mappingService.addMapping(session.actor(), id, subAccountId, roleId);
                    return Submission.outcome(added.mappingId(), added.remapJobId(), added.usersChanged());
                }));
        if (done != null) {
            List<String> outcome = Submission.parts(done.outcome());
            MappingChange change = new MappingChange(Long.parseLong(outcome.get(0)),
                    outcome.get(1).isEmpty() ? null : Long.valueOf(outcome.get(1)), Integer.parseInt(outcome.get(2)));
            roleId = null;
            submission = Submission.fresh();
            changed(change, "Mapped the group to " + roleName + " " + where + "."
                    + (done.replayed() ? Submission.TWICE : ""));
        }
    }

    public void askRemove(long mappingId) {
        removing = mappings.stream().filter(m -> m.id() == mappingId).findFirst().orElse(null);
        removePreview = removing == null ? "" : preview(removing.subAccountId(), removing.roleId(), false);
    }

    public void cancelRemove() {
        removing = null;
        removePreview = "";
    }

    public void confirmRemove() {
        if (removing == null) {
            return;
        }
        MappingRow row = removing;
        removing = null;
        removePreview = "";
        MappingChange change = Feedback.attempt(() -> mappingService.removeMapping(session.actor(), id, row.id()));
        if (change != null) {
            changed(change, "Removed the mapping to " + row.roleName() + " (" + row.where() + ").");
        } else {
            loadMappings();
        }
    }

    private void changed(MappingChange change, String what) {
        loadMappings();
        previewAdd();
        if (change.remapJobId() != null) {
            jobId = change.remapJobId();
            refreshJob();
            Feedback.info(what + " The group is large: its members' effective roles are being updated in the background.");
        } else {
            Feedback.info(what + " " + (change.usersChanged() == 0 ? "No user's effective role changed."
                    : "The effective role of " + users(change.usersChanged()) + " changed."));
        }
    }

    /** Ajax poll while a remap job runs: reads the job again. */
    public void refreshJob() {
        job = jobId == null ? null : remapJobs.find(session.enterpriseId(), jobId).orElse(null);
    }

    /** The group's latest remap job, as last read (on opening, after a change, after each poll); null when none. */
    public RemapJobView getJob() {
        return job;
    }

    public boolean isJobRunning() {
        return job != null && !job.finished();
    }

    /** The job's state in words, e.g. "Updating effective roles: 600 of 1,200 members (50%)". */
    public String getJobText() {
        if (job == null) {
            return "";
        }
        return switch (job.status()) {
            case "QUEUED" -> "Waiting to start: " + number(job.total()) + " members to update.";
            case "RUNNING" -> "Updating effective roles: " + number(job.processed()) + " of " + number(job.total())
                    + " members (" + job.percent() + "%).";
            case "DONE" -> "Done: " + number(job.processed()) + " members checked, " + users(job.changed())
                    + " with a changed effective role" + (job.unlicensed() > 0 ? "; " + users(job.unlicensed())
                    + " could not get a licensed role because the license limit is reached" : "") + ".";
            case "FAILED" -> "The update failed" + (job.message() == null ? "" : ": " + job.message())
                    + ". Change the mapping again to retry.";
            default -> job.status();
        };
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public GroupSummary getGroup() { return group; }
    public boolean isDeletedByIdp() { return deletedByIdp; }
    public List<MemberRow> getMembers() { return members; }
    public Pager getPager() { return pager; }
    public List<MappingRow> getMappings() { return mappings; }
    public List<Choice> getLevels() { return levels; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public Long getRoleId() { return roleId; }
    public void setRoleId(Long roleId) { this.roleId = roleId; }
    public MappingRow getRemoving() { return removing; }
    public String getAddPreview() { return addPreview; }
    public String getRemovePreview() { return removePreview; }
}
