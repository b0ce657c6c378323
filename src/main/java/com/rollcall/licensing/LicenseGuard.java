package com.rollcall.licensing;

import com.rollcall.events.ChangeFeed;
import com.rollcall.scim.message.ScimException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * PRODUCT.md rule 5, inside the caller's transaction: taking a seat is one conditional UPDATE of the
 * tenant's counter row that checks the license limit and increments it (the row stays locked until the
 * commit); freeing one decrements it. Concurrent requests, on one instance or many, queue on that row, so usage can never
 * exceed the limit. A refusal is a 403 whose detail gives used/limit, recorded once the request's
 * transaction has rolled back ({@link RefusedRequests}), so that it survives the rollback of everything else
 * the request did.
 */
@ApplicationScoped
public class LicenseGuard {
    @Inject
    private LicenseRepository licenses;

    @Inject
    private RefusedRequests refused;

    @Inject
    private LicenseRefusals refusals;

    @Inject
    private ChangeFeed feed;

    /**
     * Takes a seat for a user about to become active, or refuses with 403. One conditional UPDATE checks the
     * limit and increments the counter: it locks the counter row only from here to the commit, and no
     * entity is read or flushed for it.
     */
    public void takeSeat(long enterpriseId, String requestId) {
        if (!licenses.takeSeat(enterpriseId)) {
            LicenseRepository.Seats seats = lockedSeats(enterpriseId);
            recordAfterRollback(enterpriseId, requestId);
            throw ScimException.forbidden("The license limit is reached: " + seats.used() + " of " + seats.limit()
                    + " licenses are in use. Deactivate users or add licenses, then retry.");
        }
    }

    /** Frees the seat of a user who stops being active (deactivated or deleted). */
    public void freeSeat(long enterpriseId) {
        if (!licenses.freeSeat(enterpriseId)) {
            throw noCounter(enterpriseId);
        }
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
        LicenseRepository.Seats seats = lockedSeats(enterpriseId);
        int used = Math.max(0, seats.used() - toFree);
        int room = Math.max(0, seats.limit() - used);
        if (toTake > room) {
            if (!allOrNothing) {
                licenses.addRefusal(enterpriseId, requestId);
                LicenseRefusals.published(feed, licenses, enterpriseId, requestId);
            } else {
                recordAfterRollback(enterpriseId, requestId);
                throw ScimException.forbidden("The license limit is reached: " + used + " of " + seats.limit()
                        + " licenses are in use and this change would make " + com.rollcall.platform.text.Plural.count(toTake, "more user", "more users")
                        + " consume one. "
                        + "Deactivate users or add licenses, then retry.");
            }
        }
        int taken = Math.min(toTake, room);
        licenses.setSeatsUsed(enterpriseId, used + taken);
        return taken;
    }

    /**
     * Refuses up front, with the 403 of a create, a change that would make {@code toTake} more users need a license
     * while freeing {@code toFree}, when the licenses free now cannot cover it (a mapping change of a large group,
     * before its background job is queued). Nothing is taken: the job takes the seats as it goes. The counter stays
     * locked until the commit, so concurrent changes queue behind this check.
     */
    public void requireRoom(long enterpriseId, int toTake, int toFree, String requestId) {
        LicenseRepository.Seats seats = lockedSeats(enterpriseId);
        int room = Math.max(0, seats.limit() - seats.used());
        if (toTake - toFree > room) {
            recordAfterRollback(enterpriseId, requestId);
            throw ScimException.forbidden("The license limit is reached: " + seats.used() + " of " + seats.limit()
                    + " licenses are in use and this change would make " + com.rollcall.platform.text.Plural.count(toTake - toFree, "more user", "more users")
                    + " consume one. "
                    + "Deactivate users or add licenses, then retry.");
        }
    }

    /** Seats used and allowed, and the refusals so far. */
    public LicenseUsage usage(long enterpriseId) {
        Optional<LicenseCounter> counter = licenses.counter(enterpriseId);
        return new LicenseUsage(counter.map(LicenseCounter::seatsUsed).orElse(0),
                counter.map(LicenseCounter::licenseLimit).orElse(0), licenses.refusals(enterpriseId),
                licenses.lastRefusal(enterpriseId).orElse(null));
    }

    /**
     * A refusal, recorded once the refused request's transaction is over (see {@link RefusedRequests}); outside
     * an HTTP request (start-up, a job), where no pool is crowded by concurrent requests, at once on its own.
     */
    private void recordAfterRollback(long enterpriseId, String requestId) {
        try {
            refused.add(enterpriseId, requestId);
        } catch (ContextNotActiveException notInARequest) {
            refusals.record(enterpriseId, requestId);
        }
    }

    /** The tenant's seats in use (its counter row locked until the commit) and its license limit. */
    private LicenseRepository.Seats lockedSeats(long enterpriseId) {
        return licenses.lockedSeats(enterpriseId).orElseThrow(() -> noCounter(enterpriseId));
    }

    private static IllegalStateException noCounter(long enterpriseId) {
        return new IllegalStateException("enterprise " + enterpriseId + " has no license counter");
    }
}
