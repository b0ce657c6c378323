package com.rollcall.platform.persistence;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means the database could not be reached or did not answer in time (rather than refusing what was
 * asked): a connection the pool could not make or lend within its wait, a connection broken mid-request, a
 * statement past its timeout. Such a request changed nothing and may be retried once the database is back: 503
 * with {@code Retry-After}, never a 500 (see {@code platform.rest.Failures}). Lock timeouts and deadlocks are
 * {@link Constraints#isTransientLockFailure} and are checked before this.
 */
public final class DatabaseOutage {
    /** The failure's kind, for a rate-limited log line: what kinds of outage there were, not every instance. */
    public enum Kind { UNREACHABLE, TIMEOUT }

    private DatabaseOutage() {
    }

    /** The kind of outage this failure shows, or null if it is not one. */
    public static Kind of(Throwable failure) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        return scan(failure, seen, 0);
    }

    private static Kind scan(Throwable failure, Set<Throwable> seen, int depth) {
        for (Throwable t = failure; t != null && depth < 64 && seen.add(t); t = t.getCause(), depth++) {
            Kind kind = kindOf(t);
            if (kind != null) {
                return kind;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                Kind next = scan(sql.getNextException(), seen, depth + 1);
                if (next != null) {
                    return next;
                }
            }
        }
        return null;
    }

    private static Kind kindOf(Throwable t) {
        if (t instanceof SQLTimeoutException || t instanceof SocketTimeoutException) {
            return Kind.TIMEOUT;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException) {
            return Kind.UNREACHABLE;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return Kind.UNREACHABLE;
        }
        String name = t.getClass().getName();
        // Connector/J's broken link, and the Payara pool's "could not allocate a connection" (connector runtime
        // classes, not on Rollcall's compile path)
        if (name.endsWith("CommunicationsException") || name.endsWith("PoolingException")) {
            return Kind.UNREACHABLE;
        }
        String message = t.getMessage();
        if (message != null && message.contains("Error in allocating a connection")) {
            return Kind.UNREACHABLE;
        }
        return null;
    }
}
