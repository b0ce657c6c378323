package com.rollcall.people;

import java.time.Instant;

/**
 * What an invitation link is worth, said without revealing anything the link does not already carry: a valid
 * link names the login it invites; a used, expired or unknown one says only that.
 */
public record InvitationCheck(State state, String login, String displayName, ConsoleRole role, Instant expiresAt) implements java.io.Serializable {
    public enum State { VALID, USED, EXPIRED, UNKNOWN }

    static InvitationCheck of(State state) {
        return new InvitationCheck(state, null, null, null, null);
    }

    public boolean valid() {
        return state == State.VALID;
    }

    /** The page's words for a link that cannot be used. */
    public String problem() {
        return switch (state) {
            case VALID -> null;
            case USED -> "This invitation was already used. Sign in with the password chosen then, or ask an Enterprise "
                    + "Admin of your enterprise for a new invitation.";
            case EXPIRED -> "This invitation has expired (links work for 72 hours). Ask an Enterprise Admin of your "
                    + "enterprise to send it again.";
            case UNKNOWN -> "This invitation link is not valid. Check that it was copied whole, or ask for a new one.";
        };
    }
}
