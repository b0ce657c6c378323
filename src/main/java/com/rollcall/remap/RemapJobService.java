package com.rollcall.remap;

import com.rollcall.access.EffectiveRoleStore;
import com.rollcall.access.RemapJobView;
import com.rollcall.access.RemapQueue;
import com.rollcall.platform.security.Actor;
import com.rollcall.groups.UserGroup;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
@Local(RemapQueue.class)
@LocalBean
public class RemapJobService implements RemapQueue {
    /** A running job whose heartbeat is older than this is taken over by another claim. */
    static final Duration STALE = Duration.ofSeconds(30);

    private static final int DEFAULT_INLINE_LIMIT = 1_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private EffectiveRoleStore store;

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
        long total = ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT user_id) FROM user_effective_role "
                + "WHERE enterprise_id = ?").setParameter(1, actor.enterpriseId()).getSingleResult()).longValue();
        return insert(actor.enterpriseId(), "HOLDERS", null, group == null ? null : group.scimId(),
                group == null ? null : group.displayName(), reason, total);
    }

    private long insert(long enterpriseId, String kind, Long groupId, String groupScimId, String groupName, String reason,
            long total) {
        RemapJob job = new RemapJob(enterpriseId, kind, groupId, groupScimId, groupName, reason, total);
        em.persist(job);
        em.flush();
        return job.id();
    }

    @Override
    public Optional<RemapJobView> find(long enterpriseId, long jobId) {
        return views("WHERE enterprise_id = ? AND id = ?", enterpriseId, jobId).stream().findFirst();
    }

    /** The group's jobs, newest first (at most 20). */
    public List<RemapJobView> recent(long enterpriseId, String groupScimId) {
        return views("WHERE enterprise_id = ? AND group_scim_id = ? ORDER BY id DESC LIMIT 20", enterpriseId, groupScimId);
    }

    /** The enterprise's jobs not finished yet, oldest first. */
    public List<RemapJobView> unfinished(long enterpriseId) {
        return views("WHERE enterprise_id = ? AND status IN ('QUEUED', 'RUNNING') ORDER BY id", enterpriseId);
    }

    private List<RemapJobView> views(String where, Object... parameters) {
        var query = em.createNativeQuery("SELECT id, group_scim_id, group_name, reason, status, processed, total, changed, "
                + "unlicensed, created_at, finished_at, message FROM remap_job " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<RemapJobView> views = new ArrayList<>();
        UtcInstantConverter times = new UtcInstantConverter();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            views.add(new RemapJobView(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3],
                    (String) c[4], ((Number) c[5]).longValue(), ((Number) c[6]).longValue(), ((Number) c[7]).longValue(),
                    ((Number) c[8]).longValue(), times.convertToEntityAttribute(c[9]),
                    c[10] == null ? null : times.convertToEntityAttribute(c[10]), (String) c[11]));
        }
        return views;
    }

    /**
     * Claims, for this instance, the jobs it should run: queued ones, its own, and running ones whose instance
     * stopped beating. Each claim is a conditional UPDATE, so two instances never claim the same job.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> claim(String instance) {
        Instant now = Clock.now();
        Object stale = time(now.minus(STALE));
        List<Long> claimed = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT id FROM remap_job WHERE status = 'QUEUED' OR (status = 'RUNNING' "
                        + "AND (claimed_by = ? OR heartbeat_at < ?)) ORDER BY id LIMIT 10")
                .setParameter(1, instance).setParameter(2, stale).getResultList()) {
            long jobId = ((Number) id).longValue();
            int updated = em.createNativeQuery("UPDATE remap_job SET status = 'RUNNING', claimed_by = ?, heartbeat_at = ?, "
                            + "started_at = COALESCE(started_at, ?) WHERE id = ? AND (status = 'QUEUED' OR (status = 'RUNNING' "
                            + "AND (claimed_by = ? OR heartbeat_at < ?)))")
                    .setParameter(1, instance).setParameter(2, time(now)).setParameter(3, time(now))
                    .setParameter(4, jobId).setParameter(5, instance).setParameter(6, stale).executeUpdate();
            if (updated == 1) {
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
        List<?> rows = em.createNativeQuery("SELECT enterprise_id, kind, group_id, cursor_user_id, status, claimed_by, "
                + "changed FROM remap_job WHERE id = ? FOR UPDATE").setParameter(1, jobId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] job = (Object[]) rows.get(0);
        if (!"RUNNING".equals(job[4]) || !instance.equals(job[5])) {
            return false;
        }
        long enterpriseId = ((Number) job[0]).longValue();
        long cursor = ((Number) job[3]).longValue();
        List<Long> userIds = new ArrayList<>();
        var next = switch ((String) job[1]) {
            case "GROUP" -> em.createNativeQuery("SELECT user_id FROM group_membership WHERE group_id = ? AND user_id > ? "
                    + "ORDER BY user_id LIMIT " + NativeSql.CHUNK).setParameter(1, job[2]).setParameter(2, cursor);
            case "HOLDERS" -> em.createNativeQuery("SELECT DISTINCT user_id FROM user_effective_role WHERE enterprise_id = ? "
                    + "AND user_id > ? ORDER BY user_id LIMIT " + NativeSql.CHUNK)
                    .setParameter(1, enterpriseId).setParameter(2, cursor);
            default -> em.createNativeQuery("SELECT id FROM user_account WHERE enterprise_id = ? AND id > ? ORDER BY id "
                    + "LIMIT " + NativeSql.CHUNK).setParameter(1, enterpriseId).setParameter(2, cursor);
        };
        for (Object id : next.getResultList()) {
            userIds.add(((Number) id).longValue());
        }
        Object now = time(Clock.now());
        if (userIds.isEmpty()) {
            em.createNativeQuery("UPDATE remap_job SET status = 'DONE', finished_at = ?, heartbeat_at = ?, message = ? "
                            + "WHERE id = ?")
                    .setParameter(1, now).setParameter(2, now)
                    .setParameter(3, ((Number) job[6]).longValue() + " user(s) got a different effective role.")
                    .setParameter(4, jobId).executeUpdate();
            return false;
        }
        EffectiveRoleStore.Outcome outcome = store.recompute(Actor.system(enterpriseId, "Remap job " + jobId), userIds,
                false);
        em.createNativeQuery("UPDATE remap_job SET cursor_user_id = ?, processed = processed + ?, changed = changed + ?, "
                        + "unlicensed = unlicensed + ?, heartbeat_at = ? WHERE id = ?")
                .setParameter(1, userIds.get(userIds.size() - 1)).setParameter(2, userIds.size())
                .setParameter(3, outcome.changed()).setParameter(4, outcome.unlicensed()).setParameter(5, now)
                .setParameter(6, jobId).executeUpdate();
        return true;
    }

    /** Marks a job failed after repeated errors, with a message an admin can act on. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long jobId, String message) {
        Object now = time(Clock.now());
        em.createNativeQuery("UPDATE remap_job SET status = 'FAILED', finished_at = ?, heartbeat_at = ?, message = ? "
                        + "WHERE id = ? AND status = 'RUNNING'")
                .setParameter(1, now).setParameter(2, now).setParameter(3, message).setParameter(4, jobId).executeUpdate();
    }

    private static Object time(Instant instant) {
        return new UtcInstantConverter().convertToDatabaseColumn(instant);
    }
}
