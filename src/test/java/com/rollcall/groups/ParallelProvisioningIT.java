package com.rollcall.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Parallel;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an IdP's initial sync and a busy incremental cycle do at once, on MariaDB and on the embedded H2:
 * distinct users created by 16 clients released together all succeed (a 409 would tell Entra the user
 * exists, and it would never be created); and users joining and leaving several mapped groups at once leave
 * the stored effective roles equal to what the resolver computes from scratch, the member counts equal to
 * the memberships and the seat counter equal to the users holding a seat (the lock order of the README).
 */
@ExtendWith(RollcallServer.class)
class ParallelProvisioningIT {
    private static final int CLIENTS = 16;

    @Test
    void distinctUsersCreatedTogetherAllSucceed() {
        Tenant tenant = TestTenants.create("Parallel creates", 10_000, "scim");
        ScimClient scim = ScimClient.forTenant(tenant);
        int perClient = 12;
        List<List<Integer>> statuses = Parallel.together(CLIENTS, client -> {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
                ScimClient.Response created = scim.post("Users", "{\"userName\":\"sync-" + client + "-" + i
                        + "@example.com\",\"emails\":[{\"value\":\"sync-" + client + "-" + i
                        + "@example.com\",\"type\":\"work\",\"primary\":true}]}");
                mine.add(created.status() == 201 ? 201 : created.status() * 1000 + created.text().length());
            }
            return mine;
        });
        List<Integer> all = statuses.stream().flatMap(List::stream).toList();
        assertTrue(all.stream().allMatch(s -> s == 201), "every create answered 201: " + all);
        long users = CLIENTS * perClient;
        long enterprise = tenant.enterpriseId();
        assertEquals(users, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", enterprise));
        assertEquals(users, TestTenants.number("SELECT COUNT(*) FROM user_multi_value WHERE enterprise_id = ?", enterprise));
        assertEquals(users, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                + "AND action = 'USER_CREATED'", enterprise));
        assertEquals(users, TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", enterprise));
    }

    @Test
    void concurrentMembershipChangesOfMappedGroupsKeepStoredRolesSeatsAndCountsExact() throws Exception {
        Tenant tenant = TestTenants.create("Parallel members", 10_000, "scim,admin");
        ScimClient scim = ScimClient.forTenant(tenant);
        ScimClient admin = new ScimClient(RollcallServer.get().baseUrl() + "api/admin/v1/", tenant.token());

        List<String> users = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            users.add(scim.post("Users", "{\"userName\":\"member-" + i + "@example.com\"}").json().getString("id"));
        }
        long region = adminPost(admin, "sub-accounts", "{\"name\":\"Region\"}").getJsonNumber("id").longValue();
        // never mapped: what it resolves to is what every sub-account without its own mapping inherits (scope -1)
        long elsewhere = adminPost(admin, "sub-accounts", "{\"name\":\"Elsewhere\"}").getJsonNumber("id").longValue();
        Map<String, Long> roles = admin.get("roles").json().getJsonArray("roles").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> r.getString("name"), r -> r.getJsonNumber("id").longValue()));
        List<String> groups = new ArrayList<>();
        String[][] mappings = {
            {"Enterprise Admin", null}, {"Enterprise Integrations Manager", null},
            {"Editor", Long.toString(region)}, {"Reports Only", Long.toString(region)}};
        for (int g = 0; g < mappings.length; g++) {
            String group = scim.post("Groups", "{\"displayName\":\"Mapped " + g + "\"}").json().getString("id");
            groups.add(group);
            adminPost(admin, "groups/" + group + "/mappings", "{\"roleId\":" + roles.get(mappings[g][0])
                    + (mappings[g][1] == null ? "" : ",\"subAccountId\":" + mappings[g][1]) + "}");
        }

        List<List<Integer>> statuses = Parallel.together(CLIENTS, client -> {
            Random random = new Random(client * 7919L);
            List<Integer> mine = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                String group = groups.get((client + k) % groups.size());
                String op = random.nextInt(3) == 0 ? "remove" : "add";
                List<String> picked = List.of(users.get(random.nextInt(users.size())), users.get(random.nextInt(users.size())),
                        users.get(random.nextInt(users.size())));
                String values = picked.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(","));
                ScimClient.Response changed = scim.send(scim.request("Groups/" + group)
                        .header("Content-Type", "application/scim+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:"
                                + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"" + op + "\",\"path\":\"members\","
                                + "\"value\":[" + values + "]}]}")));
                mine.add(changed.status());
            }
            return mine;
        });
        List<Integer> all = statuses.stream().flatMap(List::stream).toList();
        assertTrue(all.stream().allMatch(s -> s == 204), "every membership change answered 204: " + all);

        long enterprise = tenant.enterpriseId();
        for (String user : users) {
            JsonObject computed = admin.get("users/" + user + "/effective-access").json();
            Map<Long, Long> expected = new TreeMap<>();
            roleId(computed.getJsonObject("enterpriseLevel")).ifPresent(role -> expected.put(0L, role));
            computed.getJsonArray("subAccounts").stream().map(JsonValue::asJsonObject)
                    .filter(s -> s.getJsonObject("subAccount").getJsonNumber("id").longValue() == region)
                    .filter(s -> s.getJsonArray("candidates").stream().map(JsonValue::asJsonObject)
                            .anyMatch(c -> c.getBoolean("explicit")))
                    .forEach(s -> roleId(s).ifPresent(role -> expected.put(region, role)));
            computed.getJsonArray("subAccounts").stream().map(JsonValue::asJsonObject)
                    .filter(s -> s.getJsonObject("subAccount").getJsonNumber("id").longValue() == elsewhere)
                    .forEach(s -> roleId(s).ifPresent(role -> expected.put(-1L, role)));
            assertEquals(expected, storedRoles(enterprise, user), "stored effective roles of " + user + " = " + computed);
        }
        for (String group : groups) {
            assertEquals(TestTenants.number("SELECT COUNT(*) FROM group_membership m JOIN user_group g ON g.id = m.group_id "
                    + "WHERE g.scim_id = ?", group), TestTenants.number("SELECT member_count FROM user_group WHERE scim_id = ?",
                    group), "member_count of " + group);
        }
        assertEquals(TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ? AND holds_seat = TRUE",
                enterprise), TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", enterprise),
                "the seat counter equals the users holding a seat");
    }

    private static java.util.Optional<Long> roleId(JsonObject resolution) {
        JsonValue role = resolution.get("role");
        return role == null || role.getValueType() == JsonValue.ValueType.NULL ? java.util.Optional.empty()
                : java.util.Optional.of(role.asJsonObject().getJsonNumber("id").longValue());
    }

    private static Map<Long, Long> storedRoles(long enterpriseId, String userScimId) throws SQLException {
        Map<Long, Long> stored = new TreeMap<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement("SELECT r.scope_key, r.role_id "
                + "FROM user_effective_role r JOIN user_account u ON u.id = r.user_id WHERE u.enterprise_id = ? "
                + "AND u.scim_id = ?")) {
            s.setLong(1, enterpriseId);
            s.setString(2, userScimId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return stored;
    }

    private static JsonObject adminPost(ScimClient admin, String path, String json) {
        ScimClient.Response response = admin.send(admin.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(201, response.status(), path + ": " + response);
        return response.json();
    }
}
