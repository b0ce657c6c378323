package com.rollcall.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the audit log of one enterprise: filters by time range, actor, action and resource, pages in the
 * database (COUNT + ORDER BY occurred_at DESC, id DESC with offset/limit) on the (enterprise, ...) indexes.
 */
@Stateless
public class AuditQueryService {
    @PersistenceContext
    private EntityManager em;

    public AuditPage query(long enterpriseId, AuditQuery q) {
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

        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        parameters.forEach(count::setParameter);
        long total = count.getSingleResult();

        TypedQuery<AuditEvent> page = em.createQuery("SELECT e FROM AuditEvent e" + where
                + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        parameters.forEach(page::setParameter);
        var events = q.count() == 0 || total < q.startIndex() ? java.util.List.<AuditEventView>of()
                : page.setFirstResult(q.startIndex() - 1).setMaxResults(q.count()).getResultList().stream()
                        .map(AuditEventView::of).toList();
        return new AuditPage(total, q.startIndex(), events);
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            parameters.put(name, value);
        }
    }
}
