package com.rollcall.enterprise;

import java.time.Instant;

/** A read-only snapshot of an enterprise for boundaries and other features. */
public record EnterpriseView(long id, String name, ProvisioningMode provisioningMode, IdentifierRule identifierRule,
        Instant createdAt, Instant suspendedAt, String suspendedReason) implements java.io.Serializable {
    static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.id(), e.name(), e.provisioningMode(), e.identifierRule(), e.createdAt(),
                e.suspendedAt(), e.suspendedReason());
    }

    public boolean suspended() {
        return suspendedAt != null;
    }
}
