package com.rollcall.apiclients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code api_client}. */
@ApplicationScoped
public class ApiClientRepository {
    @PersistenceContext
    private EntityManager em;

    void add(ApiClient client) {
        em.persist(client);
        em.flush();
    }

    /** The client with this token hash (unique index), revoked or not. */
    Optional<ApiClient> byTokenHash(String hash) {
        return em.createQuery("SELECT c FROM ApiClient c WHERE c.tokenHash = :hash", ApiClient.class)
                .setParameter("hash", hash)
                .getResultList().stream()
                .findFirst();
    }

    /** Stamps the last use unless a newer one than {@code stale} is already there (one UPDATE, no entity). */
    void recordUse(long clientId, Instant at, String address, Instant stale) {
        em.createQuery("UPDATE ApiClient c SET c.lastUsedAt = :now, c.lastUsedAddress = :address "
                        + "WHERE c.id = :id AND (c.lastUsedAt IS NULL OR c.lastUsedAt < :stale)")
                .setParameter("now", at)
                .setParameter("address", address)
                .setParameter("id", clientId)
                .setParameter("stale", stale)
                .executeUpdate();
    }

    /** The enterprise's clients, oldest first. */
    List<ApiClient> list(long enterpriseId) {
        return em.createQuery("SELECT c FROM ApiClient c WHERE c.enterpriseId = :enterprise ORDER BY c.id", ApiClient.class)
                .setParameter("enterprise", enterpriseId)
                .getResultList();
    }

    Optional<ApiClient> find(long enterpriseId, long clientId) {
        return em.createQuery("SELECT c FROM ApiClient c WHERE c.enterpriseId = :enterprise AND c.id = :id", ApiClient.class)
                .setParameter("enterprise", enterpriseId)
                .setParameter("id", clientId)
                .getResultList().stream()
                .findFirst();
    }

    void flush() {
        em.flush();
    }
}
