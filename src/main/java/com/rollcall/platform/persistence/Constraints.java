package com.rollcall.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads which unique key a failed write violated, from the JDBC exception under a JPA one, and tells a
 * real clash of a client's values (a taken userName: 409 uniqueness) from a server fault (a generated id or
 * an audit row colliding: never the client's doing, never a 409).
 */
public final class Constraints {
    /**
     * The unique keys that guard values clients send or choose (userName, externalId (of a user or a live group),
     * names of sub-accounts, roles, enterprises and live API clients, a mapping, a console login, an enterprise's one open license
     * request). Every other unique or primary key holds
     * values Rollcall generates (ids, SCIM ids, token hashes).
     */
    static final Set<String> CLIENT_VALUE_KEYS = Set.of("uq_user_name", "uq_user_external_id", "uq_group_external_id",
            "uq_sub_account_name", "uq_role_name", "uq_group_mapping", "uq_console_user_login", "uq_enterprise_name",
            "uq_license_request_open", "uq_api_client_name");

    private Constraints() {
    }

    /** Whether the failure is a violation of exactly this unique key (e.g. {@code uq_sub_account_name}). */
    public static boolean violated(Throwable failure, String key) {
        return violatedUniqueKey(failure).filter(key::equals).isPresent();
    }

    /** The violated key when it guards a client's value ({@link #CLIENT_VALUE_KEYS}); empty otherwise. */
    public static Optional<String> violatedClientValueKey(Throwable failure) {
        return violatedUniqueKey(failure).filter(CLIENT_VALUE_KEYS::contains);
    }

    /**
     * Whether the failure is an integrity violation on a value the client did not send: a primary key, a
     * generated id, an unnamed constraint. A server fault: nothing was written (the transaction rolled back),
     * and the request may be retried.
     */
    public static boolean isServerIntegrityFault(Throwable failure) {
        return violatedUniqueKey(failure).isPresent() && violatedClientValueKey(failure).isEmpty();
    }

    /**
     * The lower-cased name of the violated unique constraint, when the throwable is (or wraps) an
     * integrity violation: MySQL/MariaDB say "Duplicate entry '...' for key 'uq_user_name'", H2 names
     * the index/constraint in its message too (with an "_INDEX_x" suffix, removed here).
     */
    public static Optional<String> violatedUniqueKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || (t instanceof SQLException sql && "23505".equals(sql.getSQLState()))
                    || (t instanceof SQLException sql2 && "23000".equals(sql2.getSQLState()))) {
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                int at = message.indexOf("uq_");
                if (at < 0) {
                    return Optional.of("");
                }
                int end = at;
                while (end < message.length() && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_')) {
                    end++;
                }
                return Optional.of(message.substring(at, end).replaceFirst("_index_[a-z0-9]+$", ""));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the failure is the database aborting this transaction to resolve a deadlock or a lock
     * wait (SQLState 40001 / 40XXX, MySQL errors 1213 and 1205, H2's lock timeout HYT00 / 50200): the request
     * may simply be retried.
     */
    public static boolean isTransientLockFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && (state.startsWith("40") || state.equals("HYT00"))) || sql.getErrorCode() == 1213
                        || sql.getErrorCode() == 1205) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
