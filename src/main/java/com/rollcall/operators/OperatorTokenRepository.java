package com.rollcall.operators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code operator_token}. */
@ApplicationScoped
public class OperatorTokenRepository {
    @PersistenceContext
    private EntityManager em;

    void add(OperatorToken token) {
        em.persist(token);
        em.flush();
    }

    /** The token with this hash (unique index), revoked or not. */
    Optional<OperatorToken> byHash(String hash) {
        return em.createQuery("SELECT t FROM OperatorToken t WHERE t.tokenHash = :hash", OperatorToken.class)
                .setParameter("hash", hash)
                .getResultList().stream()
                .findFirst();
    }

    Optional<OperatorToken> find(long id) {
        return Optional.ofNullable(em.find(OperatorToken.class, id));
    }

    /** Every token, oldest first (revoked ones included). */
    List<OperatorToken> all() {
        return em.createQuery("SELECT t FROM OperatorToken t ORDER BY t.id", OperatorToken.class).getResultList();
    }

    /** Live tokens, locked for writing: revoking the last one is refused, and two revocations queue here. */
    List<OperatorToken> liveForUpdate() {
        return em.createQuery("SELECT t FROM OperatorToken t WHERE t.revokedAt IS NULL ORDER BY t.id", OperatorToken.class)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** The live tokens that came from the environment, other than the one with this hash. */
    List<OperatorToken> otherEnvironmentTokens(String hash) {
        return em.createQuery("SELECT t FROM OperatorToken t WHERE t.fromEnvironment = TRUE AND t.revokedAt IS NULL "
                        + "AND t.tokenHash <> :hash", OperatorToken.class)
                .setParameter("hash", hash)
                .getResultList();
    }

    /** Stamps the last use unless a newer one than {@code stale} is there (one UPDATE, no entity). */
    void recordUse(long id, Instant at, String address, Instant stale) {
        em.createQuery("UPDATE OperatorToken t SET t.lastUsedAt = :now, t.lastUsedAddress = :address "
                        + "WHERE t.id = :id AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :stale)")
                .setParameter("now", at)
                .setParameter("address", address)
                .setParameter("id", id)
                .setParameter("stale", stale)
                .executeUpdate();
    }

    void flush() {
        em.flush();
    }
}
