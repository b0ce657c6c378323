package com.rollcall.users;

import com.rollcall.audit.AuditTrail;
import com.rollcall.licensing.LicenseGuard;
import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.security.Actor;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;

/**
 * Users left without a license: a background remap that ran short of licenses (a race with other changes; a change
 * that needed more than were free is refused up front) leaves the users it could not seat active but seatless. The
 * dashboard shows them, and an admin gives them the licenses free now.
 */
@Stateless
public class UserSeatService {
    @Inject
    private UserRepository users;

    @Inject
    private LicenseGuard seats;

    @Inject
    private AuditTrail audit;

    /** How many active users need a license and hold none. */
    public long unlicensedCount(long enterpriseId) {
        return users.unlicensedCount(enterpriseId);
    }

    /**
     * Gives the seatless users the licenses free now, oldest users first (under the counter lock: seats never go past
     * the limit); answers how many got one. Admins only.
     */
    public int assignFreeLicenses(Actor actor) {
        if (!actor.holdsAll(EnumSet.of(ApiScope.ADMIN))) {
            throw ScimException.forbidden("Only an Enterprise Admin assigns licenses.");
        }
        long enterpriseId = actor.enterpriseId();
        List<Long> waiting = users.unlicensed(enterpriseId, NativeSql.CHUNK);
        if (waiting.isEmpty()) {
            return 0;
        }
        users.lock(enterpriseId, waiting);
        int taken = seats.adjustSeats(enterpriseId, 0, waiting.size(), actor.requestId(), false);
        users.setHoldsSeat(enterpriseId, waiting.subList(0, taken), true);
        if (taken > 0) {
            audit.record(actor, "LICENSES_ASSIGNED", "Enterprise", Long.toString(enterpriseId), null, null,
                    ScimJson.object().add("usersGivenALicense", taken).add("stillWithout", users.unlicensedCount(enterpriseId))
                            .build());
        }
        return taken;
    }
}
