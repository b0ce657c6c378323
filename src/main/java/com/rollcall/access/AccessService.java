package com.rollcall.access;

import com.rollcall.platform.security.Actor;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.audit.AuditTrail;
import com.rollcall.groups.GroupRepository;
import com.rollcall.groups.UserGroup;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.Constraints;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.roles.Candidate;
import com.rollcall.roles.ConsideredCandidate;
import com.rollcall.roles.EffectiveRoleResolver;
import com.rollcall.roles.EffectiveRoles;
import com.rollcall.roles.Resolution;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.roles.RoleScope;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What groups mean inside the platform (PRODUCT.md rule 8): sub-accounts, group → (enterprise level or
 * sub-account, role) mappings, and a user's effective access computed by {@link EffectiveRoleResolver}
 * from the mappings of the groups they are in, with the explanation. Mappings stay editable in every
 * provisioning mode (rule 6): they are the admin's job.
 */
@Stateless
public class AccessService {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private RoleRepository roles;

    @Inject
    private GroupRepository groups;

    @Inject
    private AuditTrail audit;

    @Inject
    private EffectiveRoleStore store;

    @Inject
    private RemapQueue jobs;

    public List<RoleDefinition> roles(long enterpriseId) {
        return roles.visible(enterpriseId);
    }

    public List<SubAccount> subAccounts(long enterpriseId) {
        return em.createQuery("SELECT s FROM SubAccount s WHERE s.enterpriseId = :e ORDER BY s.name", SubAccount.class)
                .setParameter("e", enterpriseId).getResultList();
    }

    public SubAccount createSubAccount(Actor actor, String name) {
        SubAccount subAccount = new SubAccount(actor.enterpriseId(), name.trim());
        try {
            em.persist(subAccount);
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "uq_sub_account_name")) {
                throw ScimException.uniqueness("A sub-account named '" + name.trim() + "' already exists.");
            }
            throw e;
        }
        audit.record(actor, "SUB_ACCOUNT_CREATED", "SubAccount", subAccount.id().toString(), subAccount.name(), null,
                ScimJson.object().add("name", subAccount.name()).build());
        return subAccount;
    }

    /** A group's mappings: {id, subAccount (null = enterprise level), role}. */
    public List<JsonObject> mappings(long enterpriseId, String groupScimId) {
        UserGroup group = group(enterpriseId, groupScimId);
        Map<Long, RoleDefinition> byId = roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
        Map<Long, SubAccount> subAccounts = subAccounts(enterpriseId).stream()
                .collect(Collectors.toMap(SubAccount::id, Function.identity()));
        List<JsonObject> result = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT id, sub_account_id, role_id FROM group_mapping "
                        + "WHERE enterprise_id = ? AND group_id = ? ORDER BY id")
                .setParameter(1, enterpriseId).setParameter(2, group.id()).getResultList()) {
            Object[] c = (Object[]) row;
            JsonObjectBuilder mapping = ScimJson.object().add("id", ((Number) c[0]).longValue());
            if (c[1] == null) {
                mapping.addNull("subAccount");
            } else {
                mapping.add("subAccount", subAccountJson(subAccounts.get(((Number) c[1]).longValue())));
            }
            result.add(mapping.add("role", roleJson(byId.get(((Number) c[2]).longValue()))).build());
        }
        return result;
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
        if (subAccountId != null) {
            SubAccount subAccount = em.find(SubAccount.class, subAccountId);
            if (subAccount == null || subAccount.enterpriseId() != enterpriseId) {
                throw ScimException.invalidValue("No sub-account " + subAccountId + " in this enterprise.");
            }
            if (role.scope() != RoleScope.SUB_ACCOUNT) {
                throw ScimException.invalidValue("'" + role.name() + "' is an enterprise role: map it at the enterprise level.");
            }
        }
        try {
            em.createNativeQuery("INSERT INTO group_mapping (enterprise_id, group_id, sub_account_id, scope_key, role_id, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .setParameter(1, enterpriseId).setParameter(2, group.id()).setParameter(3, subAccountId)
                    .setParameter(4, subAccountId == null ? 0L : subAccountId).setParameter(5, roleId)
                    .setParameter(6, new UtcInstantConverter().convertToDatabaseColumn(Clock.now()))
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "uq_group_mapping")) {
                throw ScimException.uniqueness("The group already has this mapping.");
            }
            throw e;
        }
        long id = ((Number) em.createNativeQuery("SELECT id FROM group_mapping WHERE group_id = ? AND scope_key = ? "
                        + "AND role_id = ?").setParameter(1, group.id()).setParameter(2, subAccountId == null ? 0L : subAccountId)
                .setParameter(3, roleId).getSingleResult()).longValue();
        MappingChange change = remap(actor, group, id, "Mapping added: '" + group.displayName() + "' → " + role.name()
                + (subAccountId == null ? " at the enterprise level" : " in sub-account " + subAccountName(subAccountId)));
        audit.record(actor, "GROUP_MAPPING_ADDED", "Group", group.scimId(), group.displayName(), null, ScimJson.object()
                .add("mappingId", id).add("subAccountId", subAccountId == null ? "enterprise" : subAccountId.toString())
                .add("role", role.name()).add("usersChanged", change.usersChanged())
                .add("remapJob", change.remapJobId() == null ? "none" : change.remapJobId().toString()).build());
        return change;
    }

    public MappingChange removeMapping(Actor actor, String groupScimId, long mappingId) {
        long enterpriseId = actor.enterpriseId();
        UserGroup group = lockedGroup(enterpriseId, groupScimId);
        int removed = em.createNativeQuery("DELETE FROM group_mapping WHERE enterprise_id = ? AND group_id = ? AND id = ?")
                .setParameter(1, enterpriseId).setParameter(2, group.id()).setParameter(3, mappingId).executeUpdate();
        if (removed == 0) {
            throw ScimException.notFound("The group has no mapping " + mappingId + ".");
        }
        MappingChange change = remap(actor, group, mappingId, "Mapping " + mappingId + " removed from '"
                + group.displayName() + "'");
        audit.record(actor, "GROUP_MAPPING_REMOVED", "Group", group.scimId(), group.displayName(),
                ScimJson.object().add("mappingId", mappingId).build(), ScimJson.object()
                        .add("usersChanged", change.usersChanged())
                        .add("remapJob", change.remapJobId() == null ? "none" : change.remapJobId().toString()).build());
        return change;
    }

    /**
     * Applies a mapping change to the group's members: at once for groups up to
     * {@link RemapQueue#inlineLimit()} members (users locked, then recomputed; a change that would need
     * licenses beyond the limit is refused), as a background job for larger ones.
     */
    private MappingChange remap(Actor actor, UserGroup group, long mappingId, String reason) {
        if (group.memberCount() > jobs.inlineLimit()) {
            return new MappingChange(mappingId, jobs.enqueueGroup(actor, group, reason), 0);
        }
        List<Long> members = groups.userIds(actor.enterpriseId(), group.id());
        store.lockUsers(actor.enterpriseId(), members);
        return new MappingChange(mappingId, null, store.recompute(actor, members, true).changed());
    }

    /**
     * How many of the group's members would get a different effective role if this mapping were added
     * ({@code adding}) or removed: simulated with the resolver on the members' current candidates. Groups
     * larger than {@value #PREVIEW_LIMIT} members are not simulated (the member count is the upper bound).
     */
    public MappingPreview previewMappingChange(long enterpriseId, String groupScimId, Long subAccountId, long roleId,
            boolean adding) {
        UserGroup group = group(enterpriseId, groupScimId);
        boolean background = group.memberCount() > jobs.inlineLimit();
        if (group.memberCount() > PREVIEW_LIMIT) {
            return new MappingPreview(group.memberCount(), group.memberCount(), false, background);
        }
        Map<Long, RoleDefinition> byId = roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
        RoleDefinition role = byId.get(roleId);
        if (role == null) {
            throw ScimException.invalidValue("No role " + roleId + " in this enterprise.");
        }
        String groupName = "group " + group.id();
        Candidate mapped = subAccountId == null ? Candidate.enterpriseLevel(groupName, role)
                : Candidate.subAccount(groupName, subAccountId, role);
        List<Long> members = groups.userIds(enterpriseId, group.id());
        int changes = 0;
        for (List<Long> chunk : EffectiveRoleStore.chunks(members)) {
            Map<Long, List<Candidate>> candidates = store.candidates(enterpriseId, chunk, byId);
            for (Long user : chunk) {
                List<Candidate> now = candidates.getOrDefault(user, List.of());
                List<Candidate> then = new ArrayList<>(now);
                if (adding) {
                    then.add(mapped);
                } else {
                    then.removeIf(c -> c.equals(mapped));
                }
                if (!EffectiveRoleStore.resolve(now).equals(EffectiveRoleStore.resolve(then))) {
                    changes++;
                }
            }
        }
        return new MappingPreview(group.memberCount(), changes, true, background);
    }

    /** Groups up to this many members get an exact preview. */
    static final int PREVIEW_LIMIT = 20_000;

    /**
     * A plain-words summary of each user's stored effective roles, e.g. "Enterprise Admin (enterprise);
     * Editor in Brand A". Users without a role are absent.
     */
    public Map<String, String> roleSummaries(long enterpriseId, Collection<String> userScimIds) {
        Map<String, List<String>> parts = new TreeMap<>();
        for (List<String> chunk : NativeSql.chunks(new TreeSet<>(userScimIds))) {
            for (Object[] c : NativeSql.query(em, "SELECT u.scim_id, r.name, s.name FROM user_effective_role e "
                    + "JOIN user_account u ON u.id = e.user_id JOIN app_role r ON r.id = e.role_id "
                    + "LEFT JOIN sub_account s ON s.id = e.sub_account_id WHERE e.enterprise_id = ? AND u.enterprise_id = ? "
                    + "AND u.scim_id IN " + NativeSql.placeholders(chunk.size()) + " ORDER BY u.scim_id, e.scope_key",
                    NativeSql.parameters(chunk, enterpriseId, enterpriseId))) {
                parts.computeIfAbsent((String) c[0], k -> new ArrayList<>())
                        .add(c[2] == null ? c[1] + " (enterprise)" : c[1] + " in " + c[2]);
            }
        }
        Map<String, String> summaries = new LinkedHashMap<>();
        parts.forEach((user, roles) -> summaries.put(user, String.join("; ", roles)));
        return summaries;
    }

    /**
     * A user's effective role per sub-account (and at the enterprise level), from the mappings of every
     * group they belong to, with each candidate, its groups and score, and the rule that decided.
     */
    public JsonObject effectiveAccess(long enterpriseId, String userScimId) {
        var user = groups.liveUser(enterpriseId, userScimId)
                .orElseThrow(() -> ScimException.notFound("User " + userScimId + " not found."));
        Map<Long, RoleDefinition> byId = roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
        List<Candidate> candidates = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT g.display_name, gm.sub_account_id, gm.role_id FROM group_membership m "
                        + "JOIN group_mapping gm ON gm.group_id = m.group_id JOIN user_group g ON g.id = m.group_id "
                        + "WHERE m.enterprise_id = ? AND m.user_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, user.id()).getResultList()) {
            Object[] c = (Object[]) row;
            RoleDefinition role = byId.get(((Number) c[2]).longValue());
            candidates.add(c[1] == null ? Candidate.enterpriseLevel((String) c[0], role)
                    : Candidate.subAccount((String) c[0], ((Number) c[1]).longValue(), role));
        }
        List<SubAccount> subAccounts = subAccounts(enterpriseId);
        EffectiveRoles resolved = EffectiveRoleResolver.resolve(candidates, subAccounts.stream().map(SubAccount::id).toList());
        JsonArrayBuilder perSubAccount = ScimJson.array();
        for (SubAccount subAccount : subAccounts) {
            perSubAccount.add(resolutionJson(resolved.in(subAccount.id())).add("subAccount", subAccountJson(subAccount)));
        }
        return ScimJson.object().add("userId", userScimId)
                .add("enterpriseLevel", resolutionJson(resolved.enterpriseLevel()))
                .add("subAccounts", perSubAccount).build();
    }

    private static JsonObjectBuilder resolutionJson(Resolution resolution) {
        JsonObjectBuilder json = ScimJson.object();
        if (resolution.winner().isPresent()) {
            json.add("role", roleJson(resolution.winner().get())).add("score", resolution.score().getAsInt());
        } else {
            json.addNull("role");
        }
        JsonArrayBuilder candidates = ScimJson.array();
        for (ConsideredCandidate candidate : resolution.candidates()) {
            candidates.add(ScimJson.object().add("role", roleJson(candidate.role())).add("score", candidate.score())
                    .add("groups", ScimJson.array(candidate.groups())).add("explicit", candidate.explicit())
                    .add("setAside", candidate.setAside()));
        }
        return json.add("rule", resolution.decided().name()).add("explanation", resolution.explanation())
                .add("candidates", candidates);
    }

    static JsonObject roleJson(RoleDefinition role) {
        return ScimJson.object().add("id", role.id()).add("name", role.name()).add("scope", role.scope().name())
                .add("score", RolePriorityMatrix.score(role)).build();
    }

    static JsonObject subAccountJson(SubAccount subAccount) {
        return ScimJson.object().add("id", subAccount.id()).add("name", subAccount.name()).build();
    }

    private UserGroup lockedGroup(long enterpriseId, String groupScimId) {
        return groups.findForUpdate(enterpriseId, groupScimId)
                .orElseThrow(() -> ScimException.notFound("Group " + groupScimId + " not found."));
    }

    private String subAccountName(long subAccountId) {
        SubAccount subAccount = em.find(SubAccount.class, subAccountId);
        return subAccount == null ? Long.toString(subAccountId) : "'" + subAccount.name() + "'";
    }

    private UserGroup group(long enterpriseId, String groupScimId) {
        return groups.find(enterpriseId, groupScimId)
                .orElseThrow(() -> ScimException.notFound("Group " + groupScimId + " not found."));
    }
}
