package com.rollcall.access;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.roles.Permission;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RoleScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The roles an enterprise can map: the built-in ones (shared) and its own custom ones, with permissions. */
@ApplicationScoped
public class RoleRepository {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();

    @PersistenceContext
    private EntityManager em;

    /** Built-in and the enterprise's custom roles, built-in first, then by name. */
    public List<RoleDefinition> visible(long enterpriseId) {
        List<?> rows = em.createNativeQuery("SELECT r.id, r.name, r.scope, r.group_manager, r.full_access, r.consumes_license, "
                        + "r.built_in, r.code, p.permission FROM app_role r LEFT JOIN app_role_permission p ON p.role_id = r.id "
                        + "WHERE r.enterprise_id IS NULL OR r.enterprise_id = ? ORDER BY r.built_in DESC, r.name_key, r.id")
                .setParameter(1, enterpriseId).getResultList();
        Map<Long, Object[]> roles = new LinkedHashMap<>();
        Map<Long, Set<Permission>> permissions = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            long id = ((Number) c[0]).longValue();
            roles.putIfAbsent(id, c);
            Set<Permission> set = permissions.computeIfAbsent(id, k -> EnumSet.noneOf(Permission.class));
            if (c[8] != null) {
                known((String) c[8]).ifPresent(set::add);
            }
        }
        List<RoleDefinition> result = new ArrayList<>();
        roles.forEach((id, c) -> result.add(new RoleDefinition(id, (String) c[1], RoleScope.valueOf((String) c[2]),
                permissions.get(id), bool(c[3]), bool(c[4]), bool(c[5]), bool(c[6]), (String) c[7])));
        return result;
    }

    public Optional<RoleDefinition> find(long enterpriseId, long roleId) {
        return visible(enterpriseId).stream().filter(r -> r.id() == roleId).findFirst();
    }

    /** A new custom role of the enterprise (a taken name is refused before); its id. */
    long addCustom(long enterpriseId, String name, RoleScope scope, boolean groupManager, boolean fullAccess, Instant at) {
        Object now = TIME.convertToDatabaseColumn(at);
        NativeSql.update(em, "INSERT INTO app_role (enterprise_id, code, name, name_key, scope, group_manager, full_access, "
                + "consumes_license, built_in, created_at, last_modified, version) VALUES (?, NULL, ?, ?, ?, ?, ?, TRUE, FALSE, "
                + "?, ?, 1)", List.of(enterpriseId, name, key(name), scope.name(), groupManager, fullAccess, now, now));
        return Columns.number(NativeSql.query(em, "SELECT id FROM app_role WHERE enterprise_id = ? AND name_key = ?",
                List.of(enterpriseId, key(name))).get(0)[0]);
    }

    void updateCustom(long enterpriseId, long roleId, String name, RoleScope scope, boolean groupManager,
            boolean fullAccess, Instant at) {
        NativeSql.update(em, "UPDATE app_role SET name = ?, name_key = ?, scope = ?, group_manager = ?, full_access = ?, "
                + "last_modified = ?, version = version + 1 WHERE id = ? AND enterprise_id = ?", List.of(name, key(name),
                scope.name(), groupManager, fullAccess, TIME.convertToDatabaseColumn(at), roleId, enterpriseId));
    }

    void replacePermissions(long roleId, Set<Permission> permissions) {
        NativeSql.update(em, "DELETE FROM app_role_permission WHERE role_id = ?", List.of(roleId));
        for (Permission permission : permissions) {
            NativeSql.update(em, "INSERT INTO app_role_permission (role_id, permission) VALUES (?, ?)",
                    List.of(roleId, permission.name()));
        }
    }

    void deleteCustom(long enterpriseId, long roleId) {
        NativeSql.update(em, "DELETE FROM app_role WHERE id = ? AND enterprise_id = ?", List.of(roleId, enterpriseId));
    }

    /** A custom role's version; {@code lock} keeps its row locked until commit. */
    Optional<Integer> version(long enterpriseId, long roleId, boolean lock) {
        return NativeSql.query(em, "SELECT version FROM app_role WHERE id = ? AND enterprise_id = ?" + (lock ? " FOR UPDATE" : ""),
                List.of(roleId, enterpriseId)).stream().findFirst().map(c -> ((Number) c[0]).intValue());
    }

    static String key(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<Permission> known(String code) {
        try {
            return Optional.of(Permission.valueOf(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean bool(Object value) {
        return Columns.bool(value);
    }
}
