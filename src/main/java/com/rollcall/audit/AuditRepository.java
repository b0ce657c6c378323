package com.rollcall.audit;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import com.rollcall.platform.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one owner of {@code audit_event}: one INSERT per recorded change, the log's queries and counts. */
@ApplicationScoped
public class AuditRepository {
    private static final String INSERT = "INSERT INTO audit_event (enterprise_id, occurred_at, actor_type, actor_id, "
            + "actor_name, caller_address, proxy_address, request_id, action, resource_type, resource_id, resource_name, "
            + "before_state, after_state) VALUES " + NativeSql.placeholders(14);
    private static final UtcInstantConverter TIME = new UtcInstantConverter();

    /** Kind of a write: C(reate), D(eactivation: deactivated by any path, or deleted), U(pdate). */
    private static final String KIND = "CASE WHEN e.action IN ('USER_CREATED', 'USER_LINKED', 'GROUP_CREATED') THEN 'C' "
            + "WHEN e.action IN ('USER_DELETED', 'USER_DEACTIVATED') OR (e.action IN ('USER_PATCHED', 'USER_REPLACED') "
            + "AND e.before_state LIKE '%\"active\":true%' AND e.after_state LIKE '%\"active\":false%') THEN 'D' "
            + "ELSE 'U' END";

    @PersistenceContext
    private EntityManager em;

    /** One event, on the caller transaction's connection (no entity registered, flushed or fetched). */
    /** Inserts an event and answers its id (the transaction's connection's last generated key). */
    long insertReturningId(Long enterpriseId, Instant occurredAt, String actorType, String actorId, String actorName,
            String address, String proxyAddress, String requestId, String action, String resourceType, String resourceId,
            String resourceName, String before, String after) {
        insert(enterpriseId, occurredAt, actorType, actorId, actorName, address, proxyAddress, requestId, action,
                resourceType, resourceId, resourceName, before, after);
        return Columns.number(NativeSql.query(em, "SELECT LAST_INSERT_ID()", List.of()).get(0)[0]);
    }

    /** The users an event concerns besides its resource (each once). */
    void addSubjects(long eventId, long enterpriseId, java.util.Collection<AuditSubject> subjects) {
        java.util.Map<String, AuditSubject> unique = new java.util.LinkedHashMap<>();
        subjects.forEach(subject -> unique.putIfAbsent(subject.id(), subject));
        for (List<AuditSubject> chunk : NativeSql.chunks(List.copyOf(unique.values()))) {
            StringBuilder sql = new StringBuilder("INSERT INTO audit_event_subject (event_id, enterprise_id, subject_id, "
                    + "relation, subject_name) VALUES ");
            List<Object> parameters = new java.util.ArrayList<>(chunk.size() * 5);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?)");
                parameters.addAll(Arrays.asList(eventId, enterpriseId, chunk.get(i).id(), chunk.get(i).relation(),
                        chunk.get(i).name()));
            }
            NativeSql.update(em, sql.toString(), parameters);
        }
    }

    /** The users an event of this enterprise names, by relation then name (empty for another enterprise's event). */
    List<AuditSubject> subjects(long enterpriseId, long eventId, int offset, int limit) {
        return NativeSql.query(em, "SELECT subject_id, subject_name, relation FROM audit_event_subject WHERE enterprise_id = ? "
                        + "AND event_id = ? ORDER BY relation, subject_name, subject_id LIMIT " + Math.max(0, limit) + " OFFSET "
                        + Math.max(0, offset), List.of(enterpriseId, eventId)).stream()
                .map(c -> new AuditSubject((String) c[0], (String) c[1], (String) c[2])).toList();
    }

    long subjectCount(long enterpriseId, long eventId) {
        return Columns.number(NativeSql.query(em, "SELECT COUNT(*) FROM audit_event_subject WHERE enterprise_id = ? "
                + "AND event_id = ?", List.of(enterpriseId, eventId)).get(0)[0]);
    }

    void insert(Long enterpriseId, Instant occurredAt, String actorType, String actorId, String actorName,
            String callerAddress, String proxyAddress, String requestId, String action, String resourceType,
            String resourceId, String resourceName, String before, String after) {
        NativeSql.update(em, INSERT, Arrays.asList(enterpriseId, TIME.convertToDatabaseColumn(occurredAt), actorType, actorId,
                actorName, callerAddress, proxyAddress, requestId, action, resourceType, resourceId, resourceName, before,
                after));
    }

    /** The events of an enterprise matching the query, newest first, paged in the database; and their total. */
    AuditPage page(long enterpriseId, AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE e.enterpriseId = :enterprise");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("enterprise", enterpriseId);
        condition(where, parameters, "e.occurredAt >= :fromTime", "fromTime", q.from());
        condition(where, parameters, "e.occurredAt < :toTime", "toTime", q.to());
        condition(where, parameters, "e.actorType = :actorType", "actorType", q.actorType());
        condition(where, parameters, "e.actorId = :actorId", "actorId", q.actorId());
        condition(where, parameters, "e.action = :action", "action", q.action());
        condition(where, parameters, "e.resourceType = :resourceType", "resourceType", q.resourceType());
        condition(where, parameters, "e.resourceId = :resourceId", "resourceId", q.resourceId());
        condition(where, parameters, "((e.resourceType = 'User' AND e.resourceId = :userId) OR e.id IN (SELECT s.eventId "
                + "FROM AuditEventSubject s WHERE s.enterpriseId = :enterprise AND s.subjectId = :userId))", "userId", q.userId());

        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        parameters.forEach(count::setParameter);
        long total = count.getSingleResult();

        TypedQuery<AuditEvent> page = em.createQuery("SELECT e FROM AuditEvent e" + where
                + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        parameters.forEach(page::setParameter);
        var events = q.count() == 0 || total < q.startIndex() ? List.<AuditEventView>of()
                : page.setFirstResult(q.startIndex() - 1).setMaxResults(q.count()).getResultList().stream()
                        .map(AuditEventView::of).toList();
        return new AuditPage(total, q.startIndex(), events);
    }

    /**
     * The operator's trail, newest first: what the operator of Rollcall did to any enterprise, and what happened to
     * its own tokens (events of no enterprise). On the (actor type, time) index.
     */
    AuditPage operatorPage(int startIndex, int count) {
        String where = " WHERE e.actorType = :operator OR e.enterpriseId IS NULL";
        long total = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class)
                .setParameter("operator", Actor.ActorType.OPERATOR)
                .getSingleResult();
        var events = count == 0 || total < startIndex ? List.<AuditEventView>of()
                : em.createQuery("SELECT e FROM AuditEvent e" + where + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class)
                        .setParameter("operator", Actor.ActorType.OPERATOR)
                        .setFirstResult(startIndex - 1).setMaxResults(count)
                        .getResultList().stream().map(AuditEventView::of).toList();
        return new AuditPage(total, startIndex, events);
    }

    /**
     * SCIM writes (by API clients, to users and groups) counted per hour or day ({@code unit}: HOUR or DAY) since
     * {@code from}: (bucket index, kind 0 create / 1 update / 2 deactivation, count). GROUP BY on the
     * (enterprise, time) index; no event is loaded.
     */
    List<long[]> scimWritesPer(long enterpriseId, String unit, Instant from) {
        List<long[]> counts = new ArrayList<>();
        Object start = TIME.convertToDatabaseColumn(from);
        for (Object[] r : NativeSql.query(em, "SELECT TIMESTAMPDIFF(" + unit + ", CAST(? AS DATETIME), e.occurred_at) AS b, "
                + KIND + " AS k, COUNT(*) FROM audit_event e WHERE e.enterprise_id = ? AND e.occurred_at >= CAST(? AS DATETIME) "
                + "AND e.actor_type = 'API_CLIENT' AND e.resource_type IN ('User', 'Group') GROUP BY b, k",
                List.of(start, enterpriseId, start))) {
            int kind = switch ((String) r[1]) {
                case "C" -> 0;
                case "D" -> 2;
                default -> 1;
            };
            counts.add(new long[] {((Number) r[0]).longValue(), kind, ((Number) r[2]).longValue()});
        }
        return counts;
    }

    /** The ids of an enterprise's events, oldest first. */
    List<Long> ids(long enterpriseId) {
        return NativeSql.query(em, "SELECT id FROM audit_event WHERE enterprise_id = ? ORDER BY id", List.of(enterpriseId))
                .stream().map(r -> ((Number) r[0]).longValue()).toList();
    }

    void setOccurredAt(long eventId, Instant occurredAt) {
        NativeSql.update(em, "UPDATE audit_event SET occurred_at = ? WHERE id = ?",
                List.of(TIME.convertToDatabaseColumn(occurredAt), eventId));
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            parameters.put(name, value);
        }
    }
}
