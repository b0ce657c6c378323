package com.rollcall.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The invitation email's words (sending needs a configured mail session, which no test has). */
class InvitationMailTest {
    @Test
    void plainTextSaysWhoInvitesToWhatTheLinkAndUntilWhen() {
        assertEquals("""
                Hello Kim Lee,

                Ann Admin invited you to the Rollcall console of Acme as an Integrations Manager.

                Open this link to choose your password and sign in. It works once, until 2026-03-04 09:30 UTC:

                https://rollcall.example.com/invitation.xhtml?token=rc_abc

                If you did not expect this invitation, ignore this email: nothing happens until the link is used.
                """, InvitationMail.text("Kim Lee", "Ann Admin", "Acme", ConsoleRole.INTEGRATIONS_MANAGER,
                "https://rollcall.example.com/invitation.xhtml?token=rc_abc", Instant.parse("2026-03-04T09:30:00Z")));
        assertEquals("Your invitation to the Rollcall console of Acme", InvitationMail.subject("Acme"));
    }
}
