package com.rollcall.remap;

import com.rollcall.access.RemapJobView;
import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code remap_job}. */
@ApplicationScoped
public class RemapJobRepository {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();

    @PersistenceContext
    private EntityManager em;

    /** What running a job needs of it. */
    record JobState(long enterpriseId, String kind, Long groupId, long cursor, String status, String claimedBy, long changed,
            String reason) {
    }

    long add(RemapJob job) {
        em.persist(job);
        em.flush();
        return job.id();
    }

    List<RemapJobView> views(String where, Object... parameters) {
        List<RemapJobView> views = new ArrayList<>();
        for (Object[] c : NativeSql.query(em, "SELECT id, group_scim_id, group_name, reason, status, processed, total, changed, "
                + "unlicensed, created_at, finished_at, message FROM remap_job " + where, Arrays.asList(parameters))) {
            views.add(new RemapJobView(Columns.number(c[0]), (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                    Columns.number(c[5]), Columns.number(c[6]), Columns.number(c[7]), Columns.number(c[8]),
                    Columns.instant(c[9]), Columns.instant(c[10]), (String) c[11]));
        }
        return views;
    }

    /** Per status: the number of jobs, the users they processed and will process, the oldest one's creation. */
    List<RemapStatistics> statistics() {
        return NativeSql.query(em, "SELECT status, COUNT(*), COALESCE(SUM(processed), 0), COALESCE(SUM(total), 0), "
                + "MIN(created_at) FROM remap_job GROUP BY status", List.of()).stream()
                .map(c -> new RemapStatistics((String) c[0], Columns.number(c[1]), Columns.number(c[2]), Columns.number(c[3]),
                        Columns.instant(c[4]))).toList();
    }

    /** Jobs this instance may claim: queued ones, its own, and running ones whose heartbeat is older than {@code stale}. */
    List<Long> claimable(String instance, Instant stale) {
        return NativeSql.query(em, "SELECT id FROM remap_job WHERE status = 'QUEUED' OR (status = 'RUNNING' "
                + "AND (claimed_by = ? OR heartbeat_at < ?)) ORDER BY id LIMIT 10", List.of(instance, TIME.convertToDatabaseColumn(stale)))
                .stream().map(c -> Columns.number(c[0])).toList();
    }

    /** Claims a job by a conditional UPDATE; true when this instance got it. */
    boolean claim(long jobId, String instance, Instant now, Instant stale) {
        Object at = TIME.convertToDatabaseColumn(now);
        return NativeSql.update(em, "UPDATE remap_job SET status = 'RUNNING', claimed_by = ?, heartbeat_at = ?, "
                + "started_at = COALESCE(started_at, ?) WHERE id = ? AND (status = 'QUEUED' OR (status = 'RUNNING' "
                + "AND (claimed_by = ? OR heartbeat_at < ?)))", List.of(instance, at, at, jobId, instance,
                TIME.convertToDatabaseColumn(stale))) == 1;
    }

    /** The job, its row locked until commit. */
    Optional<JobState> lock(long jobId) {
        return NativeSql.query(em, "SELECT enterprise_id, kind, group_id, cursor_user_id, status, claimed_by, changed, reason "
                + "FROM remap_job WHERE id = ? FOR UPDATE", List.of(jobId)).stream().findFirst()
                .map(c -> new JobState(Columns.number(c[0]), (String) c[1], Columns.nullableNumber(c[2]), Columns.number(c[3]),
                        (String) c[4], (String) c[5], Columns.number(c[6]), (String) c[7]));
    }

    void advance(long jobId, long cursor, int processed, int changed, int unlicensed, Instant at) {
        NativeSql.update(em, "UPDATE remap_job SET cursor_user_id = ?, processed = processed + ?, changed = changed + ?, "
                + "unlicensed = unlicensed + ?, heartbeat_at = ? WHERE id = ?",
                List.of(cursor, processed, changed, unlicensed, TIME.convertToDatabaseColumn(at), jobId));
    }

    void finish(long jobId, Instant at, String message) {
        Object now = TIME.convertToDatabaseColumn(at);
        NativeSql.update(em, "UPDATE remap_job SET status = 'DONE', finished_at = ?, heartbeat_at = ?, message = ? WHERE id = ?",
                List.of(now, now, message, jobId));
    }

    void fail(long jobId, Instant at, String message) {
        Object now = TIME.convertToDatabaseColumn(at);
        NativeSql.update(em, "UPDATE remap_job SET status = 'FAILED', finished_at = ?, heartbeat_at = ?, message = ? "
                + "WHERE id = ? AND status = 'RUNNING'", List.of(now, now, message, jobId));
    }
}
