package com.rollcall.testing;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.platform.security.PasswordHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Makes isolated enterprises for tests by direct SQL on the run's database (MariaDB or the embedded H2; a
 * path that does not exist in production), so tests never share state or depend on demo data.
 */
public final class TestTenants {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static String adminPasswordHash;

    private TestTenants() {
    }

    public static Tenant create(String label) {
        return create(label, 1000, "scim,admin");
    }

    public static Tenant create(String label, int licenseLimit, String scopes) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = label + " " + suffix;
        String token = ApiTokens.generate();
        String login = label.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + suffix + "@example.test";
        try (Connection c = TestDatabase.connect()) {
            var now = TestDatabase.utcNow();
            long enterpriseId = insert(c, "INSERT INTO enterprise (name, provisioning_mode, identifier_rule, "
                    + "created_at, last_modified, version) VALUES (?, 'MANAGED_IN_PLATFORM', 'EMAIL', ?, ?, 1)",
                    name, now, now);
            insert(c, "INSERT INTO license_counter (enterprise_id, seats_used, license_limit) VALUES (?, 0, ?)", enterpriseId,
                    licenseLimit);
            long clientId = insert(c, "INSERT INTO api_client (enterprise_id, name, token_hash, token_hint, scopes, "
                    + "created_at, created_by, version) VALUES (?, ?, ?, ?, ?, ?, 'test', 1)",
                    enterpriseId, "Test IdP", ApiTokens.hash(token), ApiTokens.hint(token), scopes, now);
            insert(c, "INSERT INTO console_user (enterprise_id, login, login_key, display_name, password_hash, console_role, "
                    + "failed_attempts, disabled, created_at, version) VALUES (?, ?, ?, ?, ?, 'ENTERPRISE_ADMIN', 0, FALSE, "
                    + "?, 1)", enterpriseId, login, login, "Test Admin", adminPasswordHash(), now);
            return new Tenant(enterpriseId, name, token, clientId, login, ADMIN_PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test tenant", e);
        }
    }

    /**
     * A user created in the console (source MANUAL), as the console will store it: active ones hold a
     * seat. Returns its SCIM id.
     */
    public static String manualUser(Tenant tenant, String userName, String email, String employeeNumber, boolean active) {
        String scimId = UUID.randomUUID().toString();
        try (Connection c = TestDatabase.connect()) {
            long id = insert(c, "INSERT INTO user_account (enterprise_id, scim_id, user_name, user_name_key, source, active, "
                    + "holds_seat, employee_number, employee_number_key, created_at, last_modified, version) VALUES "
                    + "(?, ?, ?, ?, 'MANUAL', ?, ?, ?, ?, ?, ?, 1)", tenant.enterpriseId(), scimId,
                    userName, userName.toLowerCase(), active, active, employeeNumber,
                    employeeNumber == null ? null : employeeNumber.trim().toLowerCase(), TestDatabase.utcNow(),
                    TestDatabase.utcNow());
            if (email != null) {
                insert(c, "INSERT INTO user_multi_value (user_id, ordinal, enterprise_id, attribute, item_type, is_primary, "
                        + "item_value, item_value_key) VALUES (?, 0, ?, 'emails', 'work', TRUE, ?, ?)", id, tenant.enterpriseId(),
                        email, email.toLowerCase());
            }
            if (active) {
                update(c, "UPDATE license_counter SET seats_used = seats_used + 1 WHERE enterprise_id = ?", tenant.enterpriseId());
            }
            return scimId;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a manual user", e);
        }
    }

    /**
     * Another console login of the tenant's enterprise with the given role (ENTERPRISE_ADMIN or
     * INTEGRATIONS_MANAGER) and the tenant's admin password; returns the login.
     */
    public static String consoleUser(Tenant tenant, String role) {
        String login = role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test";
        try (Connection c = TestDatabase.connect()) {
            insert(c, "INSERT INTO console_user (enterprise_id, login, login_key, display_name, password_hash, console_role, "
                    + "failed_attempts, disabled, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 0, FALSE, ?, 1)",
                    tenant.enterpriseId(), login, login, "Test " + role, adminPasswordHash(), role, TestDatabase.utcNow());
            return login;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a console user", e);
        }
    }

    /** Switches the enterprise's provisioning mode (MANAGED_IN_PLATFORM or MANAGED_IN_CONNECTED_SYSTEM). */
    public static void provisioningMode(Tenant tenant, String mode) {
        try (Connection c = TestDatabase.connect()) {
            update(c, "UPDATE enterprise SET provisioning_mode = ? WHERE id = ?", mode, tenant.enterpriseId());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets the enterprise's license limit the only way there is until the operator API exists: by SQL (the
     * enterprise's own admin API and console show it read-only).
     */
    public static void licenseLimit(Tenant tenant, int limit) {
        execute("UPDATE license_counter SET license_limit = ? WHERE enterprise_id = ?", limit, tenant.enterpriseId());
    }

    /** Switches the enterprise's identifier rule (EMAIL or EMPLOYEE_ID). */
    public static void identifierRule(Tenant tenant, String rule) {
        try (Connection c = TestDatabase.connect()) {
            update(c, "UPDATE enterprise SET identifier_rule = ? WHERE id = ?", rule, tenant.enterpriseId());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code count} active SCIM-sourced users named {@code prefix-N@example.test}, inserted in bulk (each
     * holding a seat, as provisioning would leave them) for tests that need large groups quickly. Returns
     * their SCIM ids in insertion order.
     */
    public static java.util.List<String> bulkUsers(Tenant tenant, String prefix, int count) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            for (int from = 0; from < count; from += 1000) {
                int n = Math.min(1000, count - from);
                StringBuilder sql = new StringBuilder("INSERT INTO user_account (enterprise_id, scim_id, user_name, "
                        + "user_name_key, source, active, holds_seat, created_at, last_modified, version) VALUES ");
                java.util.List<Object> parameters = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String scimId = UUID.randomUUID().toString();
                    String userName = prefix + "-" + (from + i) + "@example.test";
                    ids.add(scimId);
                    sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, 'SCIM', TRUE, TRUE, ?, ?, 1)");
                    var now = TestDatabase.utcNow();
                    parameters.addAll(java.util.List.of(tenant.enterpriseId(), scimId, userName, userName.toLowerCase(), now, now));
                }
                update(c, sql.toString(), parameters.toArray());
            }
            update(c, "UPDATE license_counter SET seats_used = seats_used + ? WHERE enterprise_id = ?", count,
                    tenant.enterpriseId());
            c.commit();
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert users", e);
        }
    }

    /** Runs one SQL update with parameters; returns the rows changed. */
    public static int execute(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single number from SQL with parameters (counts, seats...). */
    public static long number(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single text value from SQL with parameters (null when there is no row). */
    public static String text(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    /** Revokes an API client the way the product does: by stamping revoked_at. */
    public static void revoke(long apiClientId) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("UPDATE api_client SET revoked_at = ? WHERE id = ?")) {
            s.setObject(1, TestDatabase.utcNow());
            s.setLong(2, apiClientId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String adminPasswordHash() {
        if (adminPasswordHash == null) {
            adminPasswordHash = PasswordHasher.hash(ADMIN_PASSWORD);
        }
        return adminPasswordHash;
    }

    private static long insert(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }
}
