package com.rollcall.access;

import static com.rollcall.platform.persistence.NativeSql.placeholders;

import com.rollcall.platform.security.Actor;
import com.rollcall.licensing.LicenseGuard;
import com.rollcall.licensing.SeatRule;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.roles.Candidate;
import com.rollcall.roles.EffectiveRoleResolver;
import com.rollcall.roles.EffectiveRoles;
import com.rollcall.roles.Resolution;
import com.rollcall.roles.RoleDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The materialised effective roles (table {@code user_effective_role}) and, with them, which users need
 * a license (rule 5: a user whose only effective roles consume none holds no seat). Works inside the
 * caller's transaction, on exactly the users it is given.
 *
 * <p>Stored per user: the enterprise-level winner (scope_key 0) and the winner of each sub-account where
 * the user has an explicit candidate (scope_key = sub-account id). Every other sub-account resolves, by
 * rule 8, to exactly the enterprise-level winner, so it needs no row.
 *
 * <p>Consistency: the users' rows are locked in id order first; memberships, mappings and roles are then read
 * plainly, and since Rollcall's transactions run at READ COMMITTED (the pool sets it; readiness checks it),
 * every statement sees all that was committed before it. Every writer of a mapped group's memberships, of a
 * mapping or of a role locks the affected users before recomputing them: so two recomputations of one user
 * never interleave, and a change that commits after this one recomputes the user again, seeing this one.
 * (Locking reads did the same under REPEATABLE READ, but they lock every row the plan scans, other users'
 * memberships included, and deadlocked concurrent membership changes: ParallelProvisioningIT.)
 */
@ApplicationScoped
public class EffectiveRoleStore {
    /** Users per batch of statements. */
    static final int CHUNK = NativeSql.CHUNK;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RoleRepository roles;

    @Inject
    private LicenseGuard seats;

    /** What a recomputation did. */
    public record Outcome(int users, int changed, int seatsTaken, int seatsFreed, int unlicensed) {
        static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(users + other.users, changed + other.changed, seatsTaken + other.seatsTaken,
                    seatsFreed + other.seatsFreed, unlicensed + other.unlicensed);
        }
    }

    /** One stored winner. */
    record Winner(long roleId, int score) {
    }

    /** Whether the group has any mapping (the caller holds the group's row lock, which mapping changes take too). */
    public boolean isMapped(long enterpriseId, long groupId) {
        return !em.createNativeQuery("SELECT id FROM group_mapping WHERE enterprise_id = ? AND group_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, groupId).getResultList().isEmpty();
    }

    /** Locks these users' rows, in id order, until commit. */
    public void lockUsers(long enterpriseId, Collection<Long> userIds) {
        for (List<Long> chunk : chunks(userIds)) {
            NativeSql.query(em, "SELECT id FROM user_account WHERE enterprise_id = ? AND id IN "
                    + placeholders(chunk.size()) + " ORDER BY id FOR UPDATE", NativeSql.parameters(chunk, enterpriseId));
        }
    }

    /**
     * Recomputes and stores the effective roles of these users, and adjusts their seats when their need
     * of a license changed. With {@code allOrNothing}, more seats than the limit allows is a 403 that rolls
     * the caller's change back; otherwise (background jobs) users beyond the limit stay without a seat and
     * are counted as unlicensed.
     */
    public Outcome recompute(Actor actor, Collection<Long> userIds, boolean allOrNothing) {
        Outcome outcome = Outcome.NONE;
        if (userIds.isEmpty()) {
            return outcome;
        }
        long enterpriseId = actor.enterpriseId();
        Map<Long, RoleDefinition> roleById = roles(enterpriseId);
        for (List<Long> chunk : chunks(userIds)) {
            outcome = outcome.plus(recomputeChunk(actor, chunk, roleById, allOrNothing));
        }
        return outcome;
    }

    private Outcome recomputeChunk(Actor actor, List<Long> userIds, Map<Long, RoleDefinition> roleById,
            boolean allOrNothing) {
        long enterpriseId = actor.enterpriseId();
        Map<Long, UserState> users = new TreeMap<>();
        for (Object[] c : NativeSql.query(em, "SELECT id, active, CASE WHEN deleted_at IS NULL THEN 1 ELSE 0 END, "
                + "holds_seat, license_exempt FROM user_account WHERE enterprise_id = ? AND id IN "
                + placeholders(userIds.size()) + " ORDER BY id FOR UPDATE", NativeSql.parameters(userIds, enterpriseId))) {
            long id = ((Number) c[0]).longValue();
            users.put(id, new UserState(id, bool(c[1]), bool(c[2]), bool(c[3]), bool(c[4])));
        }
        if (users.isEmpty()) {
            return Outcome.NONE;
        }
        List<Long> ids = List.copyOf(users.keySet());
        Map<Long, List<Candidate>> candidates = candidates(enterpriseId, ids, roleById);
        Map<Long, Map<Long, Winner>> stored = stored(enterpriseId, ids);

        List<Long> changed = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Long> becameExempt = new ArrayList<>();
        List<Long> becameConsuming = new ArrayList<>();
        List<Long> toFree = new ArrayList<>();
        List<Long> toTake = new ArrayList<>();
        for (UserState user : users.values()) {
            Map<Long, Winner> wanted = resolve(candidates.getOrDefault(user.id, List.of()));
            if (!wanted.equals(stored.getOrDefault(user.id, Map.of()))) {
                changed.add(user.id);
                wanted.forEach((scope, winner) -> rows.add(new Object[] {user.id, scope, winner.roleId(), winner.score()}));
            }
            boolean exempt = SeatRule.exempt(wanted.values().stream()
                    .map(w -> roleById.get(w.roleId()).consumesLicense()).toList());
            if (exempt != user.exempt) {
                (exempt ? becameExempt : becameConsuming).add(user.id);
            }
            boolean needsSeat = SeatRule.needsSeat(user.active, user.live, exempt);
            if (needsSeat && !user.holdsSeat) {
                toTake.add(user.id);
            } else if (!needsSeat && user.holdsSeat) {
                toFree.add(user.id);
            }
        }
        write(enterpriseId, changed, rows);
        setFlag("license_exempt", true, becameExempt);
        setFlag("license_exempt", false, becameConsuming);
        int taken = seats.adjustSeats(enterpriseId, toFree.size(), toTake.size(), actor.requestId(), allOrNothing);
        setFlag("holds_seat", false, toFree);
        setFlag("holds_seat", true, toTake.subList(0, taken));
        return new Outcome(users.size(), changed.size(), taken, toFree.size(), toTake.size() - taken);
    }

    /**
     * Per user, the winners to store: scope 0 for the enterprise level, and each sub-account where the
     * user has an explicit candidate. No row where no role wins.
     */
    static Map<Long, Winner> resolve(List<Candidate> candidates) {
        Map<Long, Winner> wanted = new TreeMap<>();
        if (candidates.isEmpty()) {
            return wanted;
        }
        TreeSet<Long> explicit = candidates.stream().map(Candidate::subAccountId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        EffectiveRoles resolved = EffectiveRoleResolver.resolve(candidates, explicit);
        put(wanted, 0L, resolved.enterpriseLevel());
        for (Long subAccountId : explicit) {
            put(wanted, subAccountId, resolved.in(subAccountId));
        }
        return wanted;
    }

    private static void put(Map<Long, Winner> wanted, long scope, Resolution resolution) {
        resolution.winner().ifPresent(role -> wanted.put(scope, new Winner(role.id(), resolution.score().getAsInt())));
    }

    /** The users' candidates from every mapped group they are in. */
    Map<Long, List<Candidate>> candidates(long enterpriseId, List<Long> userIds, Map<Long, RoleDefinition> roleById) {
        Map<Long, List<Candidate>> byUser = new HashMap<>();
        for (Object[] c : NativeSql.query(em, "SELECT m.user_id, m.group_id, gm.sub_account_id, gm.role_id "
                + "FROM group_membership m JOIN group_mapping gm ON gm.group_id = m.group_id "
                + "WHERE m.enterprise_id = ? AND m.user_id IN " + placeholders(userIds.size()),
                NativeSql.parameters(userIds, enterpriseId))) {
            RoleDefinition role = roleById.get(((Number) c[3]).longValue());
            String group = "group " + c[1];
            byUser.computeIfAbsent(((Number) c[0]).longValue(), k -> new ArrayList<>()).add(c[2] == null
                    ? Candidate.enterpriseLevel(group, role)
                    : Candidate.subAccount(group, ((Number) c[2]).longValue(), role));
        }
        return byUser;
    }

    /** The stored winners of these users. */
    Map<Long, Map<Long, Winner>> stored(long enterpriseId, List<Long> userIds) {
        Map<Long, Map<Long, Winner>> byUser = new HashMap<>();
        for (Object[] c : NativeSql.query(em, "SELECT user_id, scope_key, role_id, score FROM user_effective_role "
                + "WHERE enterprise_id = ? AND user_id IN " + placeholders(userIds.size()), NativeSql.parameters(userIds, enterpriseId))) {
            byUser.computeIfAbsent(((Number) c[0]).longValue(), k -> new TreeMap<>()).put(((Number) c[1]).longValue(),
                    new Winner(((Number) c[2]).longValue(), ((Number) c[3]).intValue()));
        }
        return byUser;
    }

    /** The enterprise's roles by id. */
    Map<Long, RoleDefinition> roles(long enterpriseId) {
        return roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
    }

    private void write(long enterpriseId, List<Long> changedUsers, List<Object[]> rows) {
        for (List<Long> chunk : chunks(changedUsers)) {
            NativeSql.update(em, "DELETE FROM user_effective_role WHERE enterprise_id = ? AND user_id IN "
                    + placeholders(chunk.size()), NativeSql.parameters(chunk, enterpriseId));
        }
        Object now = new UtcInstantConverter().convertToDatabaseColumn(Clock.now());
        for (List<Object[]> chunk : NativeSql.chunks(rows)) {
            StringBuilder sql = new StringBuilder("INSERT INTO user_effective_role (user_id, scope_key, enterprise_id, "
                    + "sub_account_id, role_id, score, computed_at) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?)");
            }
            List<Object> parameters = new ArrayList<>(chunk.size() * 7);
            for (Object[] row : chunk) {
                long scope = (Long) row[1];
                parameters.addAll(java.util.Arrays.asList(row[0], scope, enterpriseId, scope == 0L ? null : scope, row[2],
                        row[3], now));
            }
            NativeSql.update(em, sql.toString(), parameters);
        }
    }

    private void setFlag(String column, boolean value, List<Long> userIds) {
        for (List<Long> chunk : chunks(userIds)) {
            NativeSql.update(em, "UPDATE user_account SET " + column + " = ? WHERE id IN " + placeholders(chunk.size()),
                    NativeSql.parameters(chunk, value));
        }
    }

    private record UserState(long id, boolean active, boolean live, boolean holdsSeat, boolean exempt) {
    }

    /** The distinct ids in ascending order (the order rows are locked in), in chunks of {@link #CHUNK}. */
    static List<List<Long>> chunks(Collection<Long> values) {
        return NativeSql.chunks(new TreeSet<>(values));
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
