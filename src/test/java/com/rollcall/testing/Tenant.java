package com.rollcall.testing;

/** An enterprise made for one test class, with an API token (scim+admin) and a console admin. */
public record Tenant(long enterpriseId, String name, String token, long apiClientId, String adminLogin,
        String adminPassword) {
}
