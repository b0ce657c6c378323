package com.rollcall.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The clause that turns a SELECT into a shared locking read. A locking read sees the latest committed
 * rows (not the transaction's snapshot) and keeps them from changing until commit. MySQL and MariaDB
 * both take {@code LOCK IN SHARE MODE}; the embedded H2 of {@code scripts/run.sh} has no shared mode,
 * so it gets {@code FOR UPDATE}, which is stricter and equally correct.
 */
@ApplicationScoped
public class LockingReads {
    @Resource(lookup = "jdbc/rollcall")
    private DataSource dataSource;

    private volatile String shared;

    /** Appended to a SELECT: a shared lock on the rows read. */
    public String shared() {
        String clause = shared;
        if (clause == null) {
            try (Connection connection = dataSource.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                clause = product.contains("mysql") || product.contains("mariadb") ? " LOCK IN SHARE MODE" : " FOR UPDATE";
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the database product", e);
            }
            shared = clause;
        }
        return clause;
    }
}
