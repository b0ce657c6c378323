package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PRODUCT.md rules 2 and 3: existing manual users are found, adopted (never duplicated) and keep their groups. */
@ExtendWith(RollcallServer.class)
class LinkingIT {
    private static String source(String scimId) {
        return TestTenants.number("SELECT CASE WHEN source = 'SCIM' THEN 1 ELSE 0 END FROM user_account WHERE scim_id = ?",
                scimId) == 1 ? "SCIM" : "MANUAL";
    }

    private static long seats(Tenant tenant) {
        return TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    @Test
    void entraFindsAManualUserByEmailAndACreateAdoptsItKeepingIdAndSeat() {
        Tenant tenant = TestTenants.create("Linking email");
        ScimClient scim = ScimClient.forTenant(tenant);
        String manual = TestTenants.manualUser(tenant, "ann.manual", "Ann.Manual@Example.com", null, true);
        assertEquals(1, seats(tenant));

        JsonObject matched = scim.get("Users?filter=" + URLEncoder.encode(
                "emails[type eq \"work\"].value eq \"ann.manual@example.com\"", StandardCharsets.UTF_8)).json();
        assertEquals(manual, matched.getJsonArray("Resources").getJsonObject(0).getString("id"), "the IdP's matching finds it");

        ScimClient.Response created = scim.post("Users", "{\"userName\":\"ANN.MANUAL@example.com\",\"externalId\":\"aad-1\","
                + "\"emails\":[{\"value\":\"ann.manual@example.com\",\"type\":\"work\",\"primary\":true}]}");

        assertEquals(201, created.status(), created.toString());
        assertEquals(manual, created.json().getString("id"), "linked, not duplicated");
        assertEquals("SCIM", source(manual));
        assertTrue(created.json().getBoolean("active"), "an active user stays active");
        assertEquals(1, seats(tenant), "no second license");
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", tenant.enterpriseId()));
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = 'USER_LINKED'",
                tenant.enterpriseId()));
    }

    @Test
    void employeeIdRuleLinksByEmployeeNumber() {
        Tenant tenant = TestTenants.create("Linking employee id");
        TestTenants.identifierRule(tenant, "EMPLOYEE_ID");
        ScimClient scim = ScimClient.forTenant(tenant);
        String manual = TestTenants.manualUser(tenant, "bob.local", null, "E-42", true);

        ScimClient.Response created = scim.post("Users", "{\"userName\":\"bob@corp.example\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"e-42 \"}}");

        assertEquals(201, created.status(), created.toString());
        assertEquals(manual, created.json().getString("id"));
        assertEquals("bob@corp.example", created.json().getString("userName"), "the IdP's attributes now apply");
    }

    @Test
    void twoManualUsersWithOneIdentifierAre409NamingTheClash() {
        Tenant tenant = TestTenants.create("Linking clash");
        ScimClient scim = ScimClient.forTenant(tenant);
        TestTenants.manualUser(tenant, "dup.one", "dup@example.com", null, true);
        TestTenants.manualUser(tenant, "dup.two", "DUP@example.com", null, true);

        ScimClient.Response clash = scim.post("Users", "{\"userName\":\"dup@example.com\"}");

        assertEquals(409, clash.status(), clash.toString());
        assertEquals("uniqueness", clash.json().getString("scimType"));
        assertTrue(clash.json().getString("detail").contains("dup.one") && clash.json().getString("detail").contains("dup.two"));
        assertEquals(2, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", tenant.enterpriseId()));
    }

    @Test
    void adoptingAnInactiveManualUserAtTheLimitIsRefusedAndChangesNothing() {
        Tenant tenant = TestTenants.create("Linking full", 1, "scim,admin");
        ScimClient scim = ScimClient.forTenant(tenant);
        TestTenants.manualUser(tenant, "full.active", "full.active@example.com", null, true);
        String sleeper = TestTenants.manualUser(tenant, "sleeper", "sleeper@example.com", null, false);

        ScimClient.Response refused = scim.post("Users", "{\"userName\":\"sleeper@example.com\",\"active\":true}");

        assertEquals(403, refused.status(), refused.toString());
        assertEquals("MANUAL", source(sleeper));
        assertEquals(1, seats(tenant));
    }

    @Test
    void identifierChangesUpdateTheSameRecordAndKeepItsGroups() {
        Tenant tenant = TestTenants.create("Identifier change");
        ScimClient scim = ScimClient.forTenant(tenant);
        String id = scim.post("Users", "{\"userName\":\"old.name@example.com\",\"emails\":[{\"value\":\"old.name@example.com\","
                + "\"type\":\"work\"}],\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"1\"}}")
                .json().getString("id");
        String group = scim.post("Groups", "{\"displayName\":\"Kept\",\"members\":[{\"value\":\"" + id + "\"}]}").json().getString("id");

        ScimClient.Response renamed = scim.send(scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Operations\":["
                        + "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"new.name@example.com\"},"
                        + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"new.name@example.com\"},"
                        + "{\"op\":\"Replace\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber\",\"value\":\"2\"}]}")));

        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(id, renamed.json().getString("id"));
        assertEquals(group, renamed.json().getJsonArray("groups").getJsonObject(0).getString("value"), "memberships intact");
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", tenant.enterpriseId()));
    }
}
