package com.rollcall.console;

import com.rollcall.platform.persistence.DatabaseOutage;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Messages on console pages, and the one place where a failed use case becomes a readable message
 * ({@link #attempt}): a service's {@link Refusal} shows its own text, on the field it concerns when the page
 * names one; a stale edit says to reload; anything unexpected is logged once and shown with a reference — never
 * a stack trace.
 */
public final class Feedback {
    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

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

    /** A field-level warning that does not fail the form (the field keeps its value; the page asks to confirm). */
    public static void fieldWarning(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_WARN, text);
    }

    /** Keeps this request's messages for the page a redirect leads to. */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** Runs a use case; on failure adds the readable message (globally) and returns false. */
    public static boolean attempt(Runnable useCase) {
        return attempt(null, useCase);
    }

    /** Runs a use case and returns its result; on failure adds the readable message (globally) and returns null. */
    public static <T> T attempt(Supplier<T> useCase) {
        return attempt(null, useCase);
    }

    /** Like {@link #attempt(String, Supplier)} for a use case without a result; true when it succeeded. */
    public static boolean attempt(String clientId, Runnable useCase) {
        return attempt(clientId, () -> {
            useCase.run();
            return Boolean.TRUE;
        }) != null;
    }

    /**
     * Runs a use case and returns its result, or null when it failed: a refusal is shown on the field
     * {@code clientId} (globally when null, or when it is a stale edit, which concerns the whole form), anything
     * else is logged once and shown globally with a reference.
     */
    public static <T> T attempt(String clientId, Supplier<T> useCase) {
        return attempt(clientId, useCase, Refusal::onField);
    }

    /**
     * Runs the use case; on a refusal, shows it on the field {@code clientId} when {@code onField} says so (and a
     * field is named), else globally; on a database outage, says to try again (logged once a minute, without a stack
     * trace, with the console's other outages); anything else is logged once and shown with a reference.
     */
    private static <T> T attempt(String clientId, Supplier<T> useCase, java.util.function.Predicate<Refusal> onField) {
        try {
            return useCase.get();
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e).orElse(null);
            if (refusal == null) {
                DatabaseOutage.Kind outage = DatabaseOutage.of(e);
                if (outage != null) {
                    ConsoleOutageFilter.logged(outage, e);
                }
                error(outage != null ? UNREACHABLE : fault(e));
            } else if (clientId != null && onField.test(refusal)) {
                fieldError(clientId, refusal.text());
                markInvalid(clientId);
            } else {
                error(refusal.text());
            }
            return null;
        }
    }

    static final String UNREACHABLE = "Rollcall cannot reach its database just now, so nothing was changed. Try again "
            + "in a few seconds.";

    /** Logs an unexpected failure once; what the person reads is only a reference to the log. */
    private static String fault(Throwable failure) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "console action failed (reference " + reference + ")", failure);
        return "Rollcall could not complete this step; nothing was changed. Try again; if it keeps failing, give your "
                + "operator the reference " + reference + ".";
    }

    /**
     * Like {@link #attempt(String, Supplier)}, but only a clash (a value already someone else's) goes on the field
     * {@code clientId}; every other refusal (a license limit, a locked user) concerns the page and is shown globally.
     */
    public static <T> T attemptClashOnField(String clientId, Supplier<T> useCase) {
        return attempt(clientId, useCase, Refusal::clash);
    }

    /** Flags the input itself invalid too, so the field is styled as the error (class "error", aria-invalid). */
    private static void markInvalid(String clientId) {
        UIComponent component = FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId);
        if (component instanceof UIInput input) {
            input.setValid(false);
        }
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
