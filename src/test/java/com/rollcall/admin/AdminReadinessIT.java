package com.rollcall.admin;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /api/admin/v1/migration-readiness (PRODUCT.md rule 10). */
@ExtendWith(RollcallServer.class)
class AdminReadinessIT {
    @Test
    void reportsUnmatchableManualUsersClashesHeadroomAndUnmappedGroups() {
        Tenant tenant = TestTenants.create("Readiness", 10, "scim,admin");
        ScimClient scim = ScimClient.forTenant(tenant);
        String noMail = TestTenants.manualUser(tenant, "nomail", null, null, true);
        String manualDup = TestTenants.manualUser(tenant, "manual.dup", "Dup@Clash.test", "E1 ", true);
        String deleted = TestTenants.manualUser(tenant, "gone", null, null, true);
        assertEquals(204, scim.send(scim.request("Users/" + deleted).DELETE()).status(), "deleted (soft) through SCIM");
        // two manual users with one email (and one employee number): the clash the report must reveal
        // before an IdP arrives (a SCIM create with that email would be refused with 409 then)
        String secondDup = TestTenants.manualUser(tenant, "manual.dup.two", "dup@clash.TEST", "e1", true);
        assertEquals(201, scim.post("Users", "{\"userName\":\"solo\",\"emails\":[{\"value\":\"solo@clash.test\"}]}").status());
        String mapped = scim.post("Groups", "{\"displayName\":\"Mapped\"}").json().getString("id");
        String unmapped = scim.post("Groups", "{\"displayName\":\"Unmapped\"}").json().getString("id");
        TestTenants.mapGroup(tenant, mapped, "Editor", TestTenants.subAccount(tenant, "Stores"));

        // the license limit was lowered after these users arrived: the report must show the overrun
        TestTenants.licenseLimit(tenant, 3);
        ScimClient.Response response = JsonClient.admin(tenant).get("migration-readiness");
        assertEquals(200, response.status(), response.toString());
        JsonObject report = response.json();
        assertFalse(report.getBoolean("ready"));
        assertEquals("EMAIL", report.getString("identifierRule"));

        JsonObject unmatchable = report.getJsonObject("unmatchableManualUsers");
        assertEquals(1, unmatchable.getInt("count"), report.toString());
        assertEquals(noMail, unmatchable.getJsonArray("users").getJsonObject(0).getString("id"));

        JsonObject emailClashes = report.getJsonObject("emailClashes");
        assertEquals(1, emailClashes.getInt("count"), report.toString());
        JsonObject clash = emailClashes.getJsonArray("clashes").getJsonObject(0);
        assertEquals("dup@clash.test", clash.getString("value"));
        assertEquals(2, clash.getInt("userCount"));
        assertEquals(Set.of(manualDup, secondDup), ids(clash));

        JsonObject employeeClashes = report.getJsonObject("employeeNumberClashes");
        assertEquals(1, employeeClashes.getInt("count"), report.toString());
        assertEquals(Set.of(manualDup, secondDup), ids(employeeClashes.getJsonArray("clashes").getJsonObject(0)));

        // what the clashes do once an IdP arrives, and what to do, in words (the console shows the same)
        String emailAdvice = emailClashes.getString("advice");
        assertTrue(emailAdvice.contains("by email (your identifier rule)") && emailAdvice.contains("multiple matches")
                && emailAdvice.contains("Keep the email on the one user who is that person and change it on the others"),
                emailAdvice);
        String employeeAdvice = employeeClashes.getString("advice");
        assertTrue(employeeAdvice.contains("Keep the employee ID on the one user") && !employeeAdvice.contains("identifier rule"),
                employeeAdvice);
        assertTrue(unmatchable.getString("advice").contains("Add an email to each user below"), unmatchable.toString());
        assertFalse(emailAdvice.contains("switch back"), "platform mode: the users can be edited here");
        TestTenants.provisioningMode(tenant, "MANAGED_IN_CONNECTED_SYSTEM");
        String connectedAdvice = JsonClient.admin(tenant).get("migration-readiness").json().getJsonObject("emailClashes")
                .getString("advice");
        assertTrue(connectedAdvice.contains("switch back to Managed in Platform in Settings to fix them here"), connectedAdvice);

        JsonObject licenses = report.getJsonObject("licenses");
        assertEquals(3, licenses.getInt("limit"));
        assertEquals(4, licenses.getInt("activeUsers"), "3 manual + 1 SCIM live active users; the deleted one is not counted");
        assertEquals(-1, licenses.getInt("headroom"));
        // the seat counter (license_counter.seats_used) is reported as stored, whoever maintains it
        AdminSql.execute("UPDATE license_counter SET seats_used = 2 WHERE enterprise_id = ?", tenant.enterpriseId());
        JsonObject recounted = JsonClient.admin(tenant).get("migration-readiness").json().getJsonObject("licenses");
        assertEquals(2, recounted.getInt("seatsUsed"));
        assertEquals(1, recounted.getInt("seatsHeadroom"));

        JsonObject groups = report.getJsonObject("unmappedGroups");
        assertEquals(1, groups.getInt("count"), report.toString());
        assertEquals(unmapped, groups.getJsonArray("groups").getJsonObject(0).getString("id"));
        assertEquals("Unmapped", groups.getJsonArray("groups").getJsonObject(0).getString("displayName"));
    }

    @Test
    void employeeIdRuleLooksForEmployeeNumbersNotEmails() {
        Tenant tenant = TestTenants.create("ReadinessEmployeeId");
        TestTenants.identifierRule(tenant, "EMPLOYEE_ID");
        String noNumber = TestTenants.manualUser(tenant, "mailonly", "mailonly@x.test", null, true);
        TestTenants.manualUser(tenant, "numbered", null, "E-7", true);
        JsonObject report = JsonClient.admin(tenant).get("migration-readiness").json();
        assertEquals("EMPLOYEE_ID", report.getString("identifierRule"));
        assertEquals(1, report.getJsonObject("unmatchableManualUsers").getInt("count"), report.toString());
        assertEquals(noNumber, report.getJsonObject("unmatchableManualUsers").getJsonArray("users").getJsonObject(0).getString("id"));
    }

    @Test
    void anEmptyEnterpriseIsReadyAndSeesNoOtherEnterprisesData() {
        Tenant busy = TestTenants.create("ReadinessBusy");
        TestTenants.manualUser(busy, "nomail", null, null, true);
        TestTenants.manualUser(busy, "a", "same@x.test", null, true);
        TestTenants.manualUser(busy, "b", "same@x.test", null, true);
        Tenant empty = TestTenants.create("ReadinessEmpty", 5, "admin");
        TestTenants.manualUser(empty, "c", "same@x.test", null, true);
        JsonObject report = JsonClient.admin(empty).get("migration-readiness").json();
        assertTrue(report.getBoolean("ready"), report.toString());
        assertEquals(0, report.getJsonObject("unmatchableManualUsers").getInt("count"));
        assertEquals(0, report.getJsonObject("emailClashes").getInt("count"));
        assertEquals(1, report.getJsonObject("licenses").getInt("activeUsers"));
        assertEquals(0, report.getJsonObject("unmappedGroups").getInt("count"));
    }

    @Test
    void scimOnlyTokenIsForbidden() {
        Tenant scimOnly = TestTenants.create("ReadinessScimOnly", 10, "scim");
        assertError(JsonClient.admin(scimOnly.token()).get("migration-readiness"), 403, "forbidden");
    }

    private static Set<String> ids(JsonObject clash) {
        return clash.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .map(u -> u.getString("id")).collect(Collectors.toSet());
    }
}
