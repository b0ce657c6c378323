package com.rollcall.licensing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code license_request}. */
@ApplicationScoped
public class LicenseRequestRepository {
    @PersistenceContext
    private EntityManager em;

    void add(LicenseRequest request) {
        em.persist(request);
        em.flush();
    }

    /** The request, locked for the decision (two operators deciding at once queue here). */
    Optional<LicenseRequest> forUpdate(long id) {
        return Optional.ofNullable(em.find(LicenseRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    Optional<LicenseRequest> open(long enterpriseId) {
        return em.createQuery("SELECT r FROM LicenseRequest r WHERE r.openKey = :enterprise", LicenseRequest.class)
                .setParameter("enterprise", enterpriseId)
                .getResultList().stream()
                .findFirst();
    }

    /** The open requests of these enterprises. */
    List<LicenseRequest> openOf(java.util.Collection<Long> enterpriseIds) {
        return em.createQuery("SELECT r FROM LicenseRequest r WHERE r.openKey IN :ids", LicenseRequest.class)
                .setParameter("ids", List.copyOf(enterpriseIds))
                .getResultList();
    }

    /** The enterprise's requests, newest first. */
    List<LicenseRequest> ofEnterprise(long enterpriseId, int max) {
        return em.createQuery("SELECT r FROM LicenseRequest r WHERE r.enterpriseId = :enterprise ORDER BY r.id DESC",
                        LicenseRequest.class)
                .setParameter("enterprise", enterpriseId)
                .setMaxResults(max)
                .getResultList();
    }

    /** Requests in this status (all when null), oldest first: the operator's queue. */
    List<LicenseRequest> page(LicenseRequest.Status status, int offset, int count) {
        var query = em.createQuery("SELECT r FROM LicenseRequest r" + (status == null ? "" : " WHERE r.status = :status")
                + " ORDER BY r.id", LicenseRequest.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(offset).setMaxResults(count).getResultList();
    }

    long count(LicenseRequest.Status status) {
        var query = em.createQuery("SELECT COUNT(r) FROM LicenseRequest r" + (status == null ? "" : " WHERE r.status = :status"),
                Long.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getSingleResult();
    }

    void flush() {
        em.flush();
    }
}
