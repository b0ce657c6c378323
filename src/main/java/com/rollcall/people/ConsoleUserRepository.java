package com.rollcall.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
}
