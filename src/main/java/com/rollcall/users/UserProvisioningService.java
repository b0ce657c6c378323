package com.rollcall.users;

import com.rollcall.audit.AuditTrail;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.IdentifierRule;
import com.rollcall.events.ChangeFeed;
import com.rollcall.events.EventType;
import com.rollcall.platform.query.JpqlSearch;
import com.rollcall.platform.query.ListQuery;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ListResponse;
import com.rollcall.scim.message.Preconditions;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.patch.PatchEngine;
import com.rollcall.scim.patch.PatchOperation;
import com.rollcall.scim.patch.PatchRequest;
import com.rollcall.scim.schema.ScimSchemas;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User provisioning use cases, one transaction each. Returns SCIM documents, never entities.
 */
@Stateless
public class UserProvisioningService {
    @Inject
    private UserRepository users;

    @Inject
    private AuditTrail audit;

    @Inject
    private UserWrites writes;

    @Inject
    private ChangeFeed feed;

    @Inject
    private GroupsOfUsers groupsOfUsers;

    /** Tells the rooms that keep something of a user (memberships, stored roles) that it left. */
    @Inject
    private Event<UserRemoved> removed;

    @Inject
    private EnterpriseService enterprises;

    /**
     * SCIM create. A manual user whose identifier (the enterprise's rule: email, case-insensitive, or
     * employee ID) matches is linked instead of duplicated (PRODUCT.md rule 2, {@link #link}): the answer is
     * 201 with its id. Two matching manual users are a 409 naming the clash. Otherwise a new SCIM user is
     * created, taking a seat when active (403 at the license limit). 409 uniqueness on a taken userName or
     * externalId.
     */
    public JsonObject create(Actor actor, JsonObject body, String baseUrl) {
        UserAttributes attributes = UserScimMapper.fromJson(body);
        long enterpriseId = actor.enterpriseId();
        IdentifierRule rule = enterprises.identifierRule(enterpriseId);
        Optional<UserAccount> manual = linkCandidate(enterpriseId, rule, attributes);
        if (manual.isPresent()) {
            UserAccount user = manual.get();
            UserAttributes adopted = attributes.active() == null ? attributes.withActive(user.active()) : attributes;
            return link(actor, rule, "POST", user, writes.groupsOf(enterpriseId, user), adopted, baseUrl);
        }
        return writes.insert(actor, UserSource.SCIM, attributes, baseUrl);
    }

    /**
     * The IdP's first write to a manual user links it (PRODUCT.md rule 2), whichever way it comes: a create
     * that the identifier rule matched, or the PATCH (Entra) or PUT (Okta) that follows the IdP's lookup. The
     * user keeps its id, history and groups and is SCIM-sourced from now on ({@code linked_at}, {@code
     * linked_by}); the write's own attributes apply in the same transaction, under the usual rules (409 on a
     * taken userName or externalId; a seat when it activates the user, 403 at the limit and nothing changes,
     * the user still manual; an active user keeps its seat, an inactive one stays seatless). One audit event,
     * {@code USER_LINKED}: before is the manual user, after is the linked user with {@code linked} naming the
     * API client, the request and the identifier that matched ({@link LinkMatch}).
     */
    private JsonObject link(Actor actor, IdentifierRule rule, String request, UserAccount user,
            List<UserScimMapper.GroupRef> groups, UserAttributes attributes, String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        JsonObject before = UserScimMapper.toJson(user, groups, baseUrl);
        LinkMatch match = LinkMatch.between(rule, user.scimId(), user.attributes(), attributes);
        writes.requireUnique(enterpriseId, user, attributes);
        UserWrites.Presence presence = writes.presence(user);
        user.linkToIdp(actor.name());
        user.replace(attributes);
        writes.save(actor, user, presence);
        JsonObject after = UserScimMapper.toJson(user, groups, baseUrl);
        JsonObject linked = ScimJson.object(after).add("linked", match.toJson(actor.name(), request, rule)).build();
        audit.record(actor, "USER_LINKED", "User", user.scimId(), user.userName(), before, linked);
        feed.record(actor, EventType.USER_LINKED, "User", user.scimId(), linked);
        return after;
    }

    /** The one live manual user sharing the new user's identifier, if any; two are a clash (409). */
    private Optional<UserAccount> linkCandidate(long enterpriseId, IdentifierRule rule, UserAttributes attributes) {
        List<UserAccount> candidates = rule == IdentifierRule.EMPLOYEE_ID
                ? users.manualByEmployeeNumber(enterpriseId, UserAccount.employeeNumberKey(attributes.employeeNumber()))
                : users.manualByEmail(enterpriseId, attributes.emailKeys());
        if (candidates.size() > 1) {
            throw ScimException.uniqueness("The identifier of this user matches " + candidates.size()
                    + " existing users (" + candidates.stream().map(UserAccount::userName).sorted()
                    .collect(java.util.stream.Collectors.joining(", ")) + "); resolve the clash in the console first.");
        }
        return candidates.stream().findFirst().flatMap(candidate -> users.lock(enterpriseId, candidate));
    }

    /**
     * SCIM PUT (Okta's update): replaces every client-settable attribute; {@code active} only when given.
     * A replace that changes nothing keeps the version and lastModified. The first PUT to a manual user links
     * it ({@link #link}), even when it changes nothing else.
     */
    public JsonObject replace(Actor actor, String scimId, String ifMatch, JsonObject body, String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        UserAttributes attributes = UserScimMapper.fromJson(body);
        UserAccount user = users.findLiveForUpdate(enterpriseId, scimId)
                .orElseThrow(() -> ScimException.notFound("User " + scimId + " not found."));
        Preconditions.checkIfMatch(ifMatch, user.version());
        List<UserScimMapper.GroupRef> groups = writes.groupsOf(enterpriseId, user);
        UserAttributes current = user.attributes();
        UserAttributes merged = attributes.active() == null ? attributes.withActive(current.active()) : attributes;
        if (user.source() == UserSource.MANUAL) {
            return link(actor, enterprises.identifierRule(enterpriseId), "PUT", user, groups, merged, baseUrl);
        }
        JsonObject before = UserScimMapper.toJson(user, groups, baseUrl);
        if (merged.equals(current)) {
            return before;
        }
        writes.requireUnique(enterpriseId, user, merged);
        UserWrites.Presence presence = writes.presence(user);
        user.replace(merged);
        writes.save(actor, user, presence);
        JsonObject after = UserScimMapper.toJson(user, groups, baseUrl);
        audit.record(actor, "USER_REPLACED", "User", user.scimId(), user.userName(), before, after);
        feed.userChanged(actor, user.scimId(), before, after);
        return after;
    }

    /**
     * SCIM PATCH (RFC 7644 §3.5.2 with the Entra and Okta dialects): the operations apply to the
     * user's SCIM form all-or-nothing, the result is validated like a PUT, and a PATCH that changes
     * nothing keeps the version and lastModified. The first PATCH to a manual user links it ({@link #link}),
     * even when it changes nothing else.
     */
    public JsonObject patch(Actor actor, String scimId, String ifMatch, JsonObject body, String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        List<PatchOperation> operations = PatchRequest.parse(body);
        UserAccount user = users.findLiveForUpdate(enterpriseId, scimId)
                .orElseThrow(() -> ScimException.notFound("User " + scimId + " not found."));
        Preconditions.checkIfMatch(ifMatch, user.version());
        List<UserScimMapper.GroupRef> groups = writes.groupsOf(enterpriseId, user);
        JsonObject before = UserScimMapper.toJson(user, groups, baseUrl);
        JsonObject patched = new PatchEngine(ScimSchemas.USER_RESOURCE_TYPE).apply(before, operations);
        UserAttributes attributes = UserScimMapper.fromJson(patched);
        if (user.source() == UserSource.MANUAL) {
            return link(actor, enterprises.identifierRule(enterpriseId), "PATCH", user, groups, attributes, baseUrl);
        }
        if (attributes.equals(user.attributes())) {
            return before;
        }
        writes.requireUnique(enterpriseId, user, attributes);
        UserWrites.Presence presence = writes.presence(user);
        user.replace(attributes);
        writes.save(actor, user, presence);
        JsonObject after = UserScimMapper.toJson(user, groups, baseUrl);
        audit.record(actor, "USER_PATCHED", "User", user.scimId(), user.userName(), before, after);
        feed.userChanged(actor, user.scimId(), before, after);
        return after;
    }

    /** SCIM DELETE: soft delete (PRODUCT.md rule 4); memberships go; 404 afterwards. */
    public void delete(Actor actor, String scimId, String ifMatch, String baseUrl) {
        long enterpriseId = actor.enterpriseId();
        UserAccount user = users.findLiveForUpdate(enterpriseId, scimId)
                .orElseThrow(() -> ScimException.notFound("User " + scimId + " not found."));
        Preconditions.checkIfMatch(ifMatch, user.version());
        JsonObject before = writes.toJson(enterpriseId, user, baseUrl);
        UserWrites.Presence presence = writes.presence(user);
        removed.fire(new UserRemoved(enterpriseId, user.id()));
        users.clearLicenseExemption(enterpriseId, user.id());
        user.softDelete();
        writes.save(actor, user, presence);
        audit.record(actor, "USER_DELETED", "User", user.scimId(), user.userName(), before, null);
        var deleted = ScimJson.object().add("id", user.scimId()).add("userName", before.getString("userName", user.userName()));
        if (before.containsKey("externalId")) {
            deleted.add("externalId", before.get("externalId"));
        }
        feed.record(actor, EventType.USER_DELETED, "User", user.scimId(), deleted.build());
    }

    /** SCIM read of one live user of the caller's enterprise; 404 for unknown, deleted or foreign ids. */
    public JsonObject get(long enterpriseId, String scimId, String baseUrl) {
        return users.findLive(enterpriseId, scimId)
                .map(user -> writes.toJson(enterpriseId, user, baseUrl))
                .orElseThrow(() -> ScimException.notFound("User " + scimId + " not found."));
    }

    /** SCIM list / search: filter, sort and page in the database; one query for all the page's groups. */
    public JsonObject search(long enterpriseId, ListQuery query, String baseUrl) {
        JpqlSearch.Page<UserAccount> page = users.search(enterpriseId, query);
        Map<Long, List<UserScimMapper.GroupRef>> groups =
                groupsOfUsers.of(enterpriseId, page.items().stream().map(UserAccount::id).toList());
        List<JsonObject> resources = page.items().stream()
                .map(user -> UserScimMapper.toJson(user, groups.getOrDefault(user.id(), List.of()), baseUrl))
                .toList();
        return ListResponse.of(page.totalResults(), query.startIndex(), resources);
    }

}
