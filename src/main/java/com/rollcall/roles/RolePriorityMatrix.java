package com.rollcall.roles;

import java.util.Comparator;
import java.util.Locale;

/**
 * The role-priority matrix: how a role's <b>power score</b> is derived from its permissions.
 *
 * <pre>
 *   score(role) = Σ weight(p) for every permission p the role grants
 *               − 10   if the role is an ENTERPRISE role flagged Group Manager
 * </pre>
 *
 * <ul>
 *   <li>The weights are in {@link Permission} and are all multiples of 20, so the −10 penalty only
 *       ever decides between roles whose permission sums are equal ("otherwise identical"); it
 *       never lets a role with fewer/lighter permissions beat a heavier one.</li>
 *   <li>"Full access to all sub-accounts" adds <b>no</b> weight: it says where a role applies,
 *       not what it may do. The FAQ case (two otherwise identical enterprise roles, one Group
 *       Manager, one full access → the full-access one wins) is decided by the −10 alone.</li>
 *   <li>The Group Manager flag on a sub-account role is ignored (only enterprise roles can be
 *       Group Managers).</li>
 *   <li>Equal scores are broken by {@link #BY_NAME}: the name first in case-insensitive,
 *       locale-independent order ({@link String#CASE_INSENSITIVE_ORDER}, which folds case
 *       character by character without a {@link java.util.Locale}), then by exact name, then by
 *       id, so the order is total and deterministic.</li>
 * </ul>
 * {@link #describe()} renders the same in plain words, for the console.
 */
public final class RolePriorityMatrix {
    /** Points taken off an enterprise Group Manager role. */
    public static final int GROUP_MANAGER_PENALTY = 10;

    /** The tie-break between equal scores: the name first alphabetically wins. */
    public static final Comparator<RoleDefinition> BY_NAME = Comparator
            .comparing(RoleDefinition::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(RoleDefinition::name)
            .thenComparingLong(RoleDefinition::id);

    /** Priority order: the winner first (highest score, then {@link #BY_NAME}). */
    public static final Comparator<RoleDefinition> PRIORITY = Comparator
            .comparingInt(RolePriorityMatrix::score).reversed()
            .thenComparing(BY_NAME);

    private RolePriorityMatrix() {
    }

    /** The role's power score (see the class comment for the formula). */
    public static int score(RoleDefinition role) {
        int sum = 0;
        for (Permission p : role.permissions()) {
            sum += p.weight();
        }
        return groupManagerPenaltyApplies(role) ? sum - GROUP_MANAGER_PENALTY : sum;
    }

    /** True when the −10 applies: an enterprise role flagged Group Manager. */
    public static boolean groupManagerPenaltyApplies(RoleDefinition role) {
        return role.groupManager() && role.scope() == RoleScope.ENTERPRISE;
    }

    /** How this role's score is made up, e.g. {@code "100 + 40 + 20 + 20 − 10 (Group Manager) = 170"}. */
    public static String breakdown(RoleDefinition role) {
        StringBuilder sb = new StringBuilder();
        for (Permission p : role.permissions()) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append(p.weight());
        }
        if (sb.length() == 0) {
            sb.append('0');
        }
        if (groupManagerPenaltyApplies(role)) {
            sb.append(" − ").append(GROUP_MANAGER_PENALTY).append(" (Group Manager)");
        }
        return sb.append(" = ").append(score(role)).toString();
    }

    /** The formula, the weights and the tie-break in plain words: what the console shows. */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Role-priority matrix\n");
        sb.append("A role's power score is the sum of the weights of its permissions,\n");
        sb.append("minus ").append(GROUP_MANAGER_PENALTY)
                .append(" for an enterprise role flagged Group Manager.\n");
        sb.append("\"Full access to all sub-accounts\" adds nothing: it says where a role applies, not what it may do.\n");
        sb.append("Weights are multiples of 20, so the Group Manager penalty only decides between otherwise equal roles.\n");
        sb.append("\nEnterprise-wide permissions:\n");
        appendWeights(sb, true);
        sb.append("Sub-account permissions:\n");
        appendWeights(sb, false);
        sb.append("\nBuilt-in roles:\n");
        BuiltInRoles.ALL.stream().sorted(PRIORITY).forEach(role ->
                sb.append(String.format(Locale.ROOT, "  %-34s %4d\n", role.name(), score(role))));
        sb.append("\nThe effective role in a sub-account, from all of a user's groups:\n");
        sb.append("  1. if any group maps a role explicitly in the sub-account, the highest explicit role wins there and\n");
        sb.append("     takes precedence over what the enterprise level would give, even when it is lower;\n");
        sb.append("  2. otherwise the sub-account inherits only an enterprise role with access to all sub-accounts\n");
        sb.append("     (Enterprise Admin, or a custom enterprise role with full access); other enterprise roles\n");
        sb.append("     (Group Manager, Integrations Manager) give nothing inside sub-accounts;\n");
        sb.append("  3. equal scores: the name first alphabetically wins (case-insensitive, locale-independent;\n");
        sb.append("     then exact name, then role id).\n");
        sb.append("With nothing explicit and nothing inherited a user has no role there. A user needs a license unless\n");
        sb.append("every role they hold, at every level, consumes none.\n");
        return sb.toString();
    }

    private static void appendWeights(StringBuilder sb, boolean enterpriseWide) {
        for (Permission p : Permission.values()) {
            if (p.enterpriseWide() == enterpriseWide) {
                sb.append(String.format(Locale.ROOT, "  %-28s %-30s %4d\n", p.name(), p.label(), p.weight()));
            }
        }
    }
}
