package com.rollcall.enterprise;

/** PRODUCT.md rule 1: who is the source of truth for users. */
public enum ProvisioningMode {
    /** Default: admins manage users in the console. */
    MANAGED_IN_PLATFORM,
    /** The IdP manages users; SCIM-sourced users are read-only in the console. */
    MANAGED_IN_CONNECTED_SYSTEM
}
