package com.rollcall.access;

import com.rollcall.groups.GroupRepository;
import com.rollcall.roles.Candidate;
import com.rollcall.roles.EffectiveRoleResolver;
import com.rollcall.roles.EffectiveRoles;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.scim.message.ScimException;
import com.rollcall.users.UserRepository;
import com.rollcall.users.UserSummary;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A user's effective access (PRODUCT.md rule 8), explained: per sub-account and at the enterprise level, the
 * winner, every candidate with its groups and score, and the rule that decided — computed live from the current
 * memberships and mappings; and plain-words summaries of the stored roles for the console's user list.
 */
@Stateless
public class EffectiveAccessService {
    @Inject
    private UserRepository users;

    @Inject
    private GroupRepository groups;

    @Inject
    private GroupMappingRepository mappings;

    @Inject
    private EffectiveRoleRepository effectiveRoles;

    @Inject
    private RoleRepository roles;

    @Inject
    private SubAccountRepository subAccounts;

    @Inject
    private RoleHistoryRepository history;

    /**
     * A user's effective role per sub-account (and at the enterprise level), from the mappings of every
     * group they belong to, with each candidate, its groups and score, and the rule that decided.
     */
    public EffectiveAccessView effectiveAccess(long enterpriseId, String userScimId) {
        UserSummary user = users.liveSummary(enterpriseId, userScimId)
                .orElseThrow(() -> ScimException.notFound("User " + userScimId + " not found."));
        Map<Long, RoleDefinition> byId = roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
        List<Long> groupIds = groups.groupIdsOf(enterpriseId, List.of(user.id())).getOrDefault(user.id(), List.of());
        Map<Long, String[]> groupNames = groups.names(enterpriseId, groupIds);
        List<Candidate> candidates = new ArrayList<>();
        mappings.ofGroups(enterpriseId, groupIds).forEach((group, ofGroup) -> {
            String name = groupNames.get(group)[1];
            for (GroupMappingRepository.Mapping m : ofGroup) {
                RoleDefinition role = byId.get(m.roleId());
                candidates.add(m.subAccountId() == null ? Candidate.enterpriseLevel(name, role)
                        : Candidate.subAccount(name, m.subAccountId(), role));
            }
        });
        List<SubAccount> all = subAccounts.list(enterpriseId);
        EffectiveRoles resolved = EffectiveRoleResolver.resolve(candidates, all.stream().map(SubAccount::id).toList());
        Map<Long, String> subAccountNames = new java.util.HashMap<>();
        all.forEach(s -> subAccountNames.put(s.id(), s.name()));
        List<EffectiveAccessView.HistoryEntry> history = this.history.ofUser(enterpriseId, user.id(), HISTORY_SHOWN).stream()
                .map(r -> new EffectiveAccessView.HistoryEntry(r.changedAt(), where(r.scope(), subAccountNames), r.before(),
                        r.after(), r.cause(), r.actorType(), r.actorName(), r.requestId(), r.remapJobId()))
                .toList();
        return new EffectiveAccessView(userScimId, EffectiveAccessView.Level.of(resolved.enterpriseLevel(), null),
                all.stream().map(s -> EffectiveAccessView.Level.of(resolved.in(s.id()), SubAccountView.of(s))).toList(),
                history);
    }

    /** How many role changes the effective-access view shows, newest first. */
    public static final int HISTORY_SHOWN = 50;

    /** A stored scope in words: the enterprise level, a sub-account, or every sub-account without its own mapping. */
    static String where(long scope, Map<Long, String> subAccountNames) {
        if (scope == EffectiveRoleRepository.ENTERPRISE_LEVEL) {
            return "at the enterprise level";
        }
        if (scope == EffectiveRoleRepository.INHERITED) {
            return "in every sub-account without its own mapping";
        }
        return "in " + subAccountNames.getOrDefault(scope, "a deleted sub-account (" + scope + ")");
    }

    /**
     * A plain-words summary of each user's stored effective roles, e.g. "Enterprise Admin (enterprise);
     * Editor in Brand A". Users without a role are absent.
     */
    public Map<String, String> roleSummaries(long enterpriseId, Collection<String> userScimIds) {
        Map<String, Long> ids = users.liveIds(enterpriseId, userScimIds);
        Map<Long, String> scimIdOf = new LinkedHashMap<>();
        ids.forEach((scimId, id) -> scimIdOf.put(id, scimId));
        Map<Long, RoleDefinition> roleById = roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
        Map<Long, SubAccount> subAccountById = new LinkedHashMap<>();
        subAccounts.list(enterpriseId).forEach(s -> subAccountById.put(s.id(), s));
        Map<String, String> summaries = new TreeMap<>();
        effectiveRoles.stored(enterpriseId, ids.values()).forEach((user, byScope) -> {
            List<String> parts = new ArrayList<>();
            byScope.forEach((scope, winner) -> {
                String role = roleById.get(winner.roleId()).name();
                parts.add(scope == EffectiveRoleRepository.ENTERPRISE_LEVEL ? role + " (enterprise)"
                        : scope == EffectiveRoleRepository.INHERITED ? role + " (every other sub-account)"
                        : role + " in " + subAccountById.get(scope).name());
            });
            if (!parts.isEmpty()) {
                summaries.put(scimIdOf.get(user), String.join("; ", parts));
            }
        });
        return summaries;
    }
}
