package com.rollcall.apiclients;

import com.rollcall.platform.persistence.Columns;
import com.rollcall.platform.persistence.NativeSql;
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

    /** The last use of any live scim-scope client of each of these enterprises, by enterprise id. */
    java.util.Map<Long, Instant> lastScimUse(java.util.Collection<Long> enterpriseIds) {
        java.util.Map<Long, Instant> byId = new java.util.HashMap<>();
        for (List<Long> chunk : NativeSql.chunks(enterpriseIds)) {
            for (Object[] row : NativeSql.query(em, "SELECT enterprise_id, MAX(last_used_at) "
                    + "FROM api_client WHERE enterprise_id IN " + NativeSql.placeholders(chunk.size())
                    + " AND scopes LIKE '%scim%' AND last_used_at IS NOT NULL GROUP BY enterprise_id", chunk)) {
                byId.put(Columns.number(row[0]),
                        Columns.instant(row[1]));
            }
        }
        return byId;
    }

    void flush() {
        em.flush();
    }
}
