package com.rollcall.access;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The one owner of {@code group_mapping}: which groups mean which role, at the enterprise level or in a sub-account. */
@ApplicationScoped
public class GroupMappingRepository {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();
    private static final String COLUMNS = "SELECT id, group_id, sub_account_id, role_id FROM group_mapping ";

    @PersistenceContext
    private EntityManager em;

    /** One mapping: the group, the sub-account (null = the enterprise level) and the role. */
    public record Mapping(long id, long groupId, Long subAccountId, long roleId) {
    }

    /** Adds a mapping and returns its id (a duplicate violates {@code uq_group_mapping}). */
    long add(long enterpriseId, long groupId, Long subAccountId, long roleId, Instant at) {
        long scope = subAccountId == null ? 0L : subAccountId;
        NativeSql.update(em, "INSERT INTO group_mapping (enterprise_id, group_id, sub_account_id, scope_key, role_id, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(enterpriseId, groupId, subAccountId, scope,
                roleId, TIME.convertToDatabaseColumn(at)));
        return Columns.number(NativeSql.query(em, "SELECT id FROM group_mapping WHERE group_id = ? AND scope_key = ? "
                + "AND role_id = ?", List.of(groupId, scope, roleId)).get(0)[0]);
    }

    /** Removes one mapping of the group; how many went (0 or 1). */
    int remove(long enterpriseId, long groupId, long mappingId) {
        return NativeSql.update(em, "DELETE FROM group_mapping WHERE enterprise_id = ? AND group_id = ? AND id = ?",
                List.of(enterpriseId, groupId, mappingId));
    }

    List<Mapping> ofGroup(long enterpriseId, long groupId) {
        return rows(NativeSql.query(em, COLUMNS + "WHERE enterprise_id = ? AND group_id = ? ORDER BY id",
                List.of(enterpriseId, groupId)));
    }

    /** The mappings of these groups, by group. */
    Map<Long, List<Mapping>> ofGroups(long enterpriseId, Collection<Long> groupIds) {
        Map<Long, List<Mapping>> byGroup = new HashMap<>();
        for (List<Long> chunk : NativeSql.chunks(new TreeSet<>(groupIds))) {
            for (Mapping m : rows(NativeSql.query(em, COLUMNS + "WHERE enterprise_id = ? AND group_id IN "
                    + NativeSql.placeholders(chunk.size()) + " ORDER BY id", NativeSql.parameters(chunk, enterpriseId)))) {
                byGroup.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m);
            }
        }
        return byGroup;
    }

    /** Whether the group has any mapping (the caller holds the group's row lock, which mapping changes take too). */
    boolean exists(long enterpriseId, long groupId) {
        return !NativeSql.query(em, "SELECT id FROM group_mapping WHERE enterprise_id = ? AND group_id = ? LIMIT 1",
                List.of(enterpriseId, groupId)).isEmpty();
    }

    /** The groups mapping this role. */
    List<Long> groupsMapping(long enterpriseId, long roleId) {
        return NativeSql.query(em, "SELECT DISTINCT group_id FROM group_mapping WHERE enterprise_id = ? AND role_id = ?",
                List.of(enterpriseId, roleId)).stream().map(c -> Columns.number(c[0])).toList();
    }

    /** How many mappings point at each sub-account that has any. */
    Map<Long, Long> countsBySubAccount(long enterpriseId) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] c : NativeSql.query(em, "SELECT sub_account_id, COUNT(*) FROM group_mapping WHERE enterprise_id = ? "
                + "AND sub_account_id IS NOT NULL GROUP BY sub_account_id", List.of(enterpriseId))) {
            counts.put(Columns.number(c[0]), Columns.number(c[1]));
        }
        return counts;
    }

    /** Every mapping of the enterprise, oldest first. */
    public List<Mapping> all(long enterpriseId) {
        return rows(NativeSql.query(em, COLUMNS + "WHERE enterprise_id = ? ORDER BY id", List.of(enterpriseId)));
    }

    /** The groups that have at least one mapping. */
    public Set<Long> mappedGroupIds(long enterpriseId) {
        Set<Long> ids = new TreeSet<>();
        NativeSql.query(em, "SELECT DISTINCT group_id FROM group_mapping WHERE enterprise_id = ?", List.of(enterpriseId))
                .forEach(c -> ids.add(Columns.number(c[0])));
        return ids;
    }

    private static List<Mapping> rows(List<Object[]> rows) {
        return rows.stream().map(c -> new Mapping(Columns.number(c[0]), Columns.number(c[1]), Columns.nullableNumber(c[2]),
                Columns.number(c[3]))).toList();
    }
}
