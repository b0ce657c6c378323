package com.rollcall.people;

import jakarta.enterprise.context.RequestScoped;

/**
 * Why the sign-in of this request was refused, when the page may say more than "login failed": the password was
 * right but the enterprise is suspended. Set by the identity store, read by the login page, in one request.
 */
@RequestScoped
public class LoginOutcome {
    private boolean enterpriseSuspended;

    void enterpriseSuspended() {
        this.enterpriseSuspended = true;
    }

    public boolean isEnterpriseSuspended() {
        return enterpriseSuspended;
    }
}
