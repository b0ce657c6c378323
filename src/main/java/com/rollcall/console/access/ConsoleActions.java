package com.rollcall.console.access;

import com.rollcall.audit.Actor;
import com.rollcall.console.ConsoleSession;
import com.rollcall.platform.security.ConsoleRole;
import com.rollcall.platform.security.ConsoleUserView;
import com.rollcall.scim.message.ScimException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the groups, roles and access pages share: the signed-in admin as the {@link Actor} of a use case,
 * the admin-only guard, and running a use case so that its refusal (a {@link ScimException}: duplicate
 * name, role in use, stale edit...) becomes a readable message on the page — on a field when one is
 * named — and anything unexpected a generic message with a reference, never a stack trace.
 */
@RequestScoped
public class ConsoleActions {
    private static final Logger LOG = Logger.getLogger(ConsoleActions.class.getName());

    @Inject
    private ConsoleSession session;

    @Inject
    private FacesContext faces;

    public long enterpriseId() {
        return session.enterpriseId();
    }

    /** The signed-in console user acting now, with the caller's address and a fresh request id. */
    public Actor actor() {
        ConsoleUserView user = session.getUser();
        if (user == null) {
            throw new IllegalStateException("no console user signed in");
        }
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        return new Actor(user.enterpriseId(), Actor.ActorType.CONSOLE_USER, Long.toString(user.id()), user.displayName(),
                request.getRemoteAddr(), UUID.randomUUID().toString());
    }

    /**
     * For a {@code f:viewAction}: true when the signed-in user is an Enterprise Admin; otherwise answers
     * 403 (the styled error page) and returns false.
     */
    public boolean requireAdmin() {
        ConsoleUserView user = session.getUser();
        if (user != null && user.role() == ConsoleRole.ENTERPRISE_ADMIN) {
            return true;
        }
        ExternalContext external = faces.getExternalContext();
        try {
            external.responseSendError(403, "Only Enterprise Admins can open this page.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return false;
    }

    /** Runs a use case; on a refusal shows its message (on {@code clientId}, or globally when null) and returns null. */
    public <T> T attempt(String clientId, Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (ScimException e) {
            error(clientId, e.detail());
        } catch (RuntimeException e) {
            ScimException refusal = refusal(e);
            if (refusal != null) {
                error(clientId, refusal.detail());
            } else {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.log(Level.SEVERE, "Console action failed (reference " + reference + ")", e);
                error(null, "Something went wrong on our side and nothing was changed. Try again; if it keeps "
                        + "happening, give your administrator the reference " + reference + ".");
            }
        }
        return null;
    }

    /** Like {@link #attempt(String, Supplier)} for a use case without a result; true when it succeeded. */
    public boolean attempt(String clientId, Runnable useCase) {
        return attempt(clientId, () -> {
            useCase.run();
            return Boolean.TRUE;
        }) != null;
    }

    public void error(String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    public void info(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** Keeps global messages across a redirect (post/redirect/get). */
    public void keepMessages() {
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    private static ScimException refusal(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ScimException s) {
                return s;
            }
        }
        return null;
    }
}
