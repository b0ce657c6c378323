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
 * Resolves a user's effective role per sub-account from all their groups' mappings
 * (PRODUCT.md rule 8). Pure: no container, no I/O, deterministic, independent of the order of
 * its input.
 *
 * <p>In each sub-account the candidates are the roles mapped explicitly to it plus the roles
 * mapped at the enterprise level (inherited). A role reached through several groups is one
 * candidate listing all of them (identity: the role id). Then, in this order:
 * <ol>
 *   <li><b>Explicit beats inherited Enterprise Admin</b>: if Enterprise Admin (the built-in role
 *       with code {@code ENTERPRISE_ADMIN}, see {@link RoleDefinition#isEnterpriseAdmin()}) is
 *       inherited only (not itself mapped explicitly to the sub-account) and at least one role is
 *       mapped explicitly to the sub-account, only the explicit candidates compete, even if lower;
 *       every inherited candidate is set aside ({@link Rule#EXPLICIT_OVERRIDES_ENTERPRISE_ADMIN}).
 *       Other enterprise-level roles are not overridden this way: they compete on score.</li>
 *   <li>Otherwise the <b>highest score</b> wins ({@link Rule#HIGHEST_SCORE}, or
 *       {@link Rule#SINGLE_CANDIDATE} when there is only one).</li>
 *   <li><b>Equal scores</b>: the name first in {@link RolePriorityMatrix#BY_NAME} order
 *       (case-insensitive, locale-independent; then exact name, then id)
 *       ({@link Rule#TIE_BROKEN_BY_NAME}).</li>
 * </ol>
 * No candidate: no role ({@link Rule#NO_CANDIDATE}). The enterprise-level resolution uses the
 * enterprise-level mappings only, with rules 2 and 3. Mappings to sub-accounts not asked about
 * are ignored. A mapping's level is where it maps (its sub-account id or null), not the role's
 * scope: the resolver does not validate that pairing.
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
        boolean inheritedOnlyAdmin = byRole.values().stream()
                .anyMatch(m -> m.explicitGroups.isEmpty() && m.role.isEnterpriseAdmin());
        boolean override = subAccountId != null && anyExplicit && inheritedOnlyAdmin;

        List<ConsideredCandidate> competing = new ArrayList<>();
        List<ConsideredCandidate> setAside = new ArrayList<>();
        for (Merged m : byRole.values()) {
            boolean aside = override && m.explicitGroups.isEmpty();
            ConsideredCandidate cc = new ConsideredCandidate(m.role, RolePriorityMatrix.score(m.role),
                    List.copyOf(m.explicitGroups), List.copyOf(m.inheritedGroups), aside);
            (aside ? setAside : competing).add(cc);
        }
        Comparator<ConsideredCandidate> priority = Comparator
                .comparing(ConsideredCandidate::role, RolePriorityMatrix.PRIORITY);
        competing.sort(priority);
        setAside.sort(priority);

        Rule rule;
        if (override) {
            rule = Rule.EXPLICIT_OVERRIDES_ENTERPRISE_ADMIN;
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
