package com.rollcall.people;

import jakarta.enterprise.context.RequestScoped;

/**
 * Why the sign-in of this request was refused, when the page may say more than "login failed": the password was
 * right but the enterprise is suspended; the address made too many attempts; too many checks were running. Set by
 * the identity store, read by the login page, in one request.
 */
@RequestScoped
public class LoginOutcome {
    private boolean enterpriseSuspended;
    private long waitSeconds;
    private boolean busy;

    void enterpriseSuspended() {
        this.enterpriseSuspended = true;
    }

    void throttled(long seconds) {
        this.waitSeconds = seconds;
    }

    void busy() {
        this.busy = true;
    }

    public boolean isEnterpriseSuspended() {
        return enterpriseSuspended;
    }

    /** Seconds this address must wait before its next attempt (0: it was not throttled). */
    public long getWaitSeconds() {
        return waitSeconds;
    }

    /** Whether the attempt was turned away because too many password checks were running. */
    public boolean isBusy() {
        return busy;
    }

    /** What the sign-in page says about a refused attempt. */
    public String message() {
        if (enterpriseSuspended) {
            return "Your enterprise's access to Rollcall is suspended. Contact your Rollcall account manager.";
        }
        if (waitSeconds > 0) {
            return "Too many sign-in attempts from your address. Wait "
                    + com.rollcall.platform.text.Plural.count(waitSeconds, "second") + " and try again.";
        }
        if (busy) {
            return "The server is busy checking other sign-ins. Try again in a moment.";
        }
        return "Login failed. Check the login and password and try again.";
    }
}
