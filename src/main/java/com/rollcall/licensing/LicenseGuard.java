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

    /**
     * Frees {@code toFree} seats, then takes up to {@code toTake}, under the counter lock: for users whose
     * need of a seat changed with their effective roles (a user whose only roles consume no license holds
     * none). With {@code allOrNothing}, taking more than the limit allows is refused with 403 like a create
     * (and recorded); otherwise as many as fit are taken, the rest recorded as refused. Returns how many
     * seats were taken.
     */
    public int adjustSeats(long enterpriseId, int toFree, int toTake, String requestId, boolean allOrNothing) {
        if (toFree == 0 && toTake == 0) {
            return 0;
        }
        LicenseCounter counter = lockedCounter(enterpriseId);
        for (int i = 0; i < toFree; i++) {
            counter.free();
        }
        int limit = enterprises.find(enterpriseId).orElseThrow().licenseLimit();
        int room = Math.max(0, limit - counter.seatsUsed());
        if (toTake > room) {
            refusals.record(enterpriseId, requestId);
            if (allOrNothing) {
                throw ScimException.forbidden("The license limit is reached: " + counter.seatsUsed() + " of " + limit
                        + " licenses are in use and this change would make " + toTake + " more user(s) consume one. "
                        + "Deactivate users or add licenses, then retry.");
            }
        }
        int taken = Math.min(toTake, room);
        for (int i = 0; i < taken; i++) {
            counter.take();
        }
        return taken;
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
                .getResultList().stream()
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
