package com.rollcall.access;

import com.rollcall.audit.AuditTrail;
import com.rollcall.groups.GroupRepository;
import com.rollcall.groups.UserGroup;
import com.rollcall.licensing.LicenseGuard;
import com.rollcall.licensing.LicenseService;
import com.rollcall.licensing.LicenseUsage;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.Constraints;
import com.rollcall.platform.security.Actor;
import com.rollcall.events.ChangeFeed;
import com.rollcall.events.EventType;
import com.rollcall.roles.Candidate;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RoleScope;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import com.rollcall.users.UserRepository;
import com.rollcall.users.UserSummary;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Group mappings (PRODUCT.md rule 8): what a group means — a role at the enterprise level or in a sub-account —
 * added and removed by the admin (editable in every mode), previewed before, and applied to the group's members'
 * stored effective roles: in the request for groups up to {@link RemapQueue#inlineLimit()} members, by a background
 * job for larger ones.
 */
@Stateless
public class MappingService {
    /** Groups up to this many members get an exact preview. */
    static final int PREVIEW_LIMIT = 20_000;

    @Inject
    private GroupMappingRepository mappings;

    @Inject
    private RoleRepository roles;

    @Inject
    private ChangeFeed feed;

    @Inject
    private SubAccountRepository subAccounts;

    @Inject
    private GroupRepository groups;

    @Inject
    private EffectiveRoleStore store;

    @Inject
    private RemapQueue jobs;

    @Inject
    private AuditTrail audit;

    @Inject
    private MemberRemap memberRemap;

    @Inject
    private UserRepository users;

    @Inject
    private LicenseGuard licenseGuard;

    @Inject
    private LicenseService licenses;

    /** A group's mappings, oldest first. */
    public List<MappingView> mappings(long enterpriseId, String groupScimId) {
        UserGroup group = group(enterpriseId, groupScimId);
        Map<Long, RoleDefinition> roleById = roleById(enterpriseId);
        return mappings.ofGroup(enterpriseId, group.id()).stream().map(m -> new MappingView(m.id(),
                m.subAccountId() == null ? null : subAccounts.find(enterpriseId, m.subAccountId()).map(SubAccountView::of)
                        .orElse(null),
                roleById.get(m.roleId()))).toList();
    }

    /**
     * Maps a group to a role at the enterprise level ({@code subAccountId == null}, enterprise roles) or in
     * one sub-account (sub-account roles). The same mapping twice is a 409.
     */
    public MappingChange addMapping(Actor actor, String groupScimId, Long subAccountId, long roleId) {
        long enterpriseId = actor.enterpriseId();
        UserGroup group = lockedGroup(enterpriseId, groupScimId);
        RoleDefinition role = roles.find(enterpriseId, roleId)
                .orElseThrow(() -> ScimException.invalidValue("No role " + roleId + " in this enterprise."));
        if (subAccountId == null && role.scope() != RoleScope.ENTERPRISE) {
            throw ScimException.invalidValue("'" + role.name() + "' is a sub-account role: map it to a sub-account.");
        }
        String where = "at the enterprise level";
        String subAccountName = null;
        if (subAccountId != null) {
            SubAccount subAccount = subAccounts.find(enterpriseId, subAccountId)
                    .orElseThrow(() -> ScimException.invalidValue("No sub-account " + subAccountId + " in this enterprise."));
            if (role.scope() != RoleScope.SUB_ACCOUNT) {
                throw ScimException.invalidValue("'" + role.name() + "' is an enterprise role: map it at the enterprise level.");
            }
            where = "in sub-account '" + subAccount.name() + "'";
            subAccountName = subAccount.name();
        }
        long id;
        try {
            id = mappings.add(enterpriseId, group.id(), subAccountId, roleId, Clock.now());
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "uq_group_mapping")) {
                throw ScimException.uniqueness("The group already has this mapping.");
            }
            throw e;
        }
        feed.record(actor, EventType.MAPPING_ADDED, "Group", group.scimId(), mappingEvent(enterpriseId, group, id,
                role, subAccountId));
        MappingChange change = remap(actor, group, id, "Mapping added: '" + group.displayName() + "' → " + role.name()
                + " " + where);
        audit.record(actor, "GROUP_MAPPING_ADDED", "Group", group.scimId(), group.displayName(), null, ScimJson.object()
                .add("mappingId", id).add("subAccountId", subAccountId == null ? "enterprise" : subAccountId.toString())
                .add("subAccount", subAccountName == null ? ENTERPRISE_LEVEL : subAccountName)
                .add("role", role.name()).add("usersChanged", change.usersChanged())
                .add("remapJob", change.remapJobId() == null ? "none" : change.remapJobId().toString()).build());
        return change;
    }

    /** How a mapping's audit event names the enterprise level where it names a sub-account. */
    static final String ENTERPRISE_LEVEL = "Enterprise level";

    /** A mapping as the change feed tells it: its id, the group, the role, and the sub-account (null: enterprise level). */
    private jakarta.json.JsonObject mappingEvent(long enterpriseId, UserGroup group, long mappingId, RoleDefinition role,
            Long subAccountId) {
        var data = ScimJson.object().add("mappingId", mappingId)
                .add("group", ScimJson.object().add("id", group.scimId()).add("displayName", group.displayName()));
        if (role != null) {
            data.add("role", ScimJson.object().add("id", role.id()).add("name", role.name()));
        }
        if (subAccountId == null) {
            data.add("level", "ENTERPRISE").addNull("subAccount");
        } else {
            data.add("level", "SUB_ACCOUNT").add("subAccount", ScimJson.object().add("id", subAccountId).add("name",
                    subAccounts.find(enterpriseId, subAccountId).map(SubAccount::name).orElse("")));
        }
        return data.build();
    }

    public MappingChange removeMapping(Actor actor, String groupScimId, long mappingId) {
        long enterpriseId = actor.enterpriseId();
        UserGroup group = lockedGroup(enterpriseId, groupScimId);
        GroupMappingRepository.Mapping removed = mappings.ofGroup(enterpriseId, group.id()).stream()
                .filter(m -> m.id() == mappingId).findFirst().orElse(null);
        if (removed == null || mappings.remove(enterpriseId, group.id(), mappingId) == 0) {
            throw ScimException.notFound("The group has no mapping " + mappingId + ".");
        }
        feed.record(actor, EventType.MAPPING_REMOVED, "Group", group.scimId(), mappingEvent(enterpriseId, group, mappingId,
                roles.find(enterpriseId, removed.roleId()).orElse(null), removed.subAccountId()));
        String roleName = roles.find(enterpriseId, removed.roleId()).map(RoleDefinition::name).orElse("a deleted role");
        String subAccountName = removed.subAccountId() == null ? ENTERPRISE_LEVEL
                : subAccounts.find(enterpriseId, removed.subAccountId()).map(SubAccount::name).orElse("a sub-account");
        MappingChange change = remap(actor, group, mappingId, "Mapping removed: '" + group.displayName() + "' → "
                + roleName + (removed.subAccountId() == null ? " at the enterprise level" : " in sub-account '"
                + subAccountName + "'"));
        audit.record(actor, "GROUP_MAPPING_REMOVED", "Group", group.scimId(), group.displayName(),
                ScimJson.object().add("mappingId", mappingId).add("subAccount", subAccountName).add("role", roleName)
                        .build(), ScimJson.object()
                        .add("usersChanged", change.usersChanged())
                        .add("remapJob", change.remapJobId() == null ? "none" : change.remapJobId().toString()).build());
        return change;
    }

    private MappingChange remap(Actor actor, UserGroup group, long mappingId, String reason) {
        MemberRemap.Outcome outcome = memberRemap.apply(actor, group, reason);
        return new MappingChange(mappingId, outcome.remapJobId(), outcome.usersChanged());
    }

    /**
     * What adding ({@code adding}) or removing this mapping would do to the group's members: simulated with the
     * resolver on their current candidates, each change of effective role named (the first
     * {@link MappingPreview#LISTED}), and the licenses it would take or free (rule 5 with rule 8: a user needs one
     * unless every role they hold consumes none). Groups larger than {@value #PREVIEW_LIMIT} members are not
     * simulated (the member count is the upper bound).
     */
    public MappingPreview previewMappingChange(long enterpriseId, String groupScimId, Long subAccountId, long roleId,
            boolean adding) {
        UserGroup group = group(enterpriseId, groupScimId);
        boolean background = group.memberCount() > jobs.inlineLimit();
        int free = seatsFree(enterpriseId);
        if (group.memberCount() > PREVIEW_LIMIT) {
            return new MappingPreview(group.memberCount(), group.memberCount(), false, background, List.of(), 0, 0, free);
        }
        Map<Long, RoleDefinition> byId = roleById(enterpriseId);
        RoleDefinition role = byId.get(roleId);
        if (role == null) {
            throw ScimException.invalidValue("No role " + roleId + " in this enterprise.");
        }
        String groupName = "group " + group.id();
        Candidate mapped = subAccountId == null ? Candidate.enterpriseLevel(groupName, role)
                : Candidate.subAccount(groupName, subAccountId, role);
        Map<Long, String> subAccountNames = new HashMap<>();
        subAccounts.list(enterpriseId).forEach(sa -> subAccountNames.put(sa.id(), sa.name()));
        List<Long> members = groups.userIds(enterpriseId, group.id());
        int changed = 0;
        int taken = 0;
        int freed = 0;
        List<Long> listedUsers = new ArrayList<>();
        List<String[]> listed = new ArrayList<>();
        for (List<Long> chunk : EffectiveRoleStore.chunks(members)) {
            Map<Long, List<Candidate>> candidates = store.candidates(enterpriseId, chunk, byId);
            Map<Long, UserRepository.SeatState> seats = new HashMap<>();
            users.seatStates(enterpriseId, chunk).forEach(st -> seats.put(st.id(), st));
            for (Long user : chunk) {
                List<Candidate> now = candidates.getOrDefault(user, List.of());
                List<Candidate> then = new ArrayList<>(now);
                if (adding) {
                    then.add(mapped);
                } else {
                    then.removeIf(c -> c.equals(mapped));
                }
                Map<Long, EffectiveRoleRepository.Winner> before = EffectiveRoleStore.resolve(now);
                Map<Long, EffectiveRoleRepository.Winner> after = EffectiveRoleStore.resolve(then);
                if (before.equals(after)) {
                    continue;
                }
                changed++;
                UserRepository.SeatState seat = seats.get(user);
                if (seat != null && seat.active() && seat.live()) {
                    boolean needsNow = !EffectiveRoleStore.licenseExempt(before, byId);
                    boolean needsThen = !EffectiveRoleStore.licenseExempt(after, byId);
                    if (needsThen && !seat.holdsSeat()) {
                        taken++;
                    } else if (!needsThen && needsNow && seat.holdsSeat()) {
                        freed++;
                    }
                }
                for (Long scope : new TreeSet<>(union(before.keySet(), after.keySet()))) {
                    Long b = before.containsKey(scope) ? before.get(scope).roleId() : null;
                    Long a = after.containsKey(scope) ? after.get(scope).roleId() : null;
                    if (!Objects.equals(a, b) && listed.size() < MappingPreview.LISTED) {
                        listedUsers.add(user);
                        listed.add(new String[] {EffectiveAccessService.where(scope, subAccountNames), b == null ? null : byId.get(b).name(),
                                a == null ? null : byId.get(a).name()});
                    }
                }
            }
        }
        Map<Long, UserSummary> names = users.summaries(enterpriseId, listedUsers);
        List<MappingPreview.RoleChange> changes = new ArrayList<>();
        for (int k = 0; k < listed.size(); k++) {
            UserSummary who = names.get(listedUsers.get(k));
            changes.add(new MappingPreview.RoleChange(who == null ? null : who.scimId(),
                    who == null ? "a user" : who.userName(), listed.get(k)[0], listed.get(k)[1], listed.get(k)[2]));
        }
        return new MappingPreview(group.memberCount(), changed, true, background, changes, taken, freed, free);
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private int seatsFree(long enterpriseId) {
        LicenseUsage usage = licenses.usage(enterpriseId);
        return Math.max(0, usage.limit() - usage.used());
    }

    private Map<Long, RoleDefinition> roleById(long enterpriseId) {
        return roles.visible(enterpriseId).stream().collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
    }

    private UserGroup lockedGroup(long enterpriseId, String groupScimId) {
        return groups.findForUpdate(enterpriseId, groupScimId)
                .orElseThrow(() -> ScimException.notFound("Group " + groupScimId + " not found."));
    }

    private UserGroup group(long enterpriseId, String groupScimId) {
        return groups.find(enterpriseId, groupScimId)
                .orElseThrow(() -> ScimException.notFound("Group " + groupScimId + " not found."));
    }
}
