package com.rollcall.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends an invitation link by email when the server has a Jakarta Mail session named {@value #JNDI_NAME} (for
 * instance {@code asadmin create-javamail-resource ... mail/rollcall}); without one nothing is sent and the person
 * who invited copies the link from the page. No mail server is needed. Sending happens after the invitation is
 * committed and never undoes it: a failure is logged and reported, and the link on the page still works.
 */
@ApplicationScoped
public class InvitationMail {
    public static final String JNDI_NAME = "mail/rollcall";
    private static final Logger LOG = Logger.getLogger(InvitationMail.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What became of the email. */
    public enum Delivery {
        /** Handed to the mail server. */
        SENT,
        /** No mail session is configured: nothing was sent. */
        NOT_CONFIGURED,
        /** The mail server refused or could not be reached (logged). */
        FAILED
    }

    /**
     * Emails the link of an invitation just issued to the invited person. {@code enterpriseName} and
     * {@code invitedBy} only go into the text.
     */
    public Delivery send(IssuedInvitation invitation, String link, String enterpriseName, String invitedBy) {
        Session session = session();
        if (session == null) {
            return Delivery.NOT_CONFIGURED;
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(invitation.user().login(), true));
            message.setSubject(subject(enterpriseName), "UTF-8");
            message.setText(text(invitation.user().displayName(), invitedBy, enterpriseName, invitation.user().role(),
                    link, invitation.expiresAt()), "UTF-8");
            Transport.send(message);
            return Delivery.SENT;
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send the invitation email to " + invitation.user().login(), e);
            return Delivery.FAILED;
        }
    }

    static String subject(String enterpriseName) {
        return "Your invitation to the Rollcall console of " + enterpriseName;
    }

    /** The plain-text message: who invites whom, to what, the link and until when it works. */
    static String text(String displayName, String invitedBy, String enterpriseName, ConsoleRole role, String link,
            Instant expiresAt) {
        return "Hello " + displayName + ",\n\n"
                + invitedBy + " invited you to the Rollcall console of " + enterpriseName + " as "
                + (role == ConsoleRole.ENTERPRISE_ADMIN ? "an Enterprise Admin" : "an Integrations Manager") + ".\n\n"
                + "Open this link to choose your password and sign in. It works once, until "
                + TIME.format(expiresAt) + " UTC:\n\n"
                + link + "\n\n"
                + "If you did not expect this invitation, ignore this email: nothing happens until the link is used.\n";
    }

    /** The configured mail session, or null when there is none (looked up on each use: it may be added later). */
    private static Session session() {
        for (String name : new String[] {JNDI_NAME, "java:comp/env/" + JNDI_NAME}) {
            try {
                Object found = new InitialContext().lookup(name);
                if (found instanceof Session session) {
                    return session;
                }
            } catch (NamingException | RuntimeException notThere) {
                // not configured under this name
            }
        }
        return null;
    }
}
