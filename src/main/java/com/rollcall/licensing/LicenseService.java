package com.rollcall.licensing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** License use cases for boundaries (the console): usage and refusals, read in one transaction. */
@Stateless
public class LicenseService {
    @Inject
    private LicenseGuard guard;

    /** Seats used and allowed, the refused provisioning requests and the time of the last one. */
    public LicenseUsage usage(long enterpriseId) {
        return guard.usage(enterpriseId);
    }
}
