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

/**
 * The one owner of {@code group_mapping}: which groups mean which role, at the enterprise level or in a sub-account.
 *
 * <p>A mapping of a group the IdP deleted is <em>kept</em>: {@code deactivated_at} is set and it gives no role. Every
 * reader here answers active mappings only — effective roles, effective access, summaries, counts, readiness and
 * export never see kept ones — except the methods named {@code kept…}, and {@link #groupsMapping}, which names the
 * groups keeping a role too (a kept mapping holds its role's scope and blocks the role's deletion, as an active one
 * does; those groups have no members, so no user is recomputed for them).
 */
@ApplicationScoped
public class GroupMappingRepository {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();
    private static final String COLUMNS = "SELECT id, group_id, sub_account_id, role_id FROM group_mapping ";
    private static final String ACTIVE = " AND deactivated_at IS NULL";
    private static final String KEPT = " AND deactivated_at IS NOT NULL";

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

    /** The groups (internal ids) whose mappings use this sub-account: active ones, then kept ones (deleted groups). */
    List<long[]> usesOfSubAccount(long enterpriseId, long subAccountId) {
        return NativeSql.query(em, "SELECT group_id, CASE WHEN deactivated_at IS NULL THEN 0 ELSE 1 END FROM group_mapping "
                + "WHERE enterprise_id = ? AND sub_account_id = ? ORDER BY 2, id", List.of(enterpriseId, subAccountId))
                .stream().map(r -> new long[] {Columns.number(r[0]), Columns.number(r[1])}).toList();
    }

    /** Removes one active mapping of the group; how many went (0 or 1). */
    int remove(long enterpriseId, long groupId, long mappingId) {
        return NativeSql.update(em, "DELETE FROM group_mapping WHERE enterprise_id = ? AND group_id = ? AND id = ?" + ACTIVE,
                List.of(enterpriseId, groupId, mappingId));
    }

    /** The group's active mappings, oldest first. */
    List<Mapping> ofGroup(long enterpriseId, long groupId) {
        return rows(NativeSql.query(em, COLUMNS + "WHERE enterprise_id = ? AND group_id = ?" + ACTIVE + " ORDER BY id",
                List.of(enterpriseId, groupId)));
    }

    /** The active mappings of these groups, by group. */
    Map<Long, List<Mapping>> ofGroups(long enterpriseId, Collection<Long> groupIds) {
        Map<Long, List<Mapping>> byGroup = new HashMap<>();
        for (List<Long> chunk : NativeSql.chunks(new TreeSet<>(groupIds))) {
            for (Mapping m : rows(NativeSql.query(em, COLUMNS + "WHERE enterprise_id = ? AND group_id IN "
                    + NativeSql.placeholders(chunk.size()) + ACTIVE + " ORDER BY id", NativeSql.parameters(chunk, enterpriseId)))) {
                byGroup.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m);
            }
        }
        return byGroup;
    }

    /** Whether the group has any active mapping (the caller holds the group's row lock, which mapping changes take too). */
    boolean exists(long enterpriseId, long groupId) {
        return !NativeSql.query(em, "SELECT id FROM group_mapping WHERE enterprise_id = ? AND group_id = ?" + ACTIVE
                + " LIMIT 1", List.of(enterpriseId, groupId)).isEmpty();
    }

    /** Deactivates the group's active mappings (its row locked by the caller: it is being deleted); how many. */
    int deactivateAll(long enterpriseId, long groupId, Instant at) {
        return NativeSql.update(em, "UPDATE group_mapping SET deactivated_at = ? WHERE enterprise_id = ? AND group_id = ?"
                + ACTIVE, List.of(TIME.convertToDatabaseColumn(at), enterpriseId, groupId));
    }

    /** The group's kept (inactive) mappings, oldest first. */
    List<Mapping> keptOfGroup(long enterpriseId, long groupId) {
        return rows(NativeSql.query(em, COLUMNS + "WHERE enterprise_id = ? AND group_id = ?" + KEPT + " ORDER BY id",
                List.of(enterpriseId, groupId)));
    }

    /** How many kept mappings each group that keeps any has (groups the IdP deleted). */
    Map<Long, Long> keptCounts(long enterpriseId) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] c : NativeSql.query(em, "SELECT group_id, COUNT(*) FROM group_mapping WHERE enterprise_id = ?" + KEPT
                + " GROUP BY group_id", List.of(enterpriseId))) {
            counts.put(Columns.number(c[0]), Columns.number(c[1]));
        }
        return counts;
    }

    /** The kept mappings of these groups, by group. */
    Map<Long, List<Mapping>> keptOfGroups(long enterpriseId, Collection<Long> groupIds) {
        Map<Long, List<Mapping>> byGroup = new HashMap<>();
        for (List<Long> chunk : NativeSql.chunks(new TreeSet<>(groupIds))) {
            for (Mapping m : rows(NativeSql.query(em, COLUMNS + "WHERE enterprise_id = ? AND group_id IN "
                    + NativeSql.placeholders(chunk.size()) + KEPT + " ORDER BY id", NativeSql.parameters(chunk, enterpriseId)))) {
                byGroup.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m);
            }
        }
        return byGroup;
    }

    /**
     * Moves a kept mapping onto another (live) group as an active mapping, keeping its id and creation time; how many
     * rows moved (0 or 1). The target must not have the same mapping ({@code uq_group_mapping}).
     */
    int restore(long enterpriseId, long mappingId, long targetGroupId) {
        return NativeSql.update(em, "UPDATE group_mapping SET group_id = ?, deactivated_at = NULL WHERE enterprise_id = ? "
                + "AND id = ?" + KEPT, List.of(targetGroupId, enterpriseId, mappingId));
    }

    /** Deletes kept mappings of the group for good: all ({@code mappingIds} null) or these; how many went. */
    int discardKept(long enterpriseId, long groupId, Collection<Long> mappingIds) {
        if (mappingIds == null) {
            return NativeSql.update(em, "DELETE FROM group_mapping WHERE enterprise_id = ? AND group_id = ?" + KEPT,
                    List.of(enterpriseId, groupId));
        }
        int removed = 0;
        for (List<Long> chunk : NativeSql.chunks(new TreeSet<>(mappingIds))) {
            removed += NativeSql.update(em, "DELETE FROM group_mapping WHERE enterprise_id = ? AND group_id = ?" + KEPT
                    + " AND id IN " + NativeSql.placeholders(chunk.size()), NativeSql.parameters(chunk, enterpriseId, groupId));
        }
        return removed;
    }

    /** The groups mapping this role, and the deleted groups keeping a mapping to it (see the class comment). */
    List<Long> groupsMapping(long enterpriseId, long roleId) {
        return NativeSql.query(em, "SELECT DISTINCT group_id FROM group_mapping WHERE enterprise_id = ? AND role_id = ?",
                List.of(enterpriseId, roleId)).stream().map(c -> Columns.number(c[0])).toList();
    }

    /** How many active mappings point at each sub-account that has any. */
    Map<Long, Long> countsBySubAccount(long enterpriseId) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] c : NativeSql.query(em, "SELECT sub_account_id, COUNT(*) FROM group_mapping WHERE enterprise_id = ? "
                + "AND sub_account_id IS NOT NULL" + ACTIVE + " GROUP BY sub_account_id", List.of(enterpriseId))) {
            counts.put(Columns.number(c[0]), Columns.number(c[1]));
        }
        return counts;
    }

    /** Every active mapping of the enterprise, oldest first. */
    public List<Mapping> all(long enterpriseId) {
        return rows(NativeSql.query(em, COLUMNS + "WHERE enterprise_id = ?" + ACTIVE + " ORDER BY id", List.of(enterpriseId)));
    }

    /** The groups that have at least one active mapping (live groups only: a deleted group's are all kept). */
    public Set<Long> mappedGroupIds(long enterpriseId) {
        Set<Long> ids = new TreeSet<>();
        NativeSql.query(em, "SELECT DISTINCT group_id FROM group_mapping WHERE enterprise_id = ?" + ACTIVE, List.of(enterpriseId))
                .forEach(c -> ids.add(Columns.number(c[0])));
        return ids;
    }

    private static List<Mapping> rows(List<Object[]> rows) {
        return rows.stream().map(c -> new Mapping(Columns.number(c[0]), Columns.number(c[1]), Columns.nullableNumber(c[2]),
                Columns.number(c[3]))).toList();
    }
}
