package com.rollcall.users;

/** Where a user came from (PRODUCT.md): created in the console, or provisioned by an IdP. */
public enum UserSource { MANUAL, SCIM }
