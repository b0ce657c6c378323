package com.rollcall.access;

import com.rollcall.groups.GroupRepository;
import com.rollcall.groups.UserGroup;
import com.rollcall.licensing.LicenseGuard;
import com.rollcall.licensing.LicenseService;
import com.rollcall.licensing.LicenseUsage;
import com.rollcall.platform.security.Actor;
import com.rollcall.roles.Candidate;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.users.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a change of a group's mappings (added, removed, restored from a deleted group) to its members, in the
 * caller's transaction: at once for groups up to {@link RemapQueue#inlineLimit()} members (users locked, then
 * recomputed; a change needing licenses beyond the limit is refused with 403), as a background remap job for larger
 * ones — refused up front with the same 403 when the members would need more licenses than are free.
 */
@ApplicationScoped
public class MemberRemap {
    /** What happened: the users whose roles changed in the request, or the job that will do it. */
    public record Outcome(Long remapJobId, int usersChanged) {
    }

    @Inject
    private GroupRepository groups;

    @Inject
    private UserRepository users;

    @Inject
    private EffectiveRoleStore store;

    @Inject
    private RemapQueue jobs;

    @Inject
    private RoleRepository roles;

    @Inject
    private LicenseGuard licenseGuard;

    @Inject
    private LicenseService licenses;

    public Outcome apply(Actor actor, UserGroup group, String reason) {
        if (group.memberCount() > jobs.inlineLimit()) {
            requireLicenses(actor, group);
            return new Outcome(jobs.enqueueGroup(actor, group, reason), 0);
        }
        List<Long> members = groups.userIds(actor.enterpriseId(), group.id());
        return new Outcome(null, store.recompute(actor, members, true, RoleChangeCause.of(reason)).changed());
    }

    /**
     * Before a large group's remap job is queued: refuses with the 403 of a create when the members would need more
     * licenses than are free (the mapping is already written in this transaction, so the refusal rolls it back).
     * Only members active without a seat can come to need one: when those fit in the free licenses nothing more is
     * computed; otherwise each member's roles are resolved as the job would, counting seats taken and freed.
     */
    private void requireLicenses(Actor actor, UserGroup group) {
        long enterpriseId = actor.enterpriseId();
        List<Long> members = groups.userIds(enterpriseId, group.id());
        if (users.activeWithoutSeat(enterpriseId, members) <= seatsFree(enterpriseId)) {
            return;
        }
        Map<Long, RoleDefinition> byId = roleById(enterpriseId);
        int toTake = 0;
        int toFree = 0;
        for (List<Long> chunk : EffectiveRoleStore.chunks(members)) {
            Map<Long, List<Candidate>> candidates = store.candidates(enterpriseId, chunk, byId);
            for (UserRepository.SeatState seat : users.seatStates(enterpriseId, chunk)) {
                boolean needs = seat.active() && seat.live() && !EffectiveRoleStore.licenseExempt(
                        EffectiveRoleStore.resolve(candidates.getOrDefault(seat.id(), List.of())), byId);
                if (needs && !seat.holdsSeat()) {
                    toTake++;
                } else if (!needs && seat.holdsSeat()) {
                    toFree++;
                }
            }
        }
        licenseGuard.requireRoom(enterpriseId, toTake, toFree, actor.requestId());
    }

    /** Licenses free now (limit − used; 0 at or over the limit). */
    int seatsFree(long enterpriseId) {
        LicenseUsage usage = licenses.usage(enterpriseId);
        return Math.max(0, usage.limit() - usage.used());
    }

    private Map<Long, RoleDefinition> roleById(long enterpriseId) {
        return roles.visible(enterpriseId).stream().collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
    }
}
