package com.rollcall.enterprise;

/** A read-only snapshot of an enterprise for boundaries and other features. */
public record EnterpriseView(long id, String name, ProvisioningMode provisioningMode, IdentifierRule identifierRule) {
    static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.id(), e.name(), e.provisioningMode(), e.identifierRule());
    }
}
