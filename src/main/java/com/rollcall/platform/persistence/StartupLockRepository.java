package com.rollcall.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The {@code startup_lock} table's one owner: a start-up task that several instances may run at once locks its row
 * for the rest of the current transaction, so they run it one after the other, whichever instance comes first.
 */
@ApplicationScoped
public class StartupLockRepository {
    @PersistenceContext
    private EntityManager em;

    /** Locks the named row until the current transaction ends (waits while another instance holds it). */
    public void lock(String name) {
        int rows = em.createNativeQuery("SELECT name FROM startup_lock WHERE name = ? FOR UPDATE")
                .setParameter(1, name)
                .getResultList().size();
        if (rows != 1) {
            throw new IllegalStateException("no startup_lock row named " + name + " (migration V70)");
        }
    }
}
