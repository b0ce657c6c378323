package com.rollcall.access;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.platform.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The one owner of {@code effective_role_change}: who got which role where, when, and why. */
@ApplicationScoped
public class RoleHistoryRepository {
    private static final UtcInstantConverter TIME = new UtcInstantConverter();

    @PersistenceContext
    private EntityManager em;

    /** One change of one user's role at one scope (role names as they were; null: no role). */
    record Change(long userId, long scope, String before, String after) {
    }

    /** One recorded change, as the history shows it. */
    record Row(long id, long scope, String before, String after, Instant changedAt, String actorType, String actorName,
            String requestId, Long remapJobId, String cause) {
    }

    void record(long enterpriseId, List<Change> changes, Actor actor, RoleChangeCause cause, Instant at) {
        Object now = TIME.convertToDatabaseColumn(at);
        for (List<Change> chunk : NativeSql.chunks(changes)) {
            StringBuilder sql = new StringBuilder("INSERT INTO effective_role_change (enterprise_id, user_id, scope_key, "
                    + "role_before, role_after, changed_at, actor_type, actor_name, request_id, remap_job_id, cause) VALUES ");
            List<Object> parameters = new ArrayList<>(chunk.size() * 11);
            for (int i = 0; i < chunk.size(); i++) {
                Change c = chunk.get(i);
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?)");
                parameters.addAll(Arrays.asList(enterpriseId, c.userId(), c.scope(), c.before(), c.after(), now,
                        actor.type().name(), actor.name(), actor.requestId(), cause.remapJobId(), cause.text()));
            }
            NativeSql.update(em, sql.toString(), parameters);
        }
    }

    /** The user's role history, newest first, at most {@code limit} rows. */
    List<Row> ofUser(long enterpriseId, long userId, int limit) {
        return NativeSql.query(em, "SELECT id, scope_key, role_before, role_after, changed_at, actor_type, actor_name, "
                        + "request_id, remap_job_id, cause FROM effective_role_change WHERE enterprise_id = ? AND user_id = ? "
                        + "ORDER BY id DESC LIMIT " + Math.max(1, limit), List.of(enterpriseId, userId)).stream()
                .map(c -> new Row(Columns.number(c[0]), Columns.number(c[1]), (String) c[2], (String) c[3],
                        Columns.instant(c[4]), (String) c[5], (String) c[6], (String) c[7], Columns.nullableNumber(c[8]),
                        (String) c[9]))
                .toList();
    }
}
