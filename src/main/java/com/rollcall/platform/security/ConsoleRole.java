package com.rollcall.platform.security;

/** What a console login may see (PRODUCT.md, users 2 and 3). Names double as servlet security roles. */
public enum ConsoleRole {
    /** Everything of their enterprise. */
    ENTERPRISE_ADMIN,
    /** API clients and the provisioning status. */
    INTEGRATIONS_MANAGER
}
