package com.rollcall.roles;

/**
 * The permissions a role can grant, each with its weight in the role-priority matrix
 * (see {@link RolePriorityMatrix}).
 *
 * <p>Why these weights:
 * <ul>
 *   <li>Every weight is a <b>multiple of 20</b>. Two permission sums therefore either are equal
 *       or differ by at least 20, so the Group Manager penalty (−10) can never outweigh a real
 *       difference in permissions: it only decides between roles whose permission sums are equal
 *       ("otherwise identical", PRODUCT.md rule 8).</li>
 *   <li><b>Enterprise-wide</b> permissions weigh more than sub-account ones: they act on every
 *       sub-account. Within each group the order is administration &gt; publishing &gt; editing
 *       &gt; creating &gt; viewing.</li>
 *   <li>The built-in roles' permission sets are nested (Reports Only ⊂ Contributor ⊂ Editor ⊂
 *       Account Administrator ⊂ Enterprise Admin), so any positive weights order them; these give
 *       Enterprise Admin 960 &gt; Account Administrator 260 &gt; Editor 140 &gt; Contributor 40
 *       &gt; Reports Only 20.</li>
 * </ul>
 * The weights live in code, not in the database (V3__builtin_roles.sql stores only the codes).
 */
public enum Permission {
    MANAGE_ENTERPRISE_SETTINGS(200, true, "Manage enterprise settings"),
    MANAGE_ROLES(160, true, "Manage roles"),
    MANAGE_USERS(120, true, "Manage users"),
    MANAGE_GROUPS(100, true, "Manage user groups"),
    MANAGE_API_CLIENTS(80, true, "Manage API clients"),
    VIEW_AUDIT_LOG(40, true, "View the audit log"),
    MANAGE_ACCOUNT_SETTINGS(80, false, "Manage sub-account settings"),
    PUBLISH_CONTENT(60, false, "Publish content"),
    MANAGE_AUDIENCES(40, false, "Manage audiences"),
    EDIT_CONTENT(40, false, "Edit content"),
    CREATE_CONTENT(20, false, "Create content"),
    VIEW_REPORTS(20, false, "View reports");

    private final int weight;
    private final boolean enterpriseWide;
    private final String label;

    Permission(int weight, boolean enterpriseWide, String label) {
        this.weight = weight;
        this.enterpriseWide = enterpriseWide;
        this.label = label;
    }

    /** This permission's weight in a role's power score. */
    public int weight() {
        return weight;
    }

    /** True for permissions that act on the whole enterprise rather than on one sub-account. */
    public boolean enterpriseWide() {
        return enterpriseWide;
    }

    /** A human-readable label, for the console. */
    public String label() {
        return label;
    }
}
