package com.rollcall.people;

import java.time.Instant;

/**
 * An invitation just made: the only moment its token exists in clear. The link is
 * {@code <base URL>invitation.xhtml?token=<token>}; only the token's SHA-256 is stored.
 */
public record IssuedInvitation(ConsoleUserView user, String token, Instant expiresAt) {
    public static final String PAGE = "invitation.xhtml";

    /** The link to send, under the server's base URL (ends with a slash). */
    public String link(String baseUrl) {
        return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + PAGE + "?token=" + token;
    }
}
