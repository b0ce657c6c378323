package com.rollcall.remap;

import com.rollcall.access.EffectiveRoleRepository;
import com.rollcall.access.EffectiveRoleStore;
import com.rollcall.access.RemapJobView;
import com.rollcall.access.RemapQueue;
import com.rollcall.access.RoleChangeCause;
import com.rollcall.groups.GroupRepository;
import com.rollcall.groups.UserGroup;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.security.Actor;
import com.rollcall.users.UserRepository;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Background recomputation of effective roles after a mapping or role change that touches more users than
 * a request should wait for ({@link #inlineLimit()}). A job is a row: queued in the transaction of the change,
 * claimed by one instance, run in batches of {@value EffectiveRoleStore#CHUNK} users, one transaction each,
 * with its cursor (the last user id done), progress and a heartbeat. A batch is idempotent, so a job whose
 * instance died (heartbeat older than {@link #STALE}) is claimed again and continues from its cursor.
 *
 * <p>Kinds: {@code GROUP} walks the group's members; {@code HOLDERS} walks every user of the enterprise who
 * has a stored effective role (after a role edit, or after a large mapped group lost all its members, every
 * affected user is among them); {@code ALL} walks every user of the enterprise (queued by the V6 migration
 * for enterprises that had mappings before roles were stored).
 */
@Stateless
@LocalBean
@Local(RemapQueue.class)
public class RemapJobService implements RemapQueue {
    /** A running job whose heartbeat is older than this is taken over by another claim. */
    static final Duration STALE = Duration.ofSeconds(30);

    private static final int DEFAULT_INLINE_LIMIT = 1_000;

    @Inject
    private RemapJobRepository jobs;

    @Inject
    private EffectiveRoleStore store;

    @Inject
    private UserRepository users;

    @Inject
    private GroupRepository groups;

    @Inject
    private EffectiveRoleRepository effectiveRoles;

    /**
     * Mapping changes on groups of at most this many members are applied in the request; larger ones run
     * as a job. System property {@code rollcall.remap.inlineLimit} (default 1,000).
     */
    @Override
    public int inlineLimit() {
        return limit();
    }

    /** -Drollcall.remap.inlineLimit, 1,000 by default. */
    static int limit() {
        return Integer.getInteger("rollcall.remap.inlineLimit", DEFAULT_INLINE_LIMIT);
    }

    /** Queues a job over the group's members, in the caller's transaction; returns its id. */
    @Override
    public long enqueueGroup(Actor actor, UserGroup group, String reason) {
        return insert(actor.enterpriseId(), "GROUP", group.id(), group.scimId(), group.displayName(), reason,
                group.memberCount());
    }

    /** Queues a job over every user holding a stored effective role, in the caller's transaction. */
    @Override
    public long enqueueHolders(Actor actor, UserGroup group, String reason) {
        long total = effectiveRoles.holderCount(actor.enterpriseId());
        return insert(actor.enterpriseId(), "HOLDERS", null, group == null ? null : group.scimId(),
                group == null ? null : group.displayName(), reason, total);
    }

    private long insert(long enterpriseId, String kind, Long groupId, String groupScimId, String groupName, String reason,
            long total) {
        return jobs.add(new RemapJob(enterpriseId, kind, groupId, groupScimId, groupName, reason, total));
    }

    /** The jobs of every enterprise by status, for the metrics. */
    public List<RemapStatistics> statistics() {
        return jobs.statistics();
    }

    @Override
    public Optional<RemapJobView> find(long enterpriseId, long jobId) {
        return jobs.views("WHERE enterprise_id = ? AND id = ?", enterpriseId, jobId).stream().findFirst();
    }

    /** The group's jobs, newest first (at most 20). */
    public List<RemapJobView> recent(long enterpriseId, String groupScimId) {
        return jobs.views("WHERE enterprise_id = ? AND group_scim_id = ? ORDER BY id DESC LIMIT 20", enterpriseId,
                groupScimId);
    }

    /** The enterprise's jobs not finished yet, oldest first. */
    public List<RemapJobView> unfinished(long enterpriseId) {
        return jobs.views("WHERE enterprise_id = ? AND status IN ('QUEUED', 'RUNNING') ORDER BY id", enterpriseId);
    }

    /**
     * Claims, for this instance, the jobs it should run: queued ones, its own, and running ones whose instance
     * stopped beating. Each claim is a conditional UPDATE, so two instances never claim the same job.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> claim(String instance) {
        Instant now = Clock.now();
        Instant stale = now.minus(STALE);
        List<Long> claimed = new ArrayList<>();
        for (long jobId : jobs.claimable(instance, stale)) {
            if (jobs.claim(jobId, instance, now, stale)) {
                claimed.add(jobId);
            }
        }
        return claimed;
    }

    /**
     * Runs the next batch of a job this instance holds, in its own transaction. Returns false when there is
     * nothing more to do (finished, or the job is no longer this instance's).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean runBatch(long jobId, String instance) {
        Optional<RemapJobRepository.JobState> found = jobs.lock(jobId);
        if (found.isEmpty() || !"RUNNING".equals(found.get().status()) || !instance.equals(found.get().claimedBy())) {
            return false;
        }
        RemapJobRepository.JobState job = found.get();
        long enterpriseId = job.enterpriseId();
        List<Long> userIds = switch (job.kind()) {
            case "GROUP" -> groups.memberUserIdsAfter(enterpriseId, job.groupId(), job.cursor(), NativeSql.CHUNK);
            case "HOLDERS" -> effectiveRoles.holdersAfter(enterpriseId, job.cursor(), NativeSql.CHUNK);
            default -> users.idsAfter(enterpriseId, job.cursor(), NativeSql.CHUNK);
        };
        Instant now = Clock.now();
        if (userIds.isEmpty()) {
            jobs.finish(jobId, now, com.rollcall.platform.text.Plural.count(job.changed(), "user") + " got a different effective role.");
            return false;
        }
        EffectiveRoleStore.Outcome outcome = store.recompute(Actor.system(enterpriseId, "Remap job " + jobId), userIds,
                false, new RoleChangeCause("remap job " + jobId + ": " + job.reason(), jobId));
        jobs.advance(jobId, userIds.get(userIds.size() - 1), userIds.size(), outcome.changed(), outcome.unlicensed(), now);
        return true;
    }

    /** Marks a job failed after repeated errors, with a message an admin can act on. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long jobId, String message) {
        jobs.fail(jobId, Clock.now(), message);
    }

}
