package com.rollcall.enterprise;

import com.rollcall.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code enterprise} table's one owner. */
@ApplicationScoped
public class EnterpriseRepository {
    @PersistenceContext
    private EntityManager em;

    void add(Enterprise enterprise) {
        em.persist(enterprise);
        em.flush();
    }

    Optional<Enterprise> find(long enterpriseId) {
        return Optional.ofNullable(em.find(Enterprise.class, enterpriseId));
    }

    /** The identifier rule as one value: every SCIM create asks it, so no entity is built for it. */
    Optional<IdentifierRule> identifierRule(long enterpriseId) {
        return em.createQuery("SELECT e.identifierRule FROM Enterprise e WHERE e.id = :id", IdentifierRule.class)
                .setParameter("id", enterpriseId)
                .getResultList().stream()
                .findFirst();
    }

    Optional<Enterprise> findByName(String name) {
        return em.createQuery("SELECT e FROM Enterprise e WHERE e.name = :name ORDER BY e.id", Enterprise.class)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultList().stream()
                .findFirst();
    }

    /** The enterprise holding this name, any letter case (the unique name key). */
    Optional<Enterprise> byNameKey(String name) {
        return em.createQuery("SELECT e FROM Enterprise e WHERE e.nameKey = :key", Enterprise.class)
                .setParameter("key", Enterprise.nameKey(name))
                .getResultList().stream()
                .findFirst();
    }

    /** One page of enterprises whose name contains {@code text} (any case; all when null), by name. */
    List<Enterprise> page(String text, int offset, int count) {
        var query = em.createQuery("SELECT e FROM Enterprise e" + where(text) + " ORDER BY LOWER(e.name), e.id",
                Enterprise.class);
        if (where(text).length() > 0) {
            query.setParameter("pattern", pattern(text));
        }
        return query.setFirstResult(offset).setMaxResults(count).getResultList();
    }

    long count(String text) {
        var query = em.createQuery("SELECT COUNT(e) FROM Enterprise e" + where(text), Long.class);
        if (where(text).length() > 0) {
            query.setParameter("pattern", pattern(text));
        }
        return query.getSingleResult();
    }

    /** Whether the enterprise is suspended, as one value (every authentication that misses the cache asks). */
    boolean suspended(long enterpriseId) {
        return !em.createQuery("SELECT e.id FROM Enterprise e WHERE e.id = :id AND e.suspendedAt IS NOT NULL", Long.class)
                .setParameter("id", enterpriseId)
                .getResultList().isEmpty();
    }

    /** Names of these enterprises, by id. */
    java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> byId = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        for (Object[] row : em.createQuery("SELECT e.id, e.name FROM Enterprise e WHERE e.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(ids)).getResultList()) {
            byId.put((Long) row[0], (String) row[1]);
        }
        return byId;
    }

    void flush() {
        em.flush();
    }

    /** The condition of a name search; none without a text. */
    private static String where(String text) {
        return text == null || text.isBlank() ? "" : " WHERE LOWER(e.name) LIKE :pattern ESCAPE '!'";
    }

    private static String pattern(String text) {
        return NativeSql.containing(text.strip().toLowerCase(Locale.ROOT));
    }
}
