package com.rollcall.console;

import com.rollcall.scim.message.ScimException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Messages on console pages, and the one place where a failed use case becomes a readable message: a
 * service's refusal (license limit, locked user, role in use, conflict) shows its own text, a stale edit
 * says to reload, anything unexpected is logged once and shown with a reference — never a stack trace.
 */
public final class Feedback {
    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    static final String STALE = "Someone else changed this in the meantime. Reload the page to see their change, then "
            + "try again.";

    private Feedback() {
    }

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    public static void warn(String text) {
        add(null, FacesMessage.SEVERITY_WARN, text);
    }

    public static void error(String text) {
        add(null, FacesMessage.SEVERITY_ERROR, text);
    }

    /** A field-level error: shown by the field's {@code h:message} (clientId like {@code form:field}). */
    public static void fieldError(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Keeps this request's messages for the page a redirect leads to. */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** Runs a use case; on failure adds the readable message and returns false. */
    public static boolean attempt(Runnable useCase) {
        return attempt(() -> {
            useCase.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Runs a use case and returns its result; on failure adds the readable message and returns null. */
    public static <T> T attempt(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (RuntimeException e) {
            error(describe(e));
            return null;
        }
    }

    /** What a person should read for a failure. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ScimException scim && scim.status() == 412) {
                return STALE;
            }
            if (t instanceof ScimException scim) {
                return scim.detail();
            }
            if (t instanceof OptimisticLockException || t instanceof jakarta.ejb.ConcurrentAccessException) {
                return STALE;
            }
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "console action failed (reference " + reference + ")", failure);
        return "Rollcall could not complete this step; nothing was changed. Try again; if it keeps failing, give your "
                + "operator the reference " + reference + ".";
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
