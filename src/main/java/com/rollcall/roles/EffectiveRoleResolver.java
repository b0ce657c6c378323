package com.rollcall.roles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Resolves a user's effective role at the enterprise level and per sub-account from all their groups' mappings
 * (PRODUCT.md rule 8). Pure: no container, no I/O, deterministic, independent of the order of its input. A role
 * reached through several groups is one candidate listing all of them (identity: the role id).
 *
 * <p><b>Enterprise level</b>: the roles mapped at the enterprise level compete; the highest power score wins
 * (a Group Manager role scores −10 against an otherwise identical role); equal scores: the name first
 * alphabetically ({@link RolePriorityMatrix#BY_NAME}: case-insensitive, locale-independent; then exact name, then
 * id).
 *
 * <p><b>Each sub-account</b>:
 * <ol>
 *   <li>if any group maps a role <b>explicitly in that sub-account</b>, only those explicit roles compete (same
 *       score and tie rules), and the winner takes precedence over whatever the enterprise level would give there,
 *       even when lower ({@link Rule#EXPLICIT_TAKES_PRECEDENCE} when an enterprise role granting all sub-accounts was
 *       set aside for it);</li>
 *   <li>otherwise the sub-account <b>inherits</b> from the enterprise level only a role that grants access to all
 *       sub-accounts ({@link RoleDefinition#grantsAllSubAccounts()}: Enterprise Admin or a custom full-access
 *       enterprise role; the highest-scoring of them, same tie rule) ({@link Rule#INHERITED_FULL_ACCESS});</li>
 *   <li>enterprise roles without that access (Group Manager, Integrations Manager, any other) give nothing inside
 *       sub-accounts: with nothing explicit and nothing inherited the user has no role there
 *       ({@link Rule#NOTHING_INHERITED}, or {@link Rule#NO_CANDIDATE} when no group maps anything relevant).</li>
 * </ol>
 * Set-aside candidates are kept in the resolution with the reason, so the explanation can name them. Mappings to
 * sub-accounts not asked about are ignored. A mapping's level is where it maps (its sub-account id or null), not
 * the role's scope: the resolver does not validate that pairing (the mapping service does).
 */
public final class EffectiveRoleResolver {

    /** Groups sort case-insensitively (locale-independent), then exactly, for stable output. */
    private static final Comparator<String> GROUP_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private EffectiveRoleResolver() {
    }

    /**
     * @param candidates    the user's mapped roles, from all their groups (any order, duplicates allowed)
     * @param subAccountIds the sub-accounts to resolve (typically all of the enterprise's)
     */
    public static EffectiveRoles resolve(List<Candidate> candidates, Collection<Long> subAccountIds) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(subAccountIds, "subAccountIds");
        List<Candidate> enterpriseLevel = new ArrayList<>();
        for (Candidate c : candidates) {
            Objects.requireNonNull(c, "candidate");
            if (c.isEnterpriseLevel()) {
                enterpriseLevel.add(c);
            }
        }
        Resolution top = resolveLevel(null, enterpriseLevel, List.of());

        Map<Long, Resolution> bySubAccount = new LinkedHashMap<>();
        for (Long id : new LinkedHashSet<>(subAccountIds)) {
            Objects.requireNonNull(id, "subAccountId");
            List<Candidate> explicit = new ArrayList<>();
            for (Candidate c : candidates) {
                if (id.equals(c.subAccountId())) {
                    explicit.add(c);
                }
            }
            bySubAccount.put(id, resolveLevel(id, explicit, enterpriseLevel));
        }
        return new EffectiveRoles(top, Collections.unmodifiableMap(bySubAccount));
    }

    /** Convenience: the resolution in one sub-account. */
    public static Resolution resolve(List<Candidate> candidates, long subAccountId) {
        return resolve(candidates, List.of(subAccountId)).in(subAccountId);
    }

    private static Resolution resolveLevel(Long subAccountId, List<Candidate> explicit, List<Candidate> inherited) {
        Map<Long, Merged> byRole = new LinkedHashMap<>();
        for (Candidate c : explicit) {
            byRole.computeIfAbsent(c.role().id(), k -> new Merged(c.role())).explicitGroups.add(c.groupName());
        }
        for (Candidate c : inherited) {
            byRole.computeIfAbsent(c.role().id(), k -> new Merged(c.role())).inheritedGroups.add(c.groupName());
        }
        if (byRole.isEmpty()) {
            return new Resolution(subAccountId, List.of(), Rule.NO_CANDIDATE);
        }
        boolean anyExplicit = byRole.values().stream().anyMatch(m -> !m.explicitGroups.isEmpty());

        List<ConsideredCandidate> competing = new ArrayList<>();
        List<ConsideredCandidate> setAside = new ArrayList<>();
        for (Merged m : byRole.values()) {
            ConsideredCandidate.Aside aside = aside(subAccountId, m, anyExplicit);
            ConsideredCandidate cc = new ConsideredCandidate(m.role, RolePriorityMatrix.score(m.role),
                    List.copyOf(m.explicitGroups), List.copyOf(m.inheritedGroups), aside);
            (aside == null ? competing : setAside).add(cc);
        }
        Comparator<ConsideredCandidate> priority = Comparator
                .comparing(ConsideredCandidate::role, RolePriorityMatrix.PRIORITY);
        competing.sort(priority);
        setAside.sort(priority);

        Rule rule;
        if (competing.isEmpty()) {
            rule = Rule.NOTHING_INHERITED;
        } else if (subAccountId != null && !anyExplicit) {
            rule = Rule.INHERITED_FULL_ACCESS;
        } else if (subAccountId != null && setAside.stream()
                .anyMatch(c -> c.aside() == ConsideredCandidate.Aside.EXPLICIT_TAKES_PRECEDENCE)) {
            rule = Rule.EXPLICIT_TAKES_PRECEDENCE;
        } else if (competing.size() == 1) {
            rule = Rule.SINGLE_CANDIDATE;
        } else if (competing.get(0).score() == competing.get(1).score()) {
            rule = Rule.TIE_BROKEN_BY_NAME;
        } else {
            rule = Rule.HIGHEST_SCORE;
        }
        List<ConsideredCandidate> all = new ArrayList<>(competing);
        all.addAll(setAside);
        return new Resolution(subAccountId, all, rule);
    }

    /** Why a role does not compete at this level; null when it does. */
    private static ConsideredCandidate.Aside aside(Long subAccountId, Merged m, boolean anyExplicit) {
        if (subAccountId == null || !m.explicitGroups.isEmpty()) {
            return null;
        }
        if (!m.role.grantsAllSubAccounts()) {
            return ConsideredCandidate.Aside.NO_SUB_ACCOUNT_ACCESS;
        }
        return anyExplicit ? ConsideredCandidate.Aside.EXPLICIT_TAKES_PRECEDENCE : null;
    }

    /** A role with the groups reaching it; the first definition seen for an id is kept. */
    private static final class Merged {
        final RoleDefinition role;
        final TreeSet<String> explicitGroups = new TreeSet<>(GROUP_ORDER);
        final TreeSet<String> inheritedGroups = new TreeSet<>(GROUP_ORDER);

        Merged(RoleDefinition role) {
            this.role = role;
        }
    }
}
