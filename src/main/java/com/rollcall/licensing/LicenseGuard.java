package com.rollcall.licensing;

import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.scim.message.ScimException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * PRODUCT.md rule 5, inside the caller's transaction: taking a seat locks the tenant's counter row
 * ({@code SELECT ... FOR UPDATE}), checks it against the license limit and increments it; freeing one
 * decrements it. Concurrent requests, on one instance or many, queue on that row, so usage can never
 * exceed the limit. A refusal is a 403 whose detail gives used/limit, recorded separately so that it
 * survives the rollback of everything else the request did.
 */
@ApplicationScoped
public class LicenseGuard {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private LicenseRefusals refusals;

    /** Takes a seat for a user about to become active, or refuses with 403. */
    public void takeSeat(long enterpriseId, String requestId) {
        LicenseCounter counter = lockedCounter(enterpriseId);
        int limit = enterprises.find(enterpriseId).orElseThrow().licenseLimit();
        if (counter.seatsUsed() >= limit) {
            refusals.record(enterpriseId, requestId);
            throw ScimException.forbidden("The license limit is reached: " + counter.seatsUsed() + " of " + limit
                    + " licenses are in use. Deactivate users or add licenses, then retry.");
        }
        counter.take();
    }

    /** Frees the seat of a user who stops being active (deactivated or deleted). */
    public void freeSeat(long enterpriseId) {
        lockedCounter(enterpriseId).free();
    }

    /** Seats used and allowed, and the refusals so far. */
    public LicenseUsage usage(long enterpriseId) {
        LicenseCounter counter = em.find(LicenseCounter.class, enterpriseId);
        int limit = enterprises.find(enterpriseId).orElseThrow().licenseLimit();
        long refused = em.createQuery("SELECT COUNT(r) FROM LicenseRefusal r WHERE r.enterpriseId = :enterpriseId",
                        Long.class)
                .setParameter("enterpriseId", enterpriseId)
                .getSingleResult();
        Instant last = em.createQuery("SELECT r FROM LicenseRefusal r WHERE r.enterpriseId = :enterpriseId "
                        + "ORDER BY r.id DESC", LicenseRefusal.class)
                .setParameter("enterpriseId", enterpriseId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(LicenseRefusal::refusedAt)
                .orElse(null);
        return new LicenseUsage(counter == null ? 0 : counter.seatsUsed(), limit, refused, last);
    }

    private LicenseCounter lockedCounter(long enterpriseId) {
        LicenseCounter counter = em.find(LicenseCounter.class, enterpriseId, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            throw new IllegalStateException("enterprise " + enterpriseId + " has no license counter");
        }
        return counter;
    }
}
