package com.rollcall.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Users of one enterprise: the enterprise id is the first argument of every call. */
@ApplicationScoped
public class UserRepository {
    @PersistenceContext
    private EntityManager em;

    public void add(long enterpriseId, UserAccount user) {
        if (user.enterpriseId() != enterpriseId) {
            throw new IllegalArgumentException("user of another enterprise");
        }
        em.persist(user);
    }

    /** A live (not soft-deleted) user by its SCIM id. */
    public Optional<UserAccount> findLive(long enterpriseId, String scimId) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.scimId = :scimId AND u.enterpriseId = :enterpriseId "
                        + "AND u.deletedAt IS NULL", UserAccount.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId)
                .getResultStream()
                .findFirst();
    }

    public Optional<UserAccount> findLiveByUserName(long enterpriseId, String userName) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.enterpriseId = :enterpriseId "
                        + "AND u.userNameKey = :key", UserAccount.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("key", UserAccount.userNameKey(userName))
                .getResultStream()
                .findFirst();
    }

    public Optional<UserAccount> findLiveByExternalId(long enterpriseId, String externalId) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.enterpriseId = :enterpriseId "
                        + "AND u.externalIdKey = :key", UserAccount.class)
                .setParameter("enterpriseId", enterpriseId)
                .setParameter("key", externalId)
                .getResultStream()
                .findFirst();
    }

    public void flush() {
        em.flush();
    }
}
