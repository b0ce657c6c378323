package com.rollcall.enterprise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
}
