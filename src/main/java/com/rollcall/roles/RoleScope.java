package com.rollcall.roles;

/** Whether a role is an enterprise role or a sub-account role. */
public enum RoleScope {
    ENTERPRISE,
    SUB_ACCOUNT
}
