package com.rollcall.access;

import com.rollcall.roles.Permission;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RoleScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    private static Optional<Permission> known(String code) {
        try {
            return Optional.of(Permission.valueOf(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
