package com.rollcall.roles;

import java.util.Map;
import java.util.Objects;

/**
 * A user's effective roles: at the enterprise level and in every sub-account asked about.
 *
 * @param enterpriseLevel the resolution among enterprise-level mappings only
 * @param bySubAccount    one resolution per sub-account id (unmodifiable, in the order asked)
 */
public record EffectiveRoles(Resolution enterpriseLevel, Map<Long, Resolution> bySubAccount) {
    public EffectiveRoles {
        Objects.requireNonNull(enterpriseLevel, "enterpriseLevel");
        Objects.requireNonNull(bySubAccount, "bySubAccount");
    }

    /** The resolution in one sub-account; throws if it was not asked about. */
    public Resolution in(long subAccountId) {
        Resolution r = bySubAccount.get(subAccountId);
        if (r == null) {
            throw new IllegalArgumentException("sub-account " + subAccountId + " was not resolved");
        }
        return r;
    }
}
