package com.rollcall.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Locale;
import java.util.Optional;

/** Reads which unique key a failed write violated, from the JDBC exception under a JPA one. */
public final class Constraints {
    private Constraints() {
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
     * wait (SQLState 40001 / 40XXX, MySQL errors 1213 and 1205): the request may simply be retried.
     */
    public static boolean isTransientLockFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && state.startsWith("40")) || sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205) {
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
