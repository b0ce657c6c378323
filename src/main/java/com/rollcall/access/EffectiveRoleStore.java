package com.rollcall.access;

import com.rollcall.access.EffectiveRoleRepository.Winner;
import com.rollcall.events.ChangeFeed;
import com.rollcall.events.EventType;
import com.rollcall.groups.GroupRepository;
import com.rollcall.licensing.LicenseGuard;
import com.rollcall.licensing.SeatRule;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.security.Actor;
import com.rollcall.roles.Candidate;
import com.rollcall.roles.EffectiveRoleResolver;
import com.rollcall.roles.EffectiveRoles;
import com.rollcall.roles.Resolution;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.users.UserRemoved;
import com.rollcall.users.UserRepository;
import com.rollcall.users.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
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
 * a license (rule 5: a user needs none only when every role they hold, at the enterprise level and in every
 * sub-account, consumes none). Works inside the caller's transaction, on exactly the users it is given.
 *
 * <p>Stored per user: the enterprise-level winner (scope_key 0), the winner of each sub-account where the user has
 * an explicit candidate (scope_key = sub-account id), and the role every other sub-account inherits (scope_key −1:
 * by rule 8 an enterprise role granting access to all sub-accounts; Group Manager and Integrations Manager give
 * nothing there, so no row). Creating a sub-account changes nothing here.
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

    @Inject
    private RoleRepository roles;

    @Inject
    private UserRepository users;

    @Inject
    private GroupRepository groups;

    @Inject
    private GroupMappingRepository mappings;

    @Inject
    private EffectiveRoleRepository effectiveRoles;

    @Inject
    private LicenseGuard seats;

    @Inject
    private RoleHistoryRepository history;

    @Inject
    private ChangeFeed feed;

    /** What a recomputation did. */
    public record Outcome(int users, int changed, int seatsTaken, int seatsFreed, int unlicensed) {
        static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(users + other.users, changed + other.changed, seatsTaken + other.seatsTaken,
                    seatsFreed + other.seatsFreed, unlicensed + other.unlicensed);
        }
    }

    /** Whether the group has any mapping (the caller holds the group's row lock, which mapping changes take too). */
    public boolean isMapped(long enterpriseId, long groupId) {
        return mappings.exists(enterpriseId, groupId);
    }

    /** A user who left the platform keeps no stored role. */
    void userRemoved(@Observes UserRemoved removed) {
        effectiveRoles.removeUser(removed.enterpriseId(), removed.userId());
    }

    /** Locks these users' rows, in id order, until commit. */
    public void lockUsers(long enterpriseId, Collection<Long> userIds) {
        users.lock(enterpriseId, userIds);
    }

    /**
     * Recomputes and stores the effective roles of these users, and adjusts their seats when their need
     * of a license changed. With {@code allOrNothing}, more seats than the limit allows is a 403 that rolls
     * the caller's change back; otherwise (background jobs) users beyond the limit stay without a seat and
     * are counted as unlicensed.
     */
    public Outcome recompute(Actor actor, Collection<Long> userIds, boolean allOrNothing, RoleChangeCause cause) {
        Outcome outcome = Outcome.NONE;
        if (userIds.isEmpty()) {
            return outcome;
        }
        long enterpriseId = actor.enterpriseId();
        Map<Long, RoleDefinition> roleById = roles(enterpriseId);
        for (List<Long> chunk : chunks(userIds)) {
            outcome = outcome.plus(recomputeChunk(actor, chunk, roleById, allOrNothing, cause));
        }
        return outcome;
    }

    private Outcome recomputeChunk(Actor actor, List<Long> userIds, Map<Long, RoleDefinition> roleById,
            boolean allOrNothing, RoleChangeCause cause) {
        long enterpriseId = actor.enterpriseId();
        List<UserRepository.SeatState> states = users.seatStatesForUpdate(enterpriseId, userIds);
        if (states.isEmpty()) {
            return Outcome.NONE;
        }
        List<Long> ids = states.stream().map(UserRepository.SeatState::id).toList();
        Map<Long, List<Candidate>> candidates = candidates(enterpriseId, ids, roleById);
        Map<Long, Map<Long, Winner>> stored = effectiveRoles.stored(enterpriseId, ids);

        List<Long> changed = new ArrayList<>();
        Map<Long, Map<Long, Winner>> rows = new HashMap<>();
        List<Long> becameExempt = new ArrayList<>();
        List<Long> becameConsuming = new ArrayList<>();
        List<Long> toFree = new ArrayList<>();
        List<Long> toTake = new ArrayList<>();
        for (UserRepository.SeatState user : states) {
            Map<Long, Winner> wanted = resolve(candidates.getOrDefault(user.id(), List.of()));
            if (!wanted.equals(stored.getOrDefault(user.id(), Map.of()))) {
                changed.add(user.id());
                rows.put(user.id(), wanted);
            }
            boolean exempt = licenseExempt(wanted, roleById);
            if (exempt != user.exempt()) {
                (exempt ? becameExempt : becameConsuming).add(user.id());
            }
            boolean needsSeat = SeatRule.needsSeat(user.active(), user.live(), exempt);
            if (needsSeat && !user.holdsSeat()) {
                toTake.add(user.id());
            } else if (!needsSeat && user.holdsSeat()) {
                toFree.add(user.id());
            }
        }
        Instant now = Clock.now();
        effectiveRoles.replace(enterpriseId, changed, rows, now);
        List<RoleHistoryRepository.Change> changes = changes(changed, stored, rows, roleById);
        history.record(enterpriseId, changes, actor, cause, now);
        publish(actor, changes, cause);
        users.setLicenseExempt(enterpriseId, becameExempt, true);
        users.setLicenseExempt(enterpriseId, becameConsuming, false);
        int taken = seats.adjustSeats(enterpriseId, toFree.size(), toTake.size(), actor.requestId(), allOrNothing);
        users.setHoldsSeat(enterpriseId, toFree, false);
        users.setHoldsSeat(enterpriseId, toTake.subList(0, taken), true);
        return new Outcome(states.size(), changed.size(), taken, toFree.size(), toTake.size() - taken);
    }

    /**
     * The change feed's {@code role.changed}: one event per user whose stored roles changed, with every scope that
     * changed (the enterprise level, a sub-account, or what every other sub-account inherits), before and after.
     */
    private void publish(Actor actor, List<RoleHistoryRepository.Change> changes, RoleChangeCause cause) {
        if (changes.isEmpty()) {
            return;
        }
        Map<Long, List<RoleHistoryRepository.Change>> byUser = new java.util.LinkedHashMap<>();
        changes.forEach(c -> byUser.computeIfAbsent(c.userId(), k -> new ArrayList<>()).add(c));
        Map<Long, UserSummary> names = users.summaries(actor.enterpriseId(), byUser.keySet());
        byUser.forEach((userId, list) -> {
            UserSummary user = names.get(userId);
            if (user == null) {
                return;
            }
            var scopes = ScimJson.array();
            for (RoleHistoryRepository.Change c : list) {
                var change = ScimJson.object().add("scope", c.scope() == EffectiveRoleRepository.ENTERPRISE_LEVEL ? "ENTERPRISE"
                        : c.scope() == EffectiveRoleRepository.INHERITED ? "INHERITED" : "SUB_ACCOUNT");
                if (c.scope() > 0) {
                    change.add("subAccountId", c.scope());
                }
                nullable(change, "before", c.before());
                nullable(change, "after", c.after());
                scopes.add(change);
            }
            var data = ScimJson.object().add("user", ScimJson.object().add("id", user.scimId()).add("userName", user.userName()))
                    .add("changes", scopes).add("cause", cause.text());
            if (cause.remapJobId() != null) {
                data.add("remapJobId", cause.remapJobId());
            }
            feed.record(actor, EventType.ROLE_CHANGED, "User", user.scimId(), data.build());
        });
    }

    private static void nullable(jakarta.json.JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    /**
     * Per user, the winners to store: scope {@link EffectiveRoleRepository#ENTERPRISE_LEVEL} (0) for the enterprise
     * level, each sub-account where the user has an explicit candidate (scope = its id), and
     * {@link EffectiveRoleRepository#INHERITED} (−1) for the role every other sub-account inherits (an enterprise
     * role granting all sub-accounts; no row when nothing is inherited). No row where no role wins.
     */
    static Map<Long, Winner> resolve(List<Candidate> candidates) {
        Map<Long, Winner> wanted = new TreeMap<>();
        if (candidates.isEmpty()) {
            return wanted;
        }
        TreeSet<Long> explicit = candidates.stream().map(Candidate::subAccountId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Long> levels = new ArrayList<>(explicit);
        levels.add(EffectiveRoleRepository.INHERITED);
        EffectiveRoles resolved = EffectiveRoleResolver.resolve(candidates, levels);
        put(wanted, EffectiveRoleRepository.ENTERPRISE_LEVEL, resolved.enterpriseLevel());
        for (Long subAccountId : explicit) {
            put(wanted, subAccountId, resolved.in(subAccountId));
        }
        put(wanted, EffectiveRoleRepository.INHERITED, resolved.in(EffectiveRoleRepository.INHERITED));
        return wanted;
    }

    /** Per changed user, each scope whose winner changed, with the role names before and after. */
    static List<RoleHistoryRepository.Change> changes(List<Long> changed, Map<Long, Map<Long, Winner>> stored,
            Map<Long, Map<Long, Winner>> wanted, Map<Long, RoleDefinition> roleById) {
        List<RoleHistoryRepository.Change> changes = new ArrayList<>();
        for (Long user : changed) {
            Map<Long, Winner> before = stored.getOrDefault(user, Map.of());
            Map<Long, Winner> after = wanted.getOrDefault(user, Map.of());
            TreeSet<Long> scopes = new TreeSet<>(before.keySet());
            scopes.addAll(after.keySet());
            for (Long scope : scopes) {
                Long b = before.containsKey(scope) ? before.get(scope).roleId() : null;
                Long a = after.containsKey(scope) ? after.get(scope).roleId() : null;
                if (!Objects.equals(a, b)) {
                    changes.add(new RoleHistoryRepository.Change(user, scope, name(roleById, b), name(roleById, a)));
                }
            }
        }
        return changes;
    }

    private static String name(Map<Long, RoleDefinition> roleById, Long roleId) {
        if (roleId == null) {
            return null;
        }
        RoleDefinition role = roleById.get(roleId);
        return role == null ? "role " + roleId : role.name();
    }

    /**
     * Rule 5 with rule 8: whether a user holding these stored winners (the enterprise level, explicit sub-accounts and
     * the inherited role) needs no license: only when they hold a role and every one consumes none.
     */
    static boolean licenseExempt(Map<Long, Winner> held, Map<Long, RoleDefinition> roleById) {
        return SeatRule.exempt(held.values().stream().map(w -> roleById.get(w.roleId()).consumesLicense()).toList());
    }

    private static void put(Map<Long, Winner> wanted, long scope, Resolution resolution) {
        resolution.winner().ifPresent(role -> wanted.put(scope, new Winner(role.id(), resolution.score().getAsInt())));
    }

    /** The users' candidates from every mapped group they are in. */
    Map<Long, List<Candidate>> candidates(long enterpriseId, List<Long> userIds, Map<Long, RoleDefinition> roleById) {
        Map<Long, List<Long>> groupsOfUsers = groups.groupIdsOf(enterpriseId, userIds);
        Map<Long, List<GroupMappingRepository.Mapping>> mappingsOfGroups = mappings.ofGroups(enterpriseId,
                groupsOfUsers.values().stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new)));
        Map<Long, List<Candidate>> byUser = new HashMap<>();
        groupsOfUsers.forEach((user, groupIds) -> {
            for (Long group : groupIds) {
                for (GroupMappingRepository.Mapping m : mappingsOfGroups.getOrDefault(group, List.of())) {
                    RoleDefinition role = roleById.get(m.roleId());
                    String name = "group " + group;
                    byUser.computeIfAbsent(user, k -> new ArrayList<>()).add(m.subAccountId() == null
                            ? Candidate.enterpriseLevel(name, role) : Candidate.subAccount(name, m.subAccountId(), role));
                }
            }
        });
        return byUser;
    }


    /** The enterprise's roles by id. */
    Map<Long, RoleDefinition> roles(long enterpriseId) {
        return roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
    }

    /** The distinct ids in ascending order (the order rows are locked in), in chunks of {@link #CHUNK}. */
    static List<List<Long>> chunks(Collection<Long> values) {
        return NativeSql.chunks(new TreeSet<>(values));
    }

}
