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

    /** The live user, its row locked until commit (writes to one user run one at a time). */
    public Optional<UserAccount> findLiveForUpdate(long enterpriseId, String scimId) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.scimId = :scimId AND u.enterpriseId = :enterpriseId "
                        + "AND u.deletedAt IS NULL", UserAccount.class)
                .setParameter("scimId", scimId)
                .setParameter("enterpriseId", enterpriseId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /**
     * Removes the user from every group it belongs to, keeping each group's member count right.
     * Returns the number of memberships removed.
     */
    public int removeFromAllGroups(long enterpriseId, long userId) {
        em.createNativeQuery("UPDATE user_group SET member_count = member_count - 1 WHERE enterprise_id = ? "
                        + "AND id IN (SELECT group_id FROM group_membership WHERE user_id = ?)")
                .setParameter(1, enterpriseId).setParameter(2, userId).executeUpdate();
        return em.createNativeQuery("DELETE FROM group_membership WHERE enterprise_id = ? AND user_id = ?")
                .setParameter(1, enterpriseId).setParameter(2, userId).executeUpdate();
    }

    public void flush() {
        em.flush();
    }
}
