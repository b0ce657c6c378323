package com.rollcall.licensing;

import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * License use cases: an enterprise's licenses are opened with it, its limit is the operator's setting (never
 * the enterprise's own: licenses are bought), and its usage and refusals are read for the console and API.
 */
@Stateless
public class LicenseService {
    /** The largest limit Rollcall accepts. */
    public static final int MAX_LIMIT = 10_000_000;

    @Inject
    private LicenseRepository licenses;

    @Inject
    private LicenseGuard guard;

    @Inject
    private AuditTrail audit;

    /** The seat counter of a new enterprise, with its license limit. */
    public void open(long enterpriseId, int licenseLimit) {
        requireValid(licenseLimit);
        licenses.open(new LicenseCounter(enterpriseId, licenseLimit));
    }

    /**
     * Sets the license limit of the actor's enterprise: only the operator of Rollcall does (through the operator API,
     * or by granting a license request), and Rollcall itself at start-up (the demo enterprise's
     * ROLLCALL_BOOTSTRAP_LICENSES); the enterprise's admin API and console show it read-only. Lowering it below the
     * seats in use is allowed: nobody is deactivated, but no seat can be taken until usage falls below the new
     * limit, and the answer says so. The counter is locked, so the seats counted are those the limit applies to.
     */
    public LimitChange changeLimit(Actor actor, int limit) {
        if (actor.type() != Actor.ActorType.SYSTEM && !actor.isOperator()) {
            throw ScimException.forbidden("The license limit is set by the operator of Rollcall, not by the enterprise.");
        }
        requireValid(limit);
        LicenseRepository.Seats seats = licenses.lockedSeats(actor.enterpriseId())
                .orElseThrow(() -> ScimException.notFound("Enterprise " + actor.enterpriseId() + " has no licenses."));
        if (seats.limit() != limit) {
            licenses.setLimit(actor.enterpriseId(), limit);
            audit.record(actor, "LICENSE_LIMIT_CHANGED", "Enterprise", Long.toString(actor.enterpriseId()), null,
                    ScimJson.object().add("licenseLimit", seats.limit()).build(),
                    ScimJson.object().add("licenseLimit", limit).build());
        }
        return new LimitChange(seats.limit(), limit, seats.used());
    }

    /** Seats used and limits of every enterprise, by id (for the metrics). */
    public java.util.Map<Long, LimitChange> allSeats() {
        java.util.Map<Long, LimitChange> byId = new java.util.HashMap<>();
        licenses.allSeats().forEach((id, s) -> byId.put(id, new LimitChange(s.limit(), s.limit(), s.used())));
        return byId;
    }

    /** Seats used and limits of these enterprises, by id (one query per 500). */
    public java.util.Map<Long, LimitChange> seats(java.util.Collection<Long> enterpriseIds) {
        java.util.Map<Long, LimitChange> byId = new java.util.HashMap<>();
        licenses.seats(enterpriseIds).forEach((id, s) -> byId.put(id, new LimitChange(s.limit(), s.limit(), s.used())));
        return byId;
    }

    /** Seats used and allowed, the refused provisioning requests and the time of the last one. */
    public LicenseUsage usage(long enterpriseId) {
        return guard.usage(enterpriseId);
    }

    /**
     * Refusals of the enterprise counted per hour or day ({@code unit}: HOUR or DAY) since {@code from}: pairs of
     * (bucket index from {@code from}, count).
     */
    public java.util.List<long[]> refusalsPer(long enterpriseId, String unit, java.time.Instant from) {
        return licenses.refusalsPer(enterpriseId, unit, from);
    }

    private static void requireValid(int limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw ScimException.invalidValue("The license limit must be between 0 and 10,000,000.");
        }
    }
}
