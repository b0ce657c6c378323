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
     * the index/constraint in its message too.
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
                return Optional.of(message.substring(at, end));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
