package com.rollcall.console;

import com.rollcall.scim.message.ScimException;
import jakarta.ejb.ConcurrentAccessException;
import jakarta.persistence.OptimisticLockException;
import java.util.Optional;

/**
 * Why a use case did not happen, as the console says it: a service's refusal in the service's own words (license
 * limit, locked user, duplicate name, role in use...), or, for an edit made on what someone else has changed
 * since, the console's "reload" text. A stale edit concerns the whole form; any other refusal can be shown on the
 * field it concerns. The only console class that reads the services' exception: the rest of the console sees
 * refusals as messages, never as SCIM errors.
 *
 * @param text  what the person reads
 * @param stale true for an edit based on a stale read
 * @param clash true when a value is already someone else's (a taken user name or role name): it belongs on the
 *              field of that value
 */
public record Refusal(String text, boolean stale, boolean clash) {
    static final String STALE = "Someone else changed this in the meantime. Reload the page to see their change, then "
            + "try again.";

    /**
     * The refusal a failure carries (it may be wrapped), or empty when it is no refusal but a fault: a bug or an
     * outage, which the caller logs.
     */
    public static Optional<Refusal> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ScimException refusal) {
                return Optional.of(staleEdit(refusal) ? staleEdit() : new Refusal(refusal.detail(), false,
                        refusal.type() == com.rollcall.scim.message.ScimErrorType.UNIQUENESS));
            }
            if (t instanceof OptimisticLockException || t instanceof ConcurrentAccessException) {
                return Optional.of(staleEdit());
            }
        }
        return Optional.empty();
    }

    /** Whether the text belongs on one field; a stale edit concerns the whole form. */
    public boolean onField() {
        return !stale;
    }

    private static Refusal staleEdit() {
        return new Refusal(STALE, true, false);
    }

    /**
     * The versioned use cases (a rename, a role edit, a user edit with the version the page read) refuse a stale
     * edit as a failed precondition; the services' words for it are API text ("its version is W/\"3\""), so the
     * console says it its own way. The one place the console reads more of a refusal than its detail.
     */
    private static boolean staleEdit(ScimException refusal) {
        return refusal.status() == 412;
    }
}
