package com.rollcall.roles;

import static com.rollcall.roles.Permission.*;

import java.util.EnumSet;
import java.util.List;

/**
 * The built-in roles of V3__builtin_roles.sql as {@link RoleDefinition}s (ids here are
 * placeholders; the database assigns the real ones). Kept in step with the migration by
 * RolePriorityMatrixTest.
 */
public final class BuiltInRoles {
    public static final RoleDefinition ENTERPRISE_ADMIN = new RoleDefinition(1, "Enterprise Admin", RoleScope.ENTERPRISE,
            EnumSet.allOf(Permission.class), false, true, true, true, "ENTERPRISE_ADMIN");
    public static final RoleDefinition INTEGRATIONS_MANAGER = new RoleDefinition(2, "Enterprise Integrations Manager",
            RoleScope.ENTERPRISE, EnumSet.of(MANAGE_API_CLIENTS), false, false, false, true, "INTEGRATIONS_MANAGER");
    public static final RoleDefinition ENTERPRISE_GROUP_MANAGER = new RoleDefinition(3, "Enterprise Group Manager",
            RoleScope.ENTERPRISE, EnumSet.of(MANAGE_GROUPS, EDIT_CONTENT, CREATE_CONTENT, VIEW_REPORTS),
            true, false, true, true, "ENTERPRISE_GROUP_MANAGER");
    public static final RoleDefinition ACCOUNT_ADMINISTRATOR = new RoleDefinition(4, "Account Administrator",
            RoleScope.SUB_ACCOUNT, EnumSet.of(MANAGE_ACCOUNT_SETTINGS, PUBLISH_CONTENT, EDIT_CONTENT, CREATE_CONTENT,
                    MANAGE_AUDIENCES, VIEW_REPORTS), false, false, true, true, "ACCOUNT_ADMINISTRATOR");
    public static final RoleDefinition EDITOR = new RoleDefinition(5, "Editor", RoleScope.SUB_ACCOUNT,
            EnumSet.of(PUBLISH_CONTENT, EDIT_CONTENT, CREATE_CONTENT, VIEW_REPORTS), false, false, true, true, "EDITOR");
    public static final RoleDefinition CONTRIBUTOR = new RoleDefinition(6, "Contributor", RoleScope.SUB_ACCOUNT,
            EnumSet.of(CREATE_CONTENT, VIEW_REPORTS), false, false, true, true, "CONTRIBUTOR");
    public static final RoleDefinition REPORTS_ONLY = new RoleDefinition(7, "Reports Only", RoleScope.SUB_ACCOUNT,
            EnumSet.of(VIEW_REPORTS), false, false, true, true, "REPORTS_ONLY");

    public static final List<RoleDefinition> ALL = List.of(ENTERPRISE_ADMIN, INTEGRATIONS_MANAGER,
            ENTERPRISE_GROUP_MANAGER, ACCOUNT_ADMINISTRATOR, EDITOR, CONTRIBUTOR, REPORTS_ONLY);

    private BuiltInRoles() {
    }
}
