package com.rollcall.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain JDBC on the current transaction's own connection (EclipseLink's, through
 * {@code EntityManager.unwrap(Connection.class)}), for statements with many bound parameters: multi-row
 * inserts and long IN lists. EclipseLink binds the positional parameters of a native query into a record
 * that looks each one up by name, so binding n parameters costs O(n²): 2,000 of them (500 membership rows)
 * took most of a 1,000-member group PATCH. Here binding is linear. Same connection, so the same
 * transaction, locks and snapshot as every other statement of the use case.
 */
public final class NativeSql {
    /** Ids or rows per statement: long IN lists and multi-row inserts are cut into chunks of this size. */
    public static final int CHUNK = 500;

    private NativeSql() {
    }

    /** Runs an INSERT/UPDATE/DELETE; returns the rows changed. */
    public static int update(EntityManager em, String sql, List<?> parameters) {
        try (PreparedStatement statement = prepare(em, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** Runs an INSERT of one row into a table with an AUTO_INCREMENT key; returns the key it generated. */
    public static long insertReturningKey(EntityManager em, String sql, List<?> parameters) {
        try (PreparedStatement statement = prepare(em, sql, parameters, QUERY_TIMEOUT_SECONDS,
                Statement.RETURN_GENERATED_KEYS)) {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new PersistenceException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** Runs a SELECT; each row as an array of its column values. */
    public static List<Object[]> query(EntityManager em, String sql, List<?> parameters) {
        return query(em, sql, parameters, QUERY_TIMEOUT_SECONDS);
    }

    /**
     * Runs a SELECT that gives up after {@code timeoutSeconds}: a {@link PersistenceException} whose cause is a
     * {@link java.sql.SQLTimeoutException} ({@link DatabaseOutage.Kind#TIMEOUT}); the transaction stays usable.
     */
    public static List<Object[]> query(EntityManager em, String sql, List<?> parameters, int timeoutSeconds) {
        try (PreparedStatement statement = prepare(em, sql, parameters, timeoutSeconds,
                Statement.NO_GENERATED_KEYS);
                ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            List<Object[]> result = new ArrayList<>();
            while (rows.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getObject(i + 1);
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /**
     * A LIKE pattern matching values that contain {@code text}, its wildcards escaped with '!': use it with
     * {@code LIKE ? ESCAPE '!'} (one escape character everywhere, the same on MySQL, MariaDB and H2).
     */
    public static String containing(String text) {
        return "%" + likeEscaped(text) + "%";
    }

    /** {@code text} with LIKE's wildcards and the escape character itself escaped by '!'. */
    public static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Runs a SELECT; each row as its columns by (lower-cased) label, in the SELECT's order. */
    public static List<Map<String, Object>> queryNamed(EntityManager em, String sql, List<?> parameters) {
        try (PreparedStatement statement = prepare(em, sql, parameters); ResultSet rows = statement.executeQuery()) {
            var meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** "(?,?,…)" with {@code count} placeholders. */
    public static String placeholders(int count) {
        return "(" + "?,".repeat(count - 1) + "?)";
    }

    /** The values in their order, cut into lists of at most {@link #CHUNK}. */
    public static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** The parameters of a statement whose leading ones are {@code first} and whose IN list is {@code values}. */
    public static List<Object> parameters(Collection<?> values, Object... first) {
        List<Object> parameters = new ArrayList<>(first.length + values.size());
        parameters.addAll(Arrays.asList(first));
        parameters.addAll(values);
        return parameters;
    }

    /** The same ceiling as {@code jakarta.persistence.query.timeout} in persistence.xml. */
    static final int QUERY_TIMEOUT_SECONDS = 30;

    private static PreparedStatement prepare(EntityManager em, String sql, List<?> parameters) throws SQLException {
        return prepare(em, sql, parameters, QUERY_TIMEOUT_SECONDS, Statement.NO_GENERATED_KEYS);
    }

    private static PreparedStatement prepare(EntityManager em, String sql, List<?> parameters, int timeoutSeconds,
            int generatedKeys)
            throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("NativeSql needs an active transaction");
        }
        PreparedStatement statement = connection.prepareStatement(sql, generatedKeys);
        try {
            // as JPA's queries (persistence.xml): a database that stops answering frees the request
            statement.setQueryTimeout(Math.max(1, timeoutSeconds));
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
