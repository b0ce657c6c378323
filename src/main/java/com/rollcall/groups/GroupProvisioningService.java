package com.rollcall.groups;

import com.rollcall.audit.AuditTrail;
import com.rollcall.events.ChangeFeed;
import com.rollcall.events.EventType;
import com.rollcall.platform.persistence.Constraints;
import com.rollcall.platform.query.JpqlSearch;
import com.rollcall.platform.query.ListQuery;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ListResponse;
import com.rollcall.scim.message.Preconditions;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.patch.MembershipPatch;
import com.rollcall.scim.patch.PatchEngine;
import com.rollcall.scim.patch.PatchOperation;
import com.rollcall.scim.patch.PatchRequest;
import com.rollcall.scim.schema.ScimSchemas;
import com.rollcall.scim.schema.Urns;
import com.rollcall.users.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.PersistenceException;
import java.io.OutputStream;
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
    private ChangeFeed feed;

    @Inject
    private GroupRepository groups;

    @Inject
    private UserRepository users;

    @Inject
    private AuditTrail audit;

    @Inject
    private MembershipEffects effects;

    @Inject
    private KeptMappings keptMappings;

    /**
     * SCIM create, with optional initial members; 409 uniqueness on an externalId another live group has. The
     * displayName need not be unique (RFC 7643 §8.7.1; see the design notes).
     */
    public JsonObject create(Actor actor, JsonObject body, String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        GroupScimMapper.GroupAttributes attributes = GroupScimMapper.fromJson(body);
        requireFreeExternalId(enterpriseId, null, attributes.externalId());
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
        MembershipLog log = new MembershipLog();
        log.joined(members.userIds());
        MembershipLog.Described state = log.describe(enterpriseId, users,
                ScimJson.object(withoutMembers(created, attributes.memberIds())));
        audit.record(actor, "GROUP_CREATED", "Group", group.scimId(), group.displayName(), null, state.state().build(),
                state.subjects());
        feed.record(actor, EventType.GROUP_CREATED, "Group", group.scimId(), groupData(group).build());
        log.publish(feed, actor, group, users);
        return created;
    }

    /** SCIM read; {@code withMembers=false} never touches the membership tables (ENTRA.md Q11). */
    public JsonObject get(long enterpriseId, String scimId, boolean withMembers, String baseUrl) {
        UserGroup group = groups.find(enterpriseId, scimId)
                .orElseThrow(() -> ScimException.notFound("Group " + scimId + " not found."));
        return toJson(enterpriseId, group, withMembers, baseUrl);
    }

    /**
     * Writes the group's SCIM form to {@code out}, its members (when the projection wants them) read in keyset pages
     * and written as they come, all inside this one transaction (one snapshot): memory stays bounded whatever the
     * group's size. {@code header} is its form without members (read by {@link #get}, whose ETag is already sent).
     */
    public void writeWithMembers(long enterpriseId, JsonObject header, List<String> attributes, List<String> excluded,
            String baseUrl, OutputStream out) {
        Long groupId = groups.find(enterpriseId, header.getString("id")).map(UserGroup::id).orElse(null);
        JsonGenerator json = ScimJson.PROVIDER.createGenerator(out);
        writeGroup(json, enterpriseId, groupId, MemberStream.of(header, attributes, excluded), baseUrl);
        json.flush();
    }

    /**
     * SCIM list / search with members (a page of groups, each with all its members: Okta lists groups so): the
     * ListResponse is written as it goes, each group's members streamed in keyset pages, in this one transaction.
     */
    public void writeSearch(long enterpriseId, ListQuery query, List<String> attributes, List<String> excluded,
            String baseUrl, OutputStream out) {
        JpqlSearch.Page<UserGroup> page = groups.search(enterpriseId, query);
        JsonGenerator json = ScimJson.PROVIDER.createGenerator(out);
        json.writeStartObject();
        json.writeStartArray("schemas").write(Urns.LIST_RESPONSE).writeEnd();
        json.write("totalResults", page.totalResults());
        json.write("itemsPerPage", page.items().size());
        json.write("startIndex", query.startIndex());
        json.writeStartArray("Resources");
        for (UserGroup group : page.items()) {
            MemberStream plan = MemberStream.of(GroupScimMapper.toJson(group, null, baseUrl), attributes, excluded);
            writeGroup(json, enterpriseId, group.id(), plan, baseUrl);
        }
        json.writeEnd();
        json.writeEnd();
        json.flush();
    }

    private void writeGroup(JsonGenerator json, long enterpriseId, Long groupId, MemberStream plan, String baseUrl) {
        json.writeStartObject();
        boolean membersWritten = !plan.members();
        for (Map.Entry<String, JsonValue> field : plan.header().entrySet()) {
            if (field.getKey().equals("meta") && !membersWritten) {
                writeMembers(json, enterpriseId, groupId, plan, baseUrl);
                membersWritten = true;
            }
            json.write(field.getKey(), field.getValue());
        }
        if (!membersWritten) {
            writeMembers(json, enterpriseId, groupId, plan, baseUrl);
        }
        json.writeEnd();
    }

    private void writeMembers(JsonGenerator json, long enterpriseId, Long groupId, MemberStream plan, String baseUrl) {
        json.writeStartArray("members");
        if (groupId != null) {
            groups.forEachMember(enterpriseId, groupId,
                    member -> json.write(plan.member(GroupScimMapper.memberJson(member, baseUrl))));
        }
        json.writeEnd();
    }

    /** SCIM list / search; members are read (per group of the page) only when the answer includes them. */
    public JsonObject search(long enterpriseId, ListQuery query, boolean withMembers, String baseUrl) {
        JpqlSearch.Page<UserGroup> page = groups.search(enterpriseId, query);
        List<JsonObject> resources = page.items().stream()
                .map(group -> toJson(enterpriseId, group, withMembers, baseUrl))
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
        Preconditions.checkIfMatch(ifMatch, group.version());
        requireFreeExternalId(enterpriseId, group, attributes.externalId());
        JsonObject before = GroupScimMapper.toJson(group, null, baseUrl);
        MemberIds wanted = resolve(enterpriseId, group, attributes.memberIds());
        MemberIds stored = groups.memberIds(enterpriseId, group.id());
        MemberIds toRemove = stored.minus(wanted);
        MemberIds toAdd = wanted.minus(stored);
        boolean renamed = !group.displayName().equals(attributes.displayName());
        boolean externalChanged = !java.util.Objects.equals(group.externalId(), attributes.externalId());
        if (!renamed && !externalChanged && toRemove.isEmpty() && toAdd.isEmpty()) {
            return toJson(enterpriseId, group, withMembers, baseUrl);
        }
        if (renamed) {
            group.rename(attributes.displayName());
        }
        if (externalChanged) {
            group.changeExternalId(attributes.externalId());
        }
        MembershipEffects.Change roles = effects.begin(actor, group);
        roles.users(toAdd.userIds());
        roles.users(toRemove.userIds());
        roles.lock();
        group.adjustMemberCount(toAdd.addTo(groups, enterpriseId, group) - toRemove.removeFrom(groups, enterpriseId, group));
        try {
            groups.flush();
        } catch (PersistenceException e) {
            throw uniquenessOrRethrow(e);
        }
        MembershipLog log = new MembershipLog();
        log.joined(toAdd.userIds());
        log.left(toRemove.userIds());
        renamedEvent(actor, group, before);
        log.publish(feed, actor, group, users);
        roles.apply();
        JsonObject after = GroupScimMapper.toJson(group, null, baseUrl);
        MembershipLog.Described state = log.describe(enterpriseId, users, ScimJson.object(after)
                .add("membersAdded", toAdd.size()).add("membersRemoved", toRemove.size()).remove("meta"));
        audit.record(actor, "GROUP_REPLACED", "Group", group.scimId(), group.displayName(), before, state.state().build(),
                state.subjects());
        return toJson(enterpriseId, group, withMembers, baseUrl);
    }

    /**
     * SCIM PATCH. Member operations become SQL deltas in request order (never loading the member
     * list); other operations (displayName, externalId) go through the PATCH engine on the group's
     * SCIM form. All or nothing: any failing step rolls the whole request back. Removing a member that
     * is not in the group, or no longer exists, is a no-op (Entra retries); adding an id that is not a
     * user or group of the enterprise is 400 invalidValue naming it.
     */
    public JsonObject patch(Actor actor, String scimId, String ifMatch, JsonObject body, boolean withMembers,
            String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        MembershipPatch.Plan plan = MembershipPatch.plan(PatchRequest.parse(body));
        UserGroup group = groups.findForUpdate(enterpriseId, scimId)
                .orElseThrow(() -> ScimException.notFound("Group " + scimId + " not found."));
        Preconditions.checkIfMatch(ifMatch, group.version());
        JsonObject before = GroupScimMapper.toJson(group, null, baseUrl);
        boolean attributesChanged = applyAttributeOperations(enterpriseId, group, before, plan.otherOperations());
        int added = 0;
        int removed = 0;
        MembershipEffects.Change roles = plan.memberSteps().isEmpty() ? null : effects.begin(actor, group);
        List<Delta> deltas = deltas(enterpriseId, group, plan.memberSteps());
        if (roles != null) {
            for (Delta delta : deltas) {
                if (delta.removeAll()) {
                    roles.allUsers();
                } else {
                    roles.users(delta.ids().userIds());
                }
            }
            roles.lock();
        }
        MembershipLog log = new MembershipLog();
        for (Delta delta : deltas) {
            if (delta.removeAll()) {
                log.leftAll(groups.memberUserIdsPage(enterpriseId, group.id(), 0, Integer.MAX_VALUE));
                removed += groups.removeAllMembers(enterpriseId, group.id());
            } else if (delta.add()) {
                java.util.Set<Long> already = groups.userMembersAmong(enterpriseId, group.id(), delta.ids().userIds());
                log.joined(delta.ids().userIds().stream().filter(id -> !already.contains(id)).distinct().toList());
                added += delta.ids().addTo(groups, enterpriseId, group);
            } else {
                log.left(List.copyOf(groups.userMembersAmong(enterpriseId, group.id(), delta.ids().userIds())));
                removed += delta.ids().removeFrom(groups, enterpriseId, group);
            }
        }
        if (!attributesChanged && added == 0 && removed == 0) {
            return toJson(enterpriseId, group, withMembers, baseUrl);
        }
        group.adjustMemberCount(added - removed);
        group.touch();
        try {
            groups.flush();
        } catch (PersistenceException e) {
            throw uniquenessOrRethrow(e);
        }
        renamedEvent(actor, group, before);
        log.publish(feed, actor, group, users);
        if (roles != null) {
            roles.apply();
        }
        JsonObject after = GroupScimMapper.toJson(group, null, baseUrl);
        MembershipLog.Described state = log.describe(enterpriseId, users, ScimJson.object(after).remove("meta")
                .add("membersAdded", added).add("membersRemoved", removed));
        audit.record(actor, "GROUP_PATCHED", "Group", group.scimId(), group.displayName(), before, state.state().build(),
                state.subjects());
        return toJson(enterpriseId, group, withMembers, baseUrl);
    }

    /** One membership delta of a PATCH: members added, members removed, or every member removed. */
    private record Delta(boolean add, boolean removeAll, MemberIds ids) {
        static final Delta REMOVE_ALL = new Delta(false, true, MemberIds.NONE);
    }

    /**
     * The PATCH's member operations as deltas, in request order, worked out before anything is written (so the
     * users they touch can be locked first): a replace becomes the members leaving and the members joining,
     * against the membership as the operations before it leave it (read once, only when a replace needs it).
     */
    private List<Delta> deltas(long enterpriseId, UserGroup group, List<MembershipPatch.Step> steps) {
        List<Delta> deltas = new ArrayList<>();
        MemberIds current = steps.stream().anyMatch(step -> step instanceof MembershipPatch.ReplaceMembers)
                ? groups.memberIds(enterpriseId, group.id()) : null;
        for (MembershipPatch.Step step : steps) {
            if (step instanceof MembershipPatch.AddMembers add) {
                MemberIds ids = resolve(enterpriseId, group, add.ids());
                deltas.add(new Delta(true, false, ids));
                current = current == null ? null : current.plus(ids);
            } else if (step instanceof MembershipPatch.RemoveMembers remove) {
                MemberIds ids = resolveExisting(enterpriseId, remove.ids());
                deltas.add(new Delta(false, false, ids));
                current = current == null ? null : current.minus(ids);
            } else if (step instanceof MembershipPatch.RemoveAllMembers) {
                deltas.add(Delta.REMOVE_ALL);
                current = current == null ? null : MemberIds.NONE;
            } else if (step instanceof MembershipPatch.ReplaceMembers replace) {
                MemberIds wanted = resolve(enterpriseId, group, replace.ids());
                deltas.add(new Delta(false, false, current.minus(wanted)));
                deltas.add(new Delta(true, false, wanted.minus(current)));
                current = wanted;
            }
        }
        return deltas;
    }

    /** displayName / externalId operations through the PATCH engine; true when something changed. */
    private boolean applyAttributeOperations(long enterpriseId, UserGroup group, JsonObject before,
            List<PatchOperation> operations) {
        if (operations.isEmpty()) {
            return false;
        }
        JsonObject patched = new PatchEngine(ScimSchemas.GROUP_RESOURCE_TYPE).apply(before, operations);
        GroupScimMapper.GroupAttributes attributes = GroupScimMapper.fromJson(patched);
        boolean renamed = !group.displayName().equals(attributes.displayName());
        boolean externalChanged = !java.util.Objects.equals(group.externalId(), attributes.externalId());
        if (renamed) {
            group.rename(attributes.displayName());
        }
        if (externalChanged) {
            requireFreeExternalId(enterpriseId, group, attributes.externalId());
            group.changeExternalId(attributes.externalId());
        }
        return renamed || externalChanged;
    }

    /** Member ids to remove: those that are users or groups of the enterprise; others are ignored. */
    private MemberIds resolveExisting(long enterpriseId, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return MemberIds.NONE;
        }
        return new MemberIds(users.liveIds(enterpriseId, memberIds).values(),
                groups.groupIds(enterpriseId, memberIds).values());
    }

    private void requireFreeExternalId(long enterpriseId, UserGroup self, String externalId) {
        if (externalId == null) {
            return;
        }
        groups.findByExternalId(enterpriseId, externalId)
                .filter(other -> self == null || !other.id().equals(self.id()))
                .ifPresent(other -> {
                    throw ScimException.uniqueness("externalId '" + externalId + "' is already taken by another group.");
                });
    }

    /** The group's SCIM form; members are read only when the answer includes them. */
    private JsonObject toJson(long enterpriseId, UserGroup group, boolean withMembers, String baseUrl) {
        return GroupScimMapper.toJson(group, withMembers ? groups.members(enterpriseId, group.id()) : null, baseUrl);
    }

    /**
     * SCIM delete (Entra: the group was unassigned or left the provisioning scope). The group is soft-deleted: 404
     * to SCIM from now on, its externalId free for a new group; its memberships end (as members and as a member of
     * other groups), so its members lose the roles it gave at once (recomputed in this transaction, like a
     * membership removal, or by a remap job for a large group); its mappings are kept, inactive, for an admin to
     * restore onto another group or discard. The audit event lists the deactivated mappings. Users stay.
     */
    public void delete(Actor actor, String scimId, String ifMatch) {
        long enterpriseId = actor.enterpriseId();
        UserGroup group = groups.findForUpdate(enterpriseId, scimId)
                .orElseThrow(() -> ScimException.notFound("Group " + scimId + " not found."));
        Preconditions.checkIfMatch(ifMatch, group.version());
        JsonObject before = nullable(ScimJson.object().add("displayName", group.displayName()), "externalId",
                group.externalId()).add("memberCount", group.memberCount()).build();
        int members = group.memberCount();
        MembershipEffects.Change roles = effects.begin(actor, group);
        roles.allUsers();
        roles.lock();
        List<KeptMappings.Kept> kept = keptMappings.keep(enterpriseId, group.id());
        MembershipLog log = new MembershipLog();
        log.leftAll(groups.memberUserIdsPage(enterpriseId, group.id(), 0, Integer.MAX_VALUE));
        groups.removeAllMembers(enterpriseId, group.id());
        groups.leaveParentGroups(enterpriseId, group.id());
        group.softDelete();
        groups.flush();
        log.publish(feed, actor, group, users);
        feed.record(actor, EventType.GROUP_DELETED, "Group", scimId, groupData(group).add("memberCount", members).build());
        roles.apply();
        var deactivated = ScimJson.array();
        for (KeptMappings.Kept m : kept) {
            var mapping = ScimJson.object().add("mappingId", m.mappingId()).add("roleId", m.roleId()).add("role", m.role())
                    .add("level", m.subAccountId() == null ? "ENTERPRISE" : "SUB_ACCOUNT");
            nullable(mapping, "subAccountId", m.subAccountId());
            nullable(mapping, "subAccount", m.subAccount());
            deactivated.add(mapping.add("mapping", m.describe()));
        }
        MembershipLog.Described state = log.describe(enterpriseId, users, ScimJson.object()
                .add("deletedAt", group.deletedAt().toString()).add("memberCount", members)
                .add("mappingsDeactivated", deactivated).add("mappingsKept", kept.size()));
        audit.record(actor, "GROUP_DELETED", "Group", scimId, group.displayName(), before, state.state().build(),
                state.subjects());
    }

    /** A group's identity for the change feed: id, displayName, externalId and member count. */
    private static jakarta.json.JsonObjectBuilder groupData(UserGroup group) {
        return nullable(ScimJson.object().add("id", group.scimId()).add("displayName", group.displayName()), "externalId",
                group.externalId()).add("memberCount", group.memberCount());
    }

    /** {@code group.renamed} when the displayName differs from the one before the change. */
    private void renamedEvent(Actor actor, UserGroup group, JsonObject before) {
        String previous = before.getString("displayName", null);
        if (previous != null && !previous.equals(group.displayName())) {
            feed.record(actor, EventType.GROUP_RENAMED, "Group", group.scimId(), groupData(group)
                    .add("previousDisplayName", previous).build());
        }
    }

    /**
     * Member ids resolved to users and groups of the enterprise. An id that is neither is a
     * {@code 400 invalidValue} naming it: the IdP must learn that the member is not in the group.
     */
    MemberIds resolve(long enterpriseId, UserGroup group, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return MemberIds.NONE;
        }
        Map<String, Long> userIds = users.liveIds(enterpriseId, memberIds);
        Set<String> rest = new HashSet<>(memberIds);
        rest.removeAll(userIds.keySet());
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
        // in the request's order (an audit names the first members of a large change as sent)
        return new MemberIds(memberIds.stream().map(userIds::get).filter(java.util.Objects::nonNull).distinct().toList(),
                memberIds.stream().map(nested::get).filter(java.util.Objects::nonNull).distinct().toList());
    }

    private static jakarta.json.JsonObjectBuilder nullable(jakarta.json.JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            return json.addNull(name);
        }
        return value instanceof Long number ? json.add(name, number) : json.add(name, value.toString());
    }

    private static JsonObject withoutMembers(JsonObject group, Collection<String> memberIds) {
        var builder = ScimJson.object(group).remove("members").remove("meta");
        if (!memberIds.isEmpty()) {
            builder.add("membersAdded", ScimJson.array(new ArrayList<>(memberIds)));
        }
        return builder.build();
    }

    /** 409 uniqueness for a race lost on the group's own values; any other violation stays a server fault. */
    static RuntimeException uniquenessOrRethrow(PersistenceException e) {
        if (Constraints.violated(e, "uq_group_external_id")) {
            return ScimException.uniqueness("externalId is already taken by another group.");
        }
        return e;
    }
}
