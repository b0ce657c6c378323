package com.rollcall.people;

/** Where a console login stands. */
public enum ConsoleUserStatus {
    /** Invited; no password until the invitation is accepted. */
    INVITED,
    /** Can sign in. */
    ACTIVE,
    /** Disabled by an admin, or because the identity provider deactivated the user with the same email. */
    DISABLED,
    /** Refusing sign-in for a while after repeated wrong passwords ({@link LoginThrottle}). */
    LOCKED
}
