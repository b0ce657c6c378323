package com.rollcall.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code console_user}. */
@ApplicationScoped
public class ConsoleUserRepository {
    @PersistenceContext
    private EntityManager em;

    void add(ConsoleUser user) {
        em.persist(user);
        em.flush();
    }

    Optional<ConsoleUser> byLogin(String login) {
        return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.loginKey = :key", ConsoleUser.class)
                .setParameter("key", ConsoleUser.loginKey(login))
                .getResultList().stream()
                .findFirst();
    }

    /** A console user of this enterprise; another enterprise's is as absent as a missing one. */
    Optional<ConsoleUser> find(long enterpriseId, long id) {
        return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.enterpriseId = :enterprise AND u.id = :id", ConsoleUser.class)
                .setParameter("enterprise", enterpriseId)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    /** The invited login whose link carries this token hash (unique), used or not. */
    Optional<ConsoleUser> byInvitationHash(String hash) {
        return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.invitationHash = :hash", ConsoleUser.class)
                .setParameter("hash", hash)
                .getResultList().stream()
                .findFirst();
    }

    /** The enterprise's console users, by login. */
    List<ConsoleUser> ofEnterprise(long enterpriseId) {
        return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.enterpriseId = :enterprise ORDER BY u.loginKey",
                        ConsoleUser.class)
                .setParameter("enterprise", enterpriseId)
                .getResultList();
    }

    /**
     * Every console user of the enterprise, locked until the commit, in id order: changes that could leave it
     * without an active Enterprise Admin queue here, so two admins disabling each other cannot both succeed.
     */
    List<ConsoleUser> ofEnterpriseForUpdate(long enterpriseId) {
        return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.enterpriseId = :enterprise ORDER BY u.id", ConsoleUser.class)
                .setParameter("enterprise", enterpriseId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** The enterprise's console users whose login is one of these (lower-cased) emails. */
    List<ConsoleUser> byLoginKeys(long enterpriseId, Collection<String> loginKeys) {
        if (loginKeys.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.enterpriseId = :enterprise AND u.loginKey IN :keys "
                        + "ORDER BY u.id", ConsoleUser.class)
                .setParameter("enterprise", enterpriseId)
                .setParameter("keys", List.copyOf(loginKeys))
                .getResultList();
    }

    void remove(ConsoleUser user) {
        em.remove(user);
        em.flush();
    }

    void flush() {
        em.flush();
    }
}
