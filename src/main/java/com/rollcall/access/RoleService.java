package com.rollcall.access;

import com.rollcall.audit.AuditTrail;
import com.rollcall.groups.GroupRepository;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import com.rollcall.roles.Permission;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.roles.RoleScope;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Custom roles (first-class everywhere, PRODUCT.md): created, edited and deleted by the enterprise;
 * built-in roles are read-only. Names are unique case-insensitively among the enterprise's custom roles
 * and the built-in ones. A role in use by a group mapping cannot be deleted, and the refusal names the
 * groups.
 */
@Stateless
public class RoleService {
    /** A custom role's definition as given by an administrator. */
    public record RoleInput(String name, RoleScope scope, Set<Permission> permissions, boolean groupManager,
            boolean fullAccess) {
    }

    @Inject
    private RoleRepository roles;

    @Inject
    private GroupMappingRepository mappings;

    @Inject
    private GroupRepository groups;

    @Inject
    private AuditTrail audit;

    @Inject
    private EffectiveRoleStore effectiveRoles;

    @Inject
    private RemapQueue jobs;

    /** Built-in and the enterprise's custom roles, built-in first, then by name. */
    public List<RoleDefinition> roles(long enterpriseId) {
        return roles.visible(enterpriseId);
    }

    public RoleDefinition create(Actor actor, RoleInput input) {
        long enterpriseId = actor.enterpriseId();
        validate(enterpriseId, null, input);
        long id = roles.addCustom(enterpriseId, input.name().trim(), input.scope(), input.groupManager(), input.fullAccess(),
                Clock.now());
        roles.replacePermissions(id, input.permissions());
        RoleDefinition created = roles.find(enterpriseId, id).orElseThrow();
        audit.record(actor, "ROLE_CREATED", "Role", Long.toString(id), created.name(), null, json(created));
        return created;
    }

    /**
     * Edits a custom role. Its score may change, so the effective roles of the users of every group mapping it
     * are recomputed: in this transaction (users locked first) when they are at most
     * {@link RemapQueue#inlineLimit()}, else by a background job. A role in use keeps its scope.
     */
    public RoleDefinition edit(Actor actor, long roleId, RoleInput input) {
        long enterpriseId = actor.enterpriseId();
        RoleDefinition before = custom(enterpriseId, roleId);
        validate(enterpriseId, roleId, input);
        List<String> usedBy = usedBy(enterpriseId, roleId);
        if (!usedBy.isEmpty() && input.scope() != before.scope()) {
            throw ScimException.conflict("The role '" + before.name() + "' is mapped to the " + (usedBy.size() == 1 ? "group " : "groups ")
                    + String.join(", ", usedBy) + "; its scope cannot change while it is mapped.");
        }
        List<Long> affected = groups.userIdsOfGroups(enterpriseId, mappings.groupsMapping(enterpriseId, roleId));
        boolean inline = affected.size() <= jobs.inlineLimit();
        if (inline) {
            effectiveRoles.lockUsers(enterpriseId, affected);
        }
        roles.updateCustom(enterpriseId, roleId, input.name().trim(), input.scope(), input.groupManager(), input.fullAccess(),
                Clock.now());
        roles.replacePermissions(roleId, input.permissions());
        RoleDefinition after = roles.find(enterpriseId, roleId).orElseThrow();
        if (inline) {
            effectiveRoles.recompute(actor, affected, true, RoleChangeCause.of("role '" + after.name() + "' edited"));
        } else {
            jobs.enqueueHolders(actor, null, "Role '" + after.name() + "' edited");
        }
        audit.record(actor, "ROLE_EDITED", "Role", Long.toString(roleId), after.name(), json(before), json(after));
        return after;
    }

    public void delete(Actor actor, long roleId) {
        long enterpriseId = actor.enterpriseId();
        RoleDefinition role = custom(enterpriseId, roleId);
        List<String> usedBy = usedBy(enterpriseId, roleId);
        if (!usedBy.isEmpty()) {
            throw ScimException.conflict("The role '" + role.name() + "' is mapped to the " + (usedBy.size() == 1 ? "group " : "groups ")
                    + String.join(", ", usedBy) + "; remove those mappings first.");
        }
        roles.deleteCustom(enterpriseId, roleId);
        audit.record(actor, "ROLE_DELETED", "Role", Long.toString(roleId), role.name(), json(role), null);
    }

    /** The names of the groups mapping the role. */
    private List<String> usedBy(long enterpriseId, long roleId) {
        return groups.names(enterpriseId, mappings.groupsMapping(enterpriseId, roleId)).values().stream()
                .map(name -> name[1]).distinct().sorted().toList();
    }

    private RoleDefinition custom(long enterpriseId, long roleId) {
        RoleDefinition role = roles.find(enterpriseId, roleId)
                .orElseThrow(() -> ScimException.notFound("No role " + roleId + " in this enterprise."));
        if (role.builtIn()) {
            throw ScimException.forbidden("'" + role.name() + "' is a built-in role: it cannot be changed or deleted.");
        }
        return role;
    }

    private void validate(long enterpriseId, Long self, RoleInput input) {
        if (input.name() == null || input.name().isBlank() || input.name().trim().length() > 200) {
            throw ScimException.invalidValue("A role needs a name of 1 to 200 characters.");
        }
        if (input.scope() == null) {
            throw ScimException.invalidValue("A role needs a scope: ENTERPRISE or SUB_ACCOUNT.");
        }
        if (input.permissions().isEmpty()) {
            throw ScimException.invalidValue("A role needs at least one permission.");
        }
        if (input.scope() == RoleScope.SUB_ACCOUNT && (input.groupManager() || input.fullAccess())) {
            throw ScimException.invalidValue("Group Manager and full access are flags of enterprise roles only.");
        }
        List<String> enterpriseWide = input.permissions().stream().filter(Permission::enterpriseWide)
                .map(Permission::label).toList();
        if (input.scope() == RoleScope.SUB_ACCOUNT && !enterpriseWide.isEmpty()) {
            throw ScimException.invalidValue("A sub-account role cannot grant enterprise-wide permissions ("
                    + String.join(", ", enterpriseWide) + "): they act on the whole enterprise, not on one sub-account. "
                    + "Make it an enterprise role, or leave them out.");
        }
        String key = key(input.name());
        roles.visible(enterpriseId).stream()
                .filter(r -> key(r.name()).equals(key) && (self == null || r.id() != self))
                .findFirst()
                .ifPresent(r -> {
                    throw ScimException.uniqueness("A role named '" + r.name() + "' already exists.");
                });
    }

    private static String key(String name) {
        return RoleRepository.key(name);
    }

    static JsonObject json(RoleDefinition role) {
        var permissions = ScimJson.array();
        role.permissions().forEach(p -> permissions.add(p.name()));
        return ScimJson.object(RoleViews.roleJson(role)).add("builtIn", role.builtIn())
                .add("groupManager", role.groupManager()).add("fullAccess", role.fullAccess())
                .add("consumesLicense", role.consumesLicense()).add("permissions", permissions)
                .add("scoreBreakdown", RolePriorityMatrix.breakdown(role)).build();
    }

    /** A custom role's version, read with it by an editor so that saving cannot overwrite someone else's change. */
    public int version(long enterpriseId, long roleId) {
        return roles.version(enterpriseId, roleId, false)
                .orElseThrow(() -> ScimException.notFound("No role " + roleId + " in this enterprise."));
    }

    /**
     * {@link #edit(Actor, long, RoleInput)} for an editor that read the role at {@code expectedVersion}: refused
     * (412) when the role changed since, with the row locked so two saves cannot both pass the check.
     */
    public RoleDefinition edit(Actor actor, long roleId, int expectedVersion, RoleInput input) {
        Optional<Integer> version = roles.version(actor.enterpriseId(), roleId, true);
        if (version.isPresent() && version.get() != expectedVersion) {
            throw ScimException.preconditionFailed("Someone changed this role while you were editing it; reload the page "
                    + "to see their change, then make yours again.");
        }
        return edit(actor, roleId, input);
    }
}
