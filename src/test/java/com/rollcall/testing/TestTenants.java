package com.rollcall.testing;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.platform.security.PasswordHasher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Makes isolated enterprises for tests by direct SQL on the run's database (MariaDB or the embedded H2; a
 * path that does not exist in production: there is no operator API yet), so tests never share state or depend
 * on demo data. What happens inside an enterprise goes through the front door, the enterprise's admin API
 * ({@link #manualUser}, {@link #provisioningMode}, {@link #identifierRule}, {@link #subAccount},
 * {@link #mapGroup}), so that the rules those use cases keep (seats, audit, stored effective roles) hold for
 * the test data too. SQL stays for what only the operator may do ({@link #licenseLimit}) and for bulk data
 * that must be quick ({@link #bulkUsers}).
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
            long clientId = insert(c, "INSERT INTO api_client (enterprise_id, name, name_key, token_hash, token_hint, "
                    + "scopes, created_at, created_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'test', 1)",
                    enterpriseId, "Test IdP", "test idp", ApiTokens.hash(token), ApiTokens.hint(token), scopes, now);
            insert(c, "INSERT INTO console_user (enterprise_id, login, login_key, display_name, password_hash, console_role, "
                    + "failed_attempts, disabled, created_at, version) VALUES (?, ?, ?, ?, ?, 'ENTERPRISE_ADMIN', 0, FALSE, "
                    + "?, 1)", enterpriseId, login, login, "Test Admin", adminPasswordHash(), now);
            return new Tenant(enterpriseId, name, token, clientId, login, ADMIN_PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test tenant", e);
        }
    }

    /**
     * A user created by hand (source MANUAL), through the admin API as an administrator would
     * ({@code POST /api/admin/v1/users}): an active one takes a seat, and the create is audited. Returns its
     * SCIM id. The tenant's token needs the admin scope.
     */
    public static String manualUser(Tenant tenant, String userName, String email, String employeeNumber, boolean active) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("userName", userName).add("active", active);
        if (email != null) {
            body.add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", email)
                    .add("type", "work").add("primary", true)));
        }
        if (employeeNumber != null) {
            body.add("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                    Json.createObjectBuilder().add("employeeNumber", employeeNumber));
        }
        return adminWrite(tenant, "POST", "users", body.build(), 201).getString("id");
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

    /**
     * Switches the enterprise's provisioning mode (MANAGED_IN_PLATFORM or MANAGED_IN_CONNECTED_SYSTEM) as an
     * administrator does, through {@code PATCH /api/admin/v1/settings} (audited).
     */
    public static void provisioningMode(Tenant tenant, String mode) {
        JsonObject settings = adminWrite(tenant, "PATCH", "settings",
                Json.createObjectBuilder().add("provisioningMode", mode).build(), 200);
        if (!mode.equals(settings.getString("provisioningMode"))) {
            throw new IllegalStateException("the provisioning mode did not change: " + settings);
        }
    }

    /**
     * Sets the enterprise's license limit as its operator does, through {@code PATCH /api/operator/v1/enterprises/{id}}
     * (audited; the enterprise's own admin API and console show it read-only).
     */
    public static void licenseLimit(Tenant tenant, int limit) {
        Operator.write("PATCH", "enterprises/" + tenant.enterpriseId(),
                Json.createObjectBuilder().add("licenseLimit", limit).build(), 200);
    }

    /** Switches the enterprise's identifier rule (EMAIL or EMPLOYEE_ID) through {@code PATCH /api/admin/v1/settings}. */
    public static void identifierRule(Tenant tenant, String rule) {
        JsonObject settings = adminWrite(tenant, "PATCH", "settings",
                Json.createObjectBuilder().add("identifierRule", rule).build(), 200);
        if (!rule.equals(settings.getString("identifierRule"))) {
            throw new IllegalStateException("the identifier rule did not change: " + settings);
        }
    }

    /** A new sub-account of the enterprise, through {@code POST /api/admin/v1/sub-accounts}; returns its id. */
    public static long subAccount(Tenant tenant, String name) {
        return adminWrite(tenant, "POST", "sub-accounts", Json.createObjectBuilder().add("name", name).build(), 201)
                .getJsonNumber("id").longValue();
    }

    /** The id of the role of this name (built-in or the enterprise's own), from {@code GET /api/admin/v1/roles}. */
    public static long roleId(Tenant tenant, String name) {
        ScimClient.Response roles = admin(tenant).get("roles");
        requireStatus(roles, 200, "GET roles");
        return roles.json().getJsonArray("roles").getValuesAs(JsonObject.class).stream()
                .filter(role -> role.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no role named " + name + ": " + roles))
                .getJsonNumber("id").longValue();
    }

    /**
     * Maps a group (by SCIM id) to the named role, at the enterprise level ({@code subAccountId} null) or in a
     * sub-account, as an administrator does ({@code POST /api/admin/v1/groups/{id}/mappings}): the members'
     * stored effective roles and seats are recomputed by the use case. Returns the answer (mapping id,
     * usersChanged, remapJob).
     */
    public static JsonObject mapGroup(Tenant tenant, String groupScimId, String roleName, Long subAccountId) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("roleId", roleId(tenant, roleName));
        if (subAccountId != null) {
            body.add("subAccountId", subAccountId);
        }
        return adminWrite(tenant, "POST", "groups/" + groupScimId + "/mappings", body.build(), 201);
    }

    /** A client of the tenant's admin API ({@code /api/admin/v1/}) with the tenant's token. */
    public static ScimClient admin(Tenant tenant) {
        return new ScimClient(RollcallServer.get().baseUrl() + "api/admin/v1/", tenant.token());
    }

    private static JsonObject adminWrite(Tenant tenant, String method, String path, JsonObject body, int expected) {
        ScimClient admin = admin(tenant);
        ScimClient.Response response = admin.send(admin.request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString())));
        requireStatus(response, expected, method + " " + path + " " + body);
        return response.json();
    }

    private static void requireStatus(ScimClient.Response response, int expected, String what) {
        if (response.status() != expected) {
            throw new IllegalStateException(what + " answered " + response + " instead of " + expected);
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
             PreparedStatement s = c.prepareStatement("UPDATE api_client SET revoked_at = ?, name_key = NULL WHERE id = ?")) {
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
