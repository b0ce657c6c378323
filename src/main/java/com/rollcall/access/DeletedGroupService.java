package com.rollcall.access;

import com.rollcall.audit.AuditTrail;
import com.rollcall.events.ChangeFeed;
import com.rollcall.events.EventType;
import com.rollcall.groups.GroupRepository;
import com.rollcall.groups.UserGroup;
import com.rollcall.platform.security.Actor;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Groups the identity provider deleted, and the admin's mappings kept from them (issue 14): listed, restored onto a
 * live group (in the console, the group the IdP created with the same externalId or name is offered first), or
 * discarded for good. Each change is one audited transaction; a restore recomputes the target's members like adding
 * mappings does — in the request up to {@link RemapQueue#inlineLimit()} members (refused with 403 when users would
 * need licenses beyond the limit), by a background remap job above it.
 */
@Stateless
public class DeletedGroupService {
    /** Most suggested targets for a restore. */
    static final int SUGGESTIONS = 10;

    @Inject
    private ChangeFeed feed;

    @Inject
    private GroupRepository groups;

    @Inject
    private GroupMappingRepository mappings;

    @Inject
    private RoleRepository roles;

    @Inject
    private SubAccountRepository subAccounts;

    @Inject
    private MemberRemap memberRemap;

    @Inject
    private AuditTrail audit;

    /** A page of deleted groups: {@code offset} zero-based; {@code total} counts them all. */
    public record Page(List<DeletedGroupView> groups, long total) {
    }

    /**
     * The deleted groups that still keep mappings, the most recently deleted first (once its mappings are restored
     * or discarded, a deleted group has nothing left to decide and leaves this list).
     */
    public Page deletedGroups(long enterpriseId, int offset, int limit) {
        Map<Long, Long> counts = mappings.keptCounts(enterpriseId);
        if (counts.isEmpty()) {
            return new Page(List.of(), 0);
        }
        List<UserGroup> all = groups.deleted(enterpriseId, counts.keySet());
        List<UserGroup> page = all.subList(Math.min(all.size(), Math.max(0, offset)),
                Math.min(all.size(), Math.max(0, offset) + Math.max(0, limit)));
        Map<Long, List<GroupMappingRepository.Mapping>> kept = mappings.keptOfGroups(enterpriseId,
                page.stream().map(UserGroup::id).toList());
        Views views = views(enterpriseId);
        return new Page(page.stream().map(g -> view(g, kept.getOrDefault(g.id(), List.of()), views)).toList(), all.size());
    }

    /** One group the IdP deleted, with its kept mappings (empty once restored or discarded). */
    public Optional<DeletedGroupView> deletedGroup(long enterpriseId, String scimId) {
        if (scimId == null || scimId.isBlank()) {
            return Optional.empty();
        }
        return groups.findDeleted(enterpriseId, scimId, false).map(g -> view(g,
                mappings.keptOfGroup(enterpriseId, g.id()), views(enterpriseId)));
    }

    /**
     * The live groups to offer first as the target of a restore: the one the IdP created with the deleted group's
     * externalId, then those with its displayName (any case), each once.
     */
    public List<RestoreTarget> suggestedTargets(long enterpriseId, String deletedScimId) {
        UserGroup deleted = deleted(enterpriseId, deletedScimId, false);
        Map<Long, RestoreTarget> targets = new LinkedHashMap<>();
        if (deleted.externalId() != null) {
            groups.findByExternalId(enterpriseId, deleted.externalId())
                    .ifPresent(g -> targets.put(g.id(), target(g, RestoreTarget.EXTERNAL_ID)));
        }
        for (UserGroup g : groups.findByDisplayName(enterpriseId, deleted.displayName(), SUGGESTIONS)) {
            targets.putIfAbsent(g.id(), target(g, RestoreTarget.DISPLAY_NAME));
        }
        return List.copyOf(targets.values());
    }

    /** Live groups whose name contains the text (any case), by name: to restore onto a group not suggested. */
    public List<RestoreTarget> findTargets(long enterpriseId, String nameContains, int limit) {
        if (nameContains == null || nameContains.isBlank()) {
            return List.of();
        }
        return groups.listing(enterpriseId, nameContains.trim(), 0, Math.max(1, Math.min(50, limit))).groups().stream()
                .map(g -> target(g, null)).toList();
    }

    /**
     * Moves the deleted group's kept mappings onto a live group as active mappings. One the target already has is
     * skipped (and no longer kept: the target gives that role already). The target's members get the roles back: at
     * once for a group up to {@link RemapQueue#inlineLimit()} members, else by a remap job. Audited as
     * {@code GROUP_MAPPINGS_RESTORED} on the target, naming the deleted group.
     */
    public RestoreOutcome restore(Actor actor, String deletedScimId, String targetScimId) {
        long enterpriseId = actor.enterpriseId();
        // Locks: the deleted group, then the target (a deleted group is never a target, so no two restores lock
        // the same pair the other way round); the target's lock is the one mapping and membership changes take.
        UserGroup deleted = deleted(enterpriseId, deletedScimId, true);
        UserGroup target = targetScimId == null || targetScimId.isBlank() ? null
                : groups.findForUpdate(enterpriseId, targetScimId).orElse(null);
        if (target == null) {
            throw ScimException.invalidValue("There is no live group '" + abbreviate(targetScimId) + "' in this enterprise "
                    + "to restore the mappings onto: choose a group your identity provider has not deleted.");
        }
        List<GroupMappingRepository.Mapping> kept = requireKept(enterpriseId, deleted);
        Set<String> has = new HashSet<>();
        mappings.ofGroup(enterpriseId, target.id()).forEach(m -> has.add(key(m)));
        Views views = views(enterpriseId);
        List<KeptMappingView> restored = new ArrayList<>();
        List<KeptMappingView> skipped = new ArrayList<>();
        List<Long> skippedIds = new ArrayList<>();
        for (GroupMappingRepository.Mapping m : kept) {
            if (has.add(key(m))) {
                mappings.restore(enterpriseId, m.id(), target.id());
                restored.add(views.of(m));
            } else {
                skippedIds.add(m.id());
                skipped.add(views.of(m));
            }
        }
        mappings.discardKept(enterpriseId, deleted.id(), skippedIds);
        Long jobId = null;
        int changed = 0;
        for (KeptMappingView m : restored) {
            var data = ScimJson.object().add("mappingId", m.id())
                    .add("group", ScimJson.object().add("id", target.scimId()).add("displayName", target.displayName()))
                    .add("role", ScimJson.object().add("id", m.roleId()).add("name", m.roleName()))
                    .add("level", m.subAccountId() == null ? "ENTERPRISE" : "SUB_ACCOUNT")
                    .add("restoredFrom", ScimJson.object().add("id", deleted.scimId()).add("displayName", deleted.displayName()));
            if (m.subAccountId() == null) {
                data.addNull("subAccount");
            } else {
                data.add("subAccount", ScimJson.object().add("id", m.subAccountId()).add("name", m.subAccountName()));
            }
            feed.record(actor, EventType.MAPPING_ADDED, "Group", target.scimId(), data.build());
        }
        if (!restored.isEmpty()) {
            MemberRemap.Outcome outcome = memberRemap.apply(actor, target, com.rollcall.platform.text.Plural.count(restored.size(), "mapping") + " restored onto '"
                    + target.displayName() + "' from the deleted group '" + deleted.displayName() + "'");
            jobId = outcome.remapJobId();
            changed = outcome.usersChanged();
        }
        var before = ScimJson.object().add("fromGroupId", deleted.scimId()).add("fromDisplayName", deleted.displayName());
        if (deleted.externalId() == null) {
            before.addNull("fromExternalId");
        } else {
            before.add("fromExternalId", deleted.externalId());
        }
        var after = ScimJson.object().add("restored", json(restored)).add("skippedAlreadyMapped", json(skipped))
                .add("usersChanged", changed);
        if (jobId == null) {
            after.addNull("remapJob");
        } else {
            after.add("remapJob", jobId);
        }
        audit.record(actor, "GROUP_MAPPINGS_RESTORED", "Group", target.scimId(), target.displayName(), before.build(),
                after.build());
        return new RestoreOutcome(target.scimId(), target.displayName(), restored, skipped, changed, jobId);
    }

    /**
     * Deletes the deleted group's kept mappings for good (they gave no role, so nobody's role changes). Audited as
     * {@code GROUP_MAPPINGS_DISCARDED} on the deleted group, listing them.
     */
    public List<KeptMappingView> discard(Actor actor, String deletedScimId) {
        long enterpriseId = actor.enterpriseId();
        UserGroup deleted = deleted(enterpriseId, deletedScimId, true);
        List<GroupMappingRepository.Mapping> kept = requireKept(enterpriseId, deleted);
        Views views = views(enterpriseId);
        List<KeptMappingView> discarded = kept.stream().map(views::of).toList();
        mappings.discardKept(enterpriseId, deleted.id(), null);
        audit.record(actor, "GROUP_MAPPINGS_DISCARDED", "Group", deleted.scimId(), deleted.displayName(),
                ScimJson.object().add("keptMappings", json(discarded)).build(),
                ScimJson.object().add("discarded", discarded.size()).build());
        return discarded;
    }

    private UserGroup deleted(long enterpriseId, String scimId, boolean lock) {
        return (scimId == null || scimId.isBlank() ? Optional.<UserGroup>empty()
                : groups.findDeleted(enterpriseId, scimId, lock))
                .orElseThrow(() -> ScimException.notFound("There is no group deleted by the identity provider with id '"
                        + abbreviate(scimId) + "' in this enterprise."));
    }

    private List<GroupMappingRepository.Mapping> requireKept(long enterpriseId, UserGroup deleted) {
        List<GroupMappingRepository.Mapping> kept = mappings.keptOfGroup(enterpriseId, deleted.id());
        if (kept.isEmpty()) {
            throw ScimException.conflict("The deleted group '" + deleted.displayName() + "' keeps no mappings: they were "
                    + "restored or discarded already.");
        }
        return kept;
    }

    private static String key(GroupMappingRepository.Mapping m) {
        return (m.subAccountId() == null ? 0L : m.subAccountId()) + ":" + m.roleId();
    }

    private static RestoreTarget target(UserGroup g, String match) {
        return new RestoreTarget(g.scimId(), g.displayName(), g.externalId(), g.memberCount(), match);
    }

    private static DeletedGroupView view(UserGroup g, List<GroupMappingRepository.Mapping> kept, Views views) {
        return new DeletedGroupView(g.scimId(), g.displayName(), g.externalId(), g.deletedAt(),
                kept.stream().map(views::of).toList());
    }

    private static JsonArrayBuilder json(List<KeptMappingView> mappings) {
        JsonArrayBuilder array = ScimJson.array();
        mappings.forEach(m -> array.add(ScimJson.object().add("mappingId", m.id()).add("mapping", m.describe())));
        return array;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** The enterprise's roles and sub-accounts, to describe mappings. */
    private Views views(long enterpriseId) {
        Map<Long, RoleDefinition> roleById = roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
        Map<Long, SubAccountView> subAccountById = new HashMap<>();
        subAccounts.list(enterpriseId).forEach(s -> subAccountById.put(s.id(), SubAccountView.of(s)));
        return new Views(roleById, subAccountById);
    }

    private record Views(Map<Long, RoleDefinition> roles, Map<Long, SubAccountView> subAccounts) {
        KeptMappingView of(GroupMappingRepository.Mapping m) {
            return KeptMappingView.of(new MappingView(m.id(), m.subAccountId() == null ? null : subAccounts.get(m.subAccountId()),
                    roles.get(m.roleId())));
        }
    }
}
