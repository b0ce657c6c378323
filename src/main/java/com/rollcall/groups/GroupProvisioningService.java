package com.rollcall.groups;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.audit.Actor;
import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.persistence.Constraints;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.message.Preconditions;
import com.rollcall.users.UserScimMapper;
import com.rollcall.scim.message.ListResponse;
import com.rollcall.platform.query.JpqlSearch;
import com.rollcall.platform.query.ListQuery;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Group provisioning use cases, one transaction each; they return SCIM documents. */
@Stateless
public class GroupProvisioningService {
    @Inject
    private GroupRepository groups;

    @Inject
    private AuditTrail audit;

    /** SCIM create, with optional initial members; 409 uniqueness on a taken displayName or externalId. */
    public JsonObject create(Actor actor, JsonObject body, String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        GroupScimMapper.GroupAttributes attributes = GroupScimMapper.fromJson(body);
        if (groups.findByDisplayName(enterpriseId, attributes.displayName()).isPresent()) {
            throw ScimException.uniqueness("displayName '" + attributes.displayName() + "' is already taken by another group.");
        }
        if (attributes.externalId() != null && groups.findByExternalId(enterpriseId, attributes.externalId()).isPresent()) {
            throw ScimException.uniqueness("externalId '" + attributes.externalId() + "' is already taken by another group.");
        }
        UserGroup group = new UserGroup(enterpriseId, attributes.displayName(), attributes.externalId());
        try {
            groups.add(enterpriseId, group);
            groups.flush();
        } catch (PersistenceException e) {
            throw uniquenessOrRethrow(e);
        }
        MemberIds members = resolve(enterpriseId, group, attributes.memberIds());
        group.adjustMemberCount(members.addTo(groups, enterpriseId, group));
        groups.flush();
        JsonObject created = GroupScimMapper.toJson(group, groups.members(enterpriseId, group.id()), baseUrl);
        audit.record(actor, "GROUP_CREATED", "Group", group.scimId(), group.displayName(), null,
                withoutMembers(created, attributes.memberIds()));
        return created;
    }

    /** SCIM read; {@code withMembers=false} never touches the membership tables (ENTRA.md Q11). */
    public JsonObject get(long enterpriseId, String scimId, boolean withMembers, String baseUrl) {
        UserGroup group = groups.find(enterpriseId, scimId)
                .orElseThrow(() -> ScimException.notFound("Group " + scimId + " not found."));
        return GroupScimMapper.toJson(group, withMembers ? groups.members(enterpriseId, group.id()) : null, baseUrl);
    }

    /** SCIM list / search; members are read (per group of the page) only when the answer includes them. */
    public JsonObject search(long enterpriseId, ListQuery query, boolean withMembers, String baseUrl) {
        JpqlSearch.Page<UserGroup> page = groups.search(enterpriseId, query);
        List<JsonObject> resources = page.items().stream()
                .map(group -> GroupScimMapper.toJson(group, withMembers ? groups.members(enterpriseId, group.id()) : null,
                        baseUrl))
                .toList();
        return ListResponse.of(page.totalResults(), query.startIndex(), resources);
    }

    /**
     * SCIM PUT: displayName, externalId and the whole member list are replaced; membership changes are
     * applied as the delta between the stored and the new member set.
     */
    public JsonObject replace(Actor actor, String scimId, String ifMatch, JsonObject body, boolean withMembers,
            String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        GroupScimMapper.GroupAttributes attributes = GroupScimMapper.fromJson(body);
        UserGroup group = groups.findForUpdate(enterpriseId, scimId)
                .orElseThrow(() -> ScimException.notFound("Group " + scimId + " not found."));
        Preconditions.checkIfMatch(ifMatch, UserScimMapper.etag(group.version()));
        groups.findByDisplayName(enterpriseId, attributes.displayName())
                .filter(other -> !other.id().equals(group.id()))
                .ifPresent(other -> {
                    throw ScimException.uniqueness("displayName '" + attributes.displayName() + "' is already taken by another group.");
                });
        if (attributes.externalId() != null) {
            groups.findByExternalId(enterpriseId, attributes.externalId())
                    .filter(other -> !other.id().equals(group.id()))
                    .ifPresent(other -> {
                        throw ScimException.uniqueness("externalId '" + attributes.externalId() + "' is already taken by another group.");
                    });
        }
        JsonObject before = GroupScimMapper.toJson(group, null, baseUrl);
        MemberIds wanted = resolve(enterpriseId, group, attributes.memberIds());
        MemberIds stored = groups.memberIds(enterpriseId, group.id());
        MemberIds toRemove = stored.minus(wanted);
        MemberIds toAdd = wanted.minus(stored);
        boolean renamed = !group.displayName().equals(attributes.displayName());
        boolean externalChanged = !java.util.Objects.equals(group.externalId(), attributes.externalId());
        if (!renamed && !externalChanged && toRemove.isEmpty() && toAdd.isEmpty()) {
            return GroupScimMapper.toJson(group, withMembers ? groups.members(enterpriseId, group.id()) : null, baseUrl);
        }
        if (renamed) {
            group.rename(attributes.displayName());
        }
        if (externalChanged) {
            group.changeExternalId(attributes.externalId());
        }
        group.adjustMemberCount(toAdd.addTo(groups, enterpriseId, group) - toRemove.removeFrom(groups, enterpriseId, group));
        try {
            groups.flush();
        } catch (PersistenceException e) {
            throw uniquenessOrRethrow(e);
        }
        JsonObject after = GroupScimMapper.toJson(group, null, baseUrl);
        audit.record(actor, "GROUP_REPLACED", "Group", group.scimId(), group.displayName(), before,
                ScimJson.object(after).add("membersAdded", toAdd.size()).add("membersRemoved", toRemove.size())
                        .remove("meta").build());
        return GroupScimMapper.toJson(group, withMembers ? groups.members(enterpriseId, group.id()) : null, baseUrl);
    }

    /** SCIM delete: the group and its memberships go; users stay. */
    public void delete(Actor actor, String scimId, String ifMatch) {
        long enterpriseId = actor.enterpriseId();
        UserGroup group = groups.findForUpdate(enterpriseId, scimId)
                .orElseThrow(() -> ScimException.notFound("Group " + scimId + " not found."));
        Preconditions.checkIfMatch(ifMatch, UserScimMapper.etag(group.version()));
        JsonObject before = ScimJson.object().add("displayName", group.displayName())
                .add("memberCount", group.memberCount()).build();
        groups.removeAllMembers(enterpriseId, group.id());
        groups.remove(enterpriseId, group);
        groups.flush();
        audit.record(actor, "GROUP_DELETED", "Group", scimId, group.displayName(), before, null);
    }

    /**
     * Member ids resolved to users and groups of the enterprise. An id that is neither is a
     * {@code 400 invalidValue} naming it: the IdP must learn that the member is not in the group.
     */
    MemberIds resolve(long enterpriseId, UserGroup group, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return MemberIds.NONE;
        }
        Map<String, Long> users = groups.liveUserIds(enterpriseId, memberIds);
        Set<String> rest = new HashSet<>(memberIds);
        rest.removeAll(users.keySet());
        Map<String, Long> nested = rest.isEmpty() ? Map.of() : groups.groupIds(enterpriseId, rest);
        rest.removeAll(nested.keySet());
        if (!rest.isEmpty()) {
            List<String> unknown = new ArrayList<>(rest);
            unknown.sort(null);
            throw ScimException.invalidValue("No user or group with id " + String.join(", ",
                    unknown.subList(0, Math.min(10, unknown.size()))) + (unknown.size() > 10 ? " (and "
                    + (unknown.size() - 10) + " more)" : "") + " exists in this enterprise.");
        }
        if (group != null && nested.containsValue(group.id())) {
            throw ScimException.invalidValue("A group cannot be a member of itself.");
        }
        return new MemberIds(users.values(), nested.values());
    }

    private static JsonObject withoutMembers(JsonObject group, Collection<String> memberIds) {
        var builder = ScimJson.object(group).remove("members").remove("meta");
        if (!memberIds.isEmpty()) {
            builder.add("membersAdded", ScimJson.array(new ArrayList<>(memberIds)));
        }
        return builder.build();
    }

    static RuntimeException uniquenessOrRethrow(PersistenceException e) {
        return Constraints.violatedUniqueKey(e)
                .<RuntimeException>map(key -> ScimException.uniqueness(switch (key) {
                    case "uq_group_display_name" -> "displayName is already taken by another group.";
                    case "uq_group_external_id" -> "externalId is already taken by another group.";
                    default -> "A unique value of this group is already taken by another group.";
                }))
                .orElse(e);
    }
}
