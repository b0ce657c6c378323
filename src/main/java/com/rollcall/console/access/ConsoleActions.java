package com.rollcall.console.access;

import com.rollcall.platform.security.Actor;
import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.scim.message.ScimException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * What the groups, roles and access pages share on top of {@link Feedback}: the signed-in admin as the
 * {@link Actor}, and running a use case so that its refusal (duplicate name, role in use, stale edit...) is
 * shown on the field it concerns. (Admin-only access to these pages is the security constraint on /console/*.)
 */
@RequestScoped
public class ConsoleActions {
    @Inject
    private ConsoleSession session;

    public long enterpriseId() {
        return session.enterpriseId();
    }

    public Actor actor() {
        return session.actor();
    }

    /**
     * Runs a use case; a service's refusal is shown on {@code clientId} (globally when null, or when it is a
     * stale edit, which concerns the whole form), anything else as Feedback's logged, referenced message.
     * Returns null on failure.
     */
    public <T> T attempt(String clientId, Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (RuntimeException e) {
            ScimException refusal = refusal(e);
            if (refusal != null && clientId != null && refusal.status() != 412) {
                Feedback.fieldError(clientId, refusal.detail());
                markInvalid(clientId);
                return null;
            }
            return Feedback.attempt(() -> {
                throw e;
            });
        }
    }

    /** Like {@link #attempt(String, Supplier)} for a use case without a result; true when it succeeded. */
    public boolean attempt(String clientId, Runnable useCase) {
        return attempt(clientId, () -> {
            useCase.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Flags the input itself invalid too, so the field is styled as the error (class "error", aria-invalid). */
    private static void markInvalid(String clientId) {
        UIComponent component = FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId);
        if (component instanceof UIInput input) {
            input.setValid(false);
        }
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
