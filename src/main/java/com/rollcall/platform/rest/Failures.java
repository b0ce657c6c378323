package com.rollcall.platform.rest;

import com.rollcall.platform.health.FailureLog;
import com.rollcall.platform.persistence.Constraints;
import com.rollcall.platform.persistence.DatabaseOutage;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one classification of every failure that reaches an API boundary, for the SCIM and the admin API
 * alike: each API's mappers only write the result in their own body ({@link ErrorResponses},
 * {@link AdminErrors}). A deliberate {@link ScimException} (wrapped or not) is itself; the JAX-RS runtime's
 * refusals get our words; a lost race on a client's value is {@code 409 uniqueness}, the only 409 a race can
 * give (to an IdP a 409 means "that value is taken", and Entra then never creates the user). What is merely
 * bad timing, and gone on a retry, is {@code 503} with {@code Retry-After}: a concurrent change of the same
 * row, a deadlock or lock wait the database broke off, an integrity violation on a value the client did not
 * send (a generated id, an audit row). Nothing was written in any of these. A database that cannot be reached or
 * does not answer in time ({@link DatabaseOutage}) is 503 with {@code Retry-After: 5}, logged at most once a minute
 * per kind. Anything else is a 500 naming only the request id. Server faults are logged here, once, with their cause
 * (the EJB container's own report of the same exception is turned off in server-config/).
 */
public final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class.getName());
    /** One line a minute per kind of database outage, however many requests fail. */
    private static final FailureLog OUTAGES = new FailureLog(LOG, 60);
    /** Seconds a client is asked to wait while the database is unreachable. */
    static final String OUTAGE_RETRY_AFTER = "5";

    /** The wording that differs between the two APIs. */
    public enum Api {
        SCIM("There is no SCIM resource at this path.", "Responses are only available as application/scim+json.",
                "Send the request body as application/scim+json or application/json."),
        ADMIN("There is no admin API resource at this path.",
                "Responses are only available as application/json (or text/csv for exports).",
                "Send the request body as application/json.");

        private final String noRoute;
        private final String notAcceptable;
        private final String unsupportedMediaType;

        Api(String noRoute, String notAcceptable, String unsupportedMediaType) {
            this.noRoute = noRoute;
            this.notAcceptable = notAcceptable;
            this.unsupportedMediaType = unsupportedMediaType;
        }
    }

    private Failures() {
    }

    /** What the client is told about this failure. */
    public static ScimException classify(Throwable failure, Api api, String requestId) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ScimException scim) {
                return scim;
            }
            if (t instanceof WebApplicationException web) {
                return fromRuntime(web, api);
            }
            if (t instanceof OptimisticLockException) {
                return retry("The resource was modified by another request at the same time; nothing was changed. "
                        + "Retry.");
            }
        }
        if (Constraints.isTransientLockFailure(failure)) {
            return retry("Another request was changing the same data at the same time; nothing was changed. Retry.");
        }
        String reference = requestId == null ? "" : " (request id " + requestId + ")";
        DatabaseOutage.Kind outage = DatabaseOutage.of(failure);
        if (outage != null) {
            OUTAGES.log(Level.WARNING, "database-" + outage, outage == DatabaseOutage.Kind.TIMEOUT
                    ? "The database did not answer in time; such requests get 503 (first: request " + requestId + ")"
                    : "The database cannot be reached; requests that need it get 503 (first: request " + requestId + ")",
                    failure);
            return new ScimException(503, ScimErrorType.NONE, "The service cannot reach its database right now; nothing "
                    + "was changed. Retry" + reference + ".", Map.of("Retry-After", OUTAGE_RETRY_AFTER));
        }
        if (Constraints.violatedClientValueKey(failure).isPresent()) {
            return ScimException.uniqueness("A value of this resource is already used by another resource of this "
                    + "enterprise.");
        }
        if (Constraints.isServerIntegrityFault(failure)) {
            LOG.log(Level.SEVERE, "Integrity fault on a generated value in request " + requestId
                    + "; nothing was written", failure);
            return retry("The server could not store the change this time; nothing was changed. Retry" + reference + ".");
        }
        LOG.log(Level.SEVERE, "Unexpected failure of request " + requestId, failure);
        return new ScimException(500, ScimErrorType.NONE, "The server could not process the request" + reference + ".");
    }

    /** 503 with Retry-After: try the same request again in a second. */
    private static ScimException retry(String detail) {
        return new ScimException(503, ScimErrorType.NONE, detail, Map.of("Retry-After", "1"));
    }

    /** The JAX-RS runtime's own refusals (no route, wrong method or media type, unreadable parameter). */
    public static ScimException fromRuntime(WebApplicationException e, Api api) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String detail = switch (status) {
            case 400 -> "The request could not be understood.";
            case 404 -> api.noRoute;
            case 405 -> "This HTTP method is not supported on this path.";
            case 406 -> api.notAcceptable;
            case 413 -> "The request body is too large.";
            case 415 -> api.unsupportedMediaType;
            default -> status >= 500 ? "The server could not process the request." : "The request could not be processed.";
        };
        String allow = status == 405 && e.getResponse() != null ? e.getResponse().getHeaderString("Allow") : null;
        return new ScimException(status, status == 400 ? ScimErrorType.INVALID_SYNTAX : ScimErrorType.NONE, detail,
                allow == null ? Map.of() : Map.of("Allow", allow));
    }
}
