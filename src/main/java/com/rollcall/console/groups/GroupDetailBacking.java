package com.rollcall.console.groups;

import com.rollcall.console.access.ConsoleActions;
import com.rollcall.groups.GroupDirectoryService;
import com.rollcall.groups.GroupDirectoryService.GroupSummary;
import com.rollcall.groups.GroupDirectoryService.MemberRow;
import com.rollcall.groups.GroupDirectoryService.Page;
import com.rollcall.roles.AccessService;
import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.roles.RoleScope;
import com.rollcall.roles.SubAccount;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * /console/groups/detail.xhtml?id=GROUP: the group's members (paged) and the mapping editor — add a
 * mapping (enterprise level or a sub-account, with a role of the matching scope) or remove one, each
 * with a preview of how many users it touches.
 */
@Named
@ViewScoped
public class GroupDetailBacking implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;
    /** The value of the "where" choice that means the enterprise level. */
    public static final String ENTERPRISE_LEVEL = "enterprise";

    /** A mapping as the editor lists it. */
    public record MappingRow(long id, Long subAccountId, String subAccountName, long roleId, String roleName, int score) implements Serializable {
        public String where() {
            return subAccountId == null ? "Enterprise level (every sub-account)" : subAccountName;
        }
    }

    /** A choice in a select: value and label. */
    public record Choice(String value, String label) implements Serializable {
    }

    /** A role in the role select. */
    public record RoleChoice(long id, String label) implements Serializable {
    }

    /** A mappable role, in priority order. */
    record RoleOption(long id, String name, RoleScope scope, int score) implements Serializable {
    }

    @Inject
    private transient GroupDirectoryService directory;

    @Inject
    private transient AccessService access;

    @Inject
    private transient ConsoleActions actions;

    private String id;
    private GroupSummary group;
    private int offset;
    private Page<MemberRow> members;
    private List<MappingRow> mappings = List.of();
    private List<Choice> levels = List.of();
    private List<RoleOption> roles = List.of();

    private String level = ENTERPRISE_LEVEL;
    private Long roleId;
    private Long removing;

    /** f:viewAction: admins only; an unknown group shows a not-found state, not an error page. */
    public void open() {
        if (!actions.requireAdmin()) {
            return;
        }
        group = directory.group(actions.enterpriseId(), id).orElse(null);
        if (group != null) {
            loadMembers();
            loadMappings();
            List<Choice> choices = new ArrayList<>();
            choices.add(new Choice(ENTERPRISE_LEVEL, "Enterprise level (every sub-account)"));
            for (SubAccount subAccount : access.subAccounts(actions.enterpriseId())) {
                choices.add(new Choice(subAccount.id().toString(), subAccount.name()));
            }
            levels = choices;
            roles = access.roles(actions.enterpriseId()).stream().sorted(RolePriorityMatrix.PRIORITY)
                    .map(r -> new RoleOption(r.id(), r.name(), r.scope(), RolePriorityMatrix.score(r))).toList();
        }
    }

    private void loadMembers() {
        members = directory.members(actions.enterpriseId(), id, offset, PAGE_SIZE);
    }

    private void loadMappings() {
        List<MappingRow> rows = new ArrayList<>();
        for (JsonObject m : access.mappings(actions.enterpriseId(), id)) {
            JsonObject role = m.getJsonObject("role");
            boolean enterprise = m.isNull("subAccount");
            rows.add(new MappingRow(m.getJsonNumber("id").longValue(),
                    enterprise ? null : m.getJsonObject("subAccount").getJsonNumber("id").longValue(),
                    enterprise ? null : m.getJsonObject("subAccount").getString("name"),
                    role.getJsonNumber("id").longValue(), role.getString("name"), role.getInt("score")));
        }
        mappings = rows;
    }

    /** The roles that can be mapped at the chosen level: enterprise roles at the enterprise level, else sub-account roles. */
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
    }

    /** What adding the chosen mapping would touch, in plain words (empty until a role is chosen). */
    public String getAddPreview() {
        if (roleId == null || group == null) {
            return "";
        }
        return previewText(group.userMembers(), true);
    }

    /** What removing the mapping being confirmed would touch. */
    public String getRemovePreview() {
        return group == null || removing == null ? "" : previewText(group.userMembers(), false);
    }

    private static String previewText(long members, boolean adding) {
        if (members == 0) {
            return "The group has no members yet: no user's effective role changes now.";
        }
        return (adding ? "Adding" : "Removing") + " this mapping re-evaluates the effective roles of the group's "
                + String.format(java.util.Locale.ROOT, "%,d", members) + (members == 1 ? " member." : " members.");
    }

    public void addMapping() {
        if (roleId == null) {
            actions.error("mapping-form:role", "Choose a role.");
            return;
        }
        Long subAccountId;
        try {
            subAccountId = ENTERPRISE_LEVEL.equals(level) ? null : Long.valueOf(level);
        } catch (NumberFormatException e) {
            actions.error("mapping-form:level", "Choose the enterprise level or a sub-account.");
            return;
        }
        String roleName = roles.stream().filter(r -> r.id() == roleId).map(RoleOption::name).findFirst().orElse("the role");
        Long created = actions.attempt("mapping-form:role",
                () -> access.addMapping(actions.actor(), id, subAccountId, roleId));
        if (created != null) {
            actions.info("Mapped the group to " + roleName + (subAccountId == null ? " at the enterprise level."
                    : " in " + levels.stream().filter(c -> c.value().equals(level)).findFirst().map(Choice::label)
                            .orElse("the sub-account") + "."));
            roleId = null;
            loadMappings();
        }
    }

    public void askRemove(long mappingId) {
        removing = mappingId;
    }

    public void cancelRemove() {
        removing = null;
    }

    public void confirmRemove() {
        if (removing == null) {
            return;
        }
        MappingRow row = mappings.stream().filter(m -> m.id() == removing).findFirst().orElse(null);
        long mappingId = removing;
        removing = null;
        if (actions.attempt(null, () -> access.removeMapping(actions.actor(), id, mappingId))) {
            actions.info(row == null ? "Mapping removed." : "Removed the mapping to " + row.roleName() + " ("
                    + row.where() + ").");
        }
        loadMappings();
    }

    public MappingRow getRemovingRow() {
        return removing == null ? null : mappings.stream().filter(m -> m.id() == removing).findFirst().orElse(null);
    }

    public void nextMembers() {
        if (getHasNextMembers()) {
            offset += PAGE_SIZE;
            loadMembers();
        }
    }

    public void previousMembers() {
        offset = Math.max(0, offset - PAGE_SIZE);
        loadMembers();
    }

    public void firstMembers() {
        offset = 0;
        loadMembers();
    }

    public boolean getHasNextMembers() { return members != null && offset + PAGE_SIZE < members.total(); }
    public boolean getHasPreviousMembers() { return offset > 0; }
    public String getMembersRange() { return Paging.range(members); }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public GroupSummary getGroup() { return group; }
    public Page<MemberRow> getMembers() { return members; }
    public List<MappingRow> getMappings() { return mappings; }
    public List<Choice> getLevels() { return levels; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public Long getRoleId() { return roleId; }
    public void setRoleId(Long roleId) { this.roleId = roleId; }
    public Long getRemoving() { return removing; }
}
