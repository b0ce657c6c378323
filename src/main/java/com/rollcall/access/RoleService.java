package com.rollcall.access;

import com.rollcall.platform.security.Actor;
import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.roles.Permission;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RolePriorityMatrix;
import com.rollcall.roles.RoleScope;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RoleRepository roles;

    @Inject
    private AuditTrail audit;

    @Inject
    private EffectiveRoleStore effectiveRoles;

    @Inject
    private RemapQueue jobs;

    public RoleDefinition create(Actor actor, RoleInput input) {
        long enterpriseId = actor.enterpriseId();
        validate(enterpriseId, null, input);
        String now = (String) new UtcInstantConverter().convertToDatabaseColumn(Clock.now());
        em.createNativeQuery("INSERT INTO app_role (enterprise_id, code, name, name_key, scope, group_manager, full_access, "
                        + "consumes_license, built_in, created_at, last_modified, version) VALUES (?, NULL, ?, ?, ?, ?, ?, TRUE, FALSE, ?, ?, 1)")
                .setParameter(1, enterpriseId).setParameter(2, input.name().trim()).setParameter(3, key(input.name()))
                .setParameter(4, input.scope().name()).setParameter(5, input.groupManager()).setParameter(6, input.fullAccess())
                .setParameter(7, now).setParameter(8, now).executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT id FROM app_role WHERE enterprise_id = ? AND name_key = ?")
                .setParameter(1, enterpriseId).setParameter(2, key(input.name())).getSingleResult()).longValue();
        writePermissions(id, input.permissions());
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
            throw ScimException.conflict("The role '" + before.name() + "' is mapped to the group(s) "
                    + String.join(", ", usedBy) + "; its scope cannot change while it is mapped.");
        }
        List<Long> affected = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT DISTINCT m.user_id FROM group_membership m JOIN group_mapping gm "
                        + "ON gm.group_id = m.group_id WHERE gm.enterprise_id = ? AND gm.role_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, roleId).getResultList()) {
            affected.add(((Number) id).longValue());
        }
        boolean inline = affected.size() <= jobs.inlineLimit();
        if (inline) {
            effectiveRoles.lockUsers(enterpriseId, affected);
        }
        em.createNativeQuery("UPDATE app_role SET name = ?, name_key = ?, scope = ?, group_manager = ?, full_access = ?, "
                        + "last_modified = ?, version = version + 1 WHERE id = ? AND enterprise_id = ?")
                .setParameter(1, input.name().trim()).setParameter(2, key(input.name())).setParameter(3, input.scope().name())
                .setParameter(4, input.groupManager()).setParameter(5, input.fullAccess())
                .setParameter(6, new UtcInstantConverter().convertToDatabaseColumn(Clock.now()))
                .setParameter(7, roleId).setParameter(8, enterpriseId).executeUpdate();
        em.createNativeQuery("DELETE FROM app_role_permission WHERE role_id = ?").setParameter(1, roleId).executeUpdate();
        writePermissions(roleId, input.permissions());
        RoleDefinition after = roles.find(enterpriseId, roleId).orElseThrow();
        if (inline) {
            effectiveRoles.recompute(actor, affected, true);
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
            throw ScimException.conflict("The role '" + role.name() + "' is mapped to the group(s) "
                    + String.join(", ", usedBy) + "; remove those mappings first.");
        }
        em.createNativeQuery("DELETE FROM app_role WHERE id = ? AND enterprise_id = ?")
                .setParameter(1, roleId).setParameter(2, enterpriseId).executeUpdate();
        audit.record(actor, "ROLE_DELETED", "Role", Long.toString(roleId), role.name(), json(role), null);
    }

    /** The names of the groups mapping the role. */
    private List<String> usedBy(long enterpriseId, long roleId) {
        return em.createNativeQuery("SELECT DISTINCT g.display_name FROM group_mapping gm JOIN user_group g "
                        + "ON g.id = gm.group_id WHERE gm.enterprise_id = ? AND gm.role_id = ? ORDER BY g.display_name")
                .setParameter(1, enterpriseId).setParameter(2, roleId).getResultList().stream().map(String::valueOf).toList();
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
        String key = key(input.name());
        roles.visible(enterpriseId).stream()
                .filter(r -> key(r.name()).equals(key) && (self == null || r.id() != self))
                .findFirst()
                .ifPresent(r -> {
                    throw ScimException.uniqueness("A role named '" + r.name() + "' already exists.");
                });
    }

    private void writePermissions(long roleId, Set<Permission> permissions) {
        for (Permission permission : permissions) {
            em.createNativeQuery("INSERT INTO app_role_permission (role_id, permission) VALUES (?, ?)")
                    .setParameter(1, roleId).setParameter(2, permission.name()).executeUpdate();
        }
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    static JsonObject json(RoleDefinition role) {
        var permissions = ScimJson.array();
        role.permissions().forEach(p -> permissions.add(p.name()));
        return ScimJson.object(AccessService.roleJson(role)).add("builtIn", role.builtIn())
                .add("groupManager", role.groupManager()).add("fullAccess", role.fullAccess())
                .add("consumesLicense", role.consumesLicense()).add("permissions", permissions)
                .add("scoreBreakdown", RolePriorityMatrix.breakdown(role)).build();
    }

    /** A custom role's version, read with it by an editor so that saving cannot overwrite someone else's change. */
    public int version(long enterpriseId, long roleId) {
        List<?> rows = em.createNativeQuery("SELECT version FROM app_role WHERE id = ? AND enterprise_id = ?")
                .setParameter(1, roleId).setParameter(2, enterpriseId).getResultList();
        if (rows.isEmpty()) {
            throw ScimException.notFound("No role " + roleId + " in this enterprise.");
        }
        return ((Number) rows.get(0)).intValue();
    }

    /**
     * {@link #edit(Actor, long, RoleInput)} for an editor that read the role at {@code expectedVersion}: refused
     * (412) when the role changed since, with the row locked so two saves cannot both pass the check.
     */
    public RoleDefinition edit(Actor actor, long roleId, int expectedVersion, RoleInput input) {
        List<?> rows = em.createNativeQuery("SELECT version FROM app_role WHERE id = ? AND enterprise_id = ? FOR UPDATE")
                .setParameter(1, roleId).setParameter(2, actor.enterpriseId()).getResultList();
        if (!rows.isEmpty() && ((Number) rows.get(0)).intValue() != expectedVersion) {
            throw ScimException.preconditionFailed("Someone changed this role while you were editing it; reload the page "
                    + "to see their change, then make yours again.");
        }
        return edit(actor, roleId, input);
    }
}
