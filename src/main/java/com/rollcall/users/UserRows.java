package com.rollcall.users;

import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain SQL of a user's own writes (issue 20: no entity flush on the hot path): the statements
 * {@link UserRepository} runs to create a user, to read one locked for a write, and to write it back, with their
 * column lists in the order of {@link UserAccount}'s and {@link MultiValue}'s row methods. No connection here: the
 * repository runs them.
 */
final class UserRows {
    private UserRows() {
    }

    private static final UtcInstantConverter TIME = new UtcInstantConverter();

    static final String INSERT_USER = "INSERT INTO user_account (enterprise_id, scim_id, user_name, "
            + "user_name_key, external_id, external_id_key, source, active, holds_seat, name_formatted, family_name, "
            + "given_name, middle_name, honorific_prefix, honorific_suffix, display_name, nick_name, profile_url, title, "
            + "user_type, preferred_language, locale, timezone, employee_number, employee_number_key, cost_center, "
            + "organization, division, department, manager_id, created_at, last_modified, version) VALUES "
            + NativeSql.placeholders(33);

    /** Every column of user_account, in the order of {@link UserAccount#fromRow}. */
    private static final String USER_COLUMNS = "SELECT id, enterprise_id, scim_id, user_name, user_name_key, external_id, "
            + "external_id_key, source, active, deleted_at, holds_seat, license_exempt, name_formatted, family_name, "
            + "given_name, middle_name, honorific_prefix, honorific_suffix, display_name, nick_name, profile_url, title, "
            + "user_type, preferred_language, locale, timezone, employee_number, employee_number_key, cost_center, "
            + "organization, division, department, manager_id, linked_at, linked_by, created_at, last_modified, version "
            + "FROM user_account ";

    /** A live user by SCIM id, locked until commit (uq_user_scim_id: a record lock, no gap lock). */
    static final String LIVE_FOR_UPDATE = USER_COLUMNS
            + "WHERE enterprise_id = ? AND scim_id = ? AND deleted_at IS NULL FOR UPDATE";

    /** A user by its key, locked until commit (deleted or not: the caller decides). */
    static final String BY_ID_FOR_UPDATE = USER_COLUMNS + "WHERE enterprise_id = ? AND id = ? FOR UPDATE";

    /** A user's multi-valued rows, in the order of {@link MultiValue#fromRow}, by ordinal (the primary key). */
    static final String MULTI_VALUES = "SELECT enterprise_id, attribute, item_type, is_primary, display, item_value, "
            + "item_value_key, formatted, street_address, locality, region, postal_code, country FROM user_multi_value "
            + "WHERE user_id = ? ORDER BY ordinal";

    /**
     * Every column a write to an existing user may change, in the order of {@link UserAccount#updateRow}; the row is
     * locked, and its version is checked all the same. license_exempt is the roles engine's, never written here.
     */
    static final String UPDATE_USER = "UPDATE user_account SET user_name = ?, user_name_key = ?, external_id = ?, "
            + "external_id_key = ?, source = ?, active = ?, deleted_at = ?, holds_seat = ?, name_formatted = ?, "
            + "family_name = ?, given_name = ?, middle_name = ?, honorific_prefix = ?, honorific_suffix = ?, "
            + "display_name = ?, nick_name = ?, profile_url = ?, title = ?, user_type = ?, preferred_language = ?, "
            + "locale = ?, timezone = ?, employee_number = ?, employee_number_key = ?, cost_center = ?, organization = ?, "
            + "division = ?, department = ?, manager_id = ?, linked_at = ?, linked_by = ?, last_modified = ?, version = ? "
            + "WHERE id = ? AND enterprise_id = ? AND version = ?";

    static final String DELETE_MULTI_VALUES = "DELETE FROM user_multi_value WHERE user_id = ?";

    private static final String INSERT_MULTI_VALUES = "INSERT INTO user_multi_value (user_id, ordinal, enterprise_id, "
            + "attribute, item_type, is_primary, display, item_value, item_value_key, formatted, street_address, locality, "
            + "region, postal_code, country) VALUES ";

    /** A multi-row INSERT and its parameters. */
    record Statement(String sql, List<Object> parameters) {
    }

    /** The INSERTs of a user's multi-valued rows (their ordinal is their index), at most {@link NativeSql#CHUNK} a statement. */
    static List<Statement> insertMultiValues(long userId, List<MultiValue> multiValues) {
        List<Statement> statements = new ArrayList<>();
        for (int from = 0; from < multiValues.size(); from += NativeSql.CHUNK) {
            int to = Math.min(multiValues.size(), from + NativeSql.CHUNK);
            List<Object> parameters = new ArrayList<>();
            StringBuilder sql = new StringBuilder(INSERT_MULTI_VALUES);
            for (int ordinal = from; ordinal < to; ordinal++) {
                sql.append(ordinal == from ? "" : ", ").append(NativeSql.placeholders(15));
                parameters.add(userId);
                parameters.add(ordinal);
                parameters.addAll(values(multiValues.get(ordinal).insertRow()));
            }
            statements.add(new Statement(sql.toString(), parameters));
        }
        return statements;
    }

    /** Column values as bound: instants as {@link UtcInstantConverter}'s UTC literal, as JPA writes them. */
    static List<Object> values(Object... row) {
        List<Object> values = new ArrayList<>(row.length);
        for (Object value : row) {
            values.add(value instanceof java.time.Instant instant ? TIME.convertToDatabaseColumn(instant) : value);
        }
        return values;
    }
}
