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
     * Sets the license limit: only Rollcall itself does today (the demo enterprise's ROLLCALL_BOOTSTRAP_LICENSES at
     * start-up); the enterprise's admin API and console show it read-only. Lowering it below the seats in use
     * is allowed: nobody is deactivated, but no seat can be taken until usage falls below the new limit.
     */
    public void changeLimit(Actor actor, int limit) {
        if (actor.type() != Actor.ActorType.SYSTEM) {
            throw ScimException.forbidden("The license limit is set by the operator of Rollcall, not by the enterprise.");
        }
        requireValid(limit);
        LicenseCounter counter = licenses.counter(actor.enterpriseId())
                .orElseThrow(() -> ScimException.notFound("Enterprise " + actor.enterpriseId() + " has no licenses."));
        if (counter.licenseLimit() != limit) {
            int before = counter.licenseLimit();
            counter.changeLimit(limit);
            audit.record(actor, "LICENSE_LIMIT_CHANGED", "Enterprise", Long.toString(actor.enterpriseId()), null,
                    ScimJson.object().add("licenseLimit", before).build(), ScimJson.object().add("licenseLimit", limit).build());
        }
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
