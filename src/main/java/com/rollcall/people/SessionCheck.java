package com.rollcall.people;

/** Whether a console session may go on, and why not when it may not (the login page's message key). */
public enum SessionCheck {
    /** Signed in as before. */
    VALID,
    /** The login was removed or disabled (by an admin, or because the identity provider deactivated its user). */
    DISABLED,
    /** The login's role changed: signing in again gives the pages of the new role. */
    ROLE_CHANGED,
    /** The enterprise was suspended by the operator. */
    SUSPENDED
}
