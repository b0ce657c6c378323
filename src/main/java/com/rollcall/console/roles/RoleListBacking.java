package com.rollcall.console.roles;

import com.rollcall.access.RoleService;
import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.roles.Permission;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.roles.RoleScope;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * /console/roles/list.xhtml: built-in roles (read-only) and the enterprise's custom roles with their
 * permissions, flags and power score; deleting a custom role (refused, with the groups named, while it is
 * mapped); and the role-priority matrix as a table.
 */
@Named
@ViewScoped
public class RoleListBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A role as the list shows it. */
    public record RoleRow(long id, String name, boolean builtIn, String scope, int score, String breakdown,
            String flags, List<String> permissions, Set<Permission> granted) implements Serializable {
        /** True when the role grants the permission (for the matrix). */
        public boolean grants(Permission permission) {
            return granted.contains(permission);
        }
    }


    @Inject
    private RoleService roleService;

    @Inject
    private ConsoleSession session;

    private List<RoleRow> builtIn = List.of();
    private List<RoleRow> custom = List.of();
    private List<RoleRow> allRoles = List.of();
    private RoleRow deleting;

    @PostConstruct
    void open() {
        load();
    }

    private void load() {
        List<RoleRow> all = roleService.roles(session.enterpriseId()).stream()
                .sorted(RolePriorityMatrix.PRIORITY).map(RoleListBacking::row).toList();
        builtIn = all.stream().filter(RoleRow::builtIn).toList();
        custom = all.stream().filter(r -> !r.builtIn()).toList();
        allRoles = Stream.concat(builtIn.stream(), custom.stream()).sorted(Comparator.comparingInt(RoleRow::score).reversed()
                .thenComparing(RoleRow::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    static RoleRow row(RoleDefinition role) {
        return new RoleRow(role.id(), role.name(), role.builtIn(), scopeLabel(role.scope()), RolePriorityMatrix.score(role),
                RolePriorityMatrix.breakdown(role), flags(role),
                role.permissions().stream().map(Permission::label).toList(),
                role.permissions().isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(role.permissions()));
    }

    static String scopeLabel(RoleScope scope) {
        return scope == RoleScope.ENTERPRISE ? "Enterprise" : "Sub-account";
    }

    static String flags(RoleDefinition role) {
        List<String> flags = new java.util.ArrayList<>();
        if (role.groupManager()) {
            flags.add("Group Manager");
        }
        if (role.fullAccess()) {
            flags.add("Full access to all sub-accounts");
        }
        if (!role.consumesLicense()) {
            flags.add("Consumes no license");
        }
        return flags.isEmpty() ? "—" : String.join(", ", flags);
    }

    public void askDelete(long roleId) {
        deleting = custom.stream().filter(r -> r.id() == roleId).findFirst().orElse(null);
    }

    public void cancelDelete() {
        deleting = null;
    }

    public void confirmDelete() {
        if (deleting == null) {
            return;
        }
        RoleRow row = deleting;
        deleting = null;
        if (Feedback.attempt(() -> roleService.delete(session.actor(), row.id()))) {
            Feedback.info("Deleted the role '" + row.name() + "'.");
        }
        load();
    }

    /** The custom role whose deletion is being confirmed; null otherwise. */
    public RoleRow getDeletingRow() {
        return deleting;
    }

    /** Every permission, enterprise-wide first, heaviest first: the matrix's rows. */
    public List<Permission> getPermissions() {
        return Arrays.stream(Permission.values()).toList();
    }

    /** Every role, highest score first: the matrix's columns. */
    public List<RoleRow> getAllRoles() {
        return allRoles;
    }

    public String getFormula() {
        return "power score = the sum of the weights of the role's permissions − " + RolePriorityMatrix.GROUP_MANAGER_PENALTY
                + " for an enterprise role flagged Group Manager";
    }

    public String permissionsOf(RoleRow row) {
        return row.permissions().stream().collect(Collectors.joining(", "));
    }

    public List<RoleRow> getBuiltIn() { return builtIn; }
    public List<RoleRow> getCustom() { return custom; }
}
