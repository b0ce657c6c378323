package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's license card: near the limit an Enterprise Admin may request more licenses (validated per field);
 * while the request is open the card says so; the operator's answer (a new limit, or a decline with its reason)
 * shows there. Integrations Managers see the usage but not the form.
 */
@ExtendWith(RollcallServer.class)
class LicenseRequestUiIT {
    @Test
    void atTheLimitTheCardOffersARequestWhichTheOperatorGrants() {
        Tenant tenant = TestTenants.create("License request", 2, "scim,admin");
        users(tenant, 2);
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            assertEquals("Request more licenses", ui.text("license-request-title"));
            assertFalse(ui.present("license-request-open"));
            assertFalse(ui.present("license-request-outcome"));

            ui.submit("license-request:submit");
            assertEquals("Enter how many more licenses you need.", ui.text("license-request:seats-message"));
            ui.type("license-request:seats", "lots");
            ui.submit("license-request:submit");
            assertEquals("Enter a whole number of licenses, such as 50.", ui.text("license-request:seats-message"));
            ui.type("license-request:seats", "0");
            ui.submit("license-request:submit");
            assertEquals("Enter a whole number from 1 to 10,000,000.", ui.text("license-request:seats-message"));
            ui.type("license-request:seats", "9999999");
            ui.submit("license-request:submit");
            assertTrue(ui.text("license-request:seats-message").startsWith("'seats' must be a whole number from 1 to"),
                    "the service's own limit, on the field: " + ui.text("license-request:seats-message"));
            assertEquals("1000", ui.visible("license-request:note").getAttribute("maxlength"));
            ui.typePastLimit("license-request:note", "x".repeat(1001));
            ui.type("license-request:seats", "25");
            ui.submit("license-request:submit");
            assertEquals("Notes can be at most 1,000 characters.", ui.text("license-request:note-message"));
            assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM license_request WHERE enterprise_id = ?",
                    tenant.enterpriseId()), "nothing was sent while the form was wrong");

            ui.type("license-request:note", "Onboarding the Lisbon office in May.");
            ui.screenshot("license-request-form");
            ui.submit("license-request:submit");
            assertTrue(ui.text("messages").contains("Your request for 25 more licenses was sent"), ui.text("messages"));
            String open = ui.text("license-request-open");
            assertTrue(open.contains("Test Admin asked for 25 more licenses on 20"), open);
            assertFalse(ui.present("license-request"), "no second request while one is open");
            ui.screenshot("license-request-open");

            String request = openRequestOf(tenant);
            assertEquals("Onboarding the Lisbon office in May.", TestTenants.text("SELECT note FROM license_request "
                    + "WHERE id = ? AND seats_requested = 25", Long.parseLong(request)));
            ScimClient.Response granted = JsonClient.operator().post("license-requests/" + request + "/grant", "{}");
            assertEquals(200, granted.status(), granted.toString());

            ui.open("console/dashboard.xhtml");
            assertEquals("27", ui.text("license-limit"));
            assertEquals("License request granted", ui.text("license-request-status"));
            assertTrue(ui.text("license-request-outcome").contains("the limit is now 27."), ui.text("license-request-outcome"));
            assertFalse(ui.present("license-request-open"));
            assertFalse(ui.present("license-request"), "2 of 27 is not near the limit");
            ui.screenshot("license-request-granted");
        }
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = "
                + "'LICENSES_REQUESTED' AND actor_id = ?", tenant.enterpriseId(), tenant.adminLogin()));
    }

    @Test
    void aDeclineShowsTheOperatorsReasonAndTheFormComesBack() {
        Tenant tenant = TestTenants.create("License decline", 1, "scim,admin");
        users(tenant, 1);
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            ui.type("license-request:seats", "5");
            ui.submit("license-request:submit");
            ui.visible("license-request-open");

            ScimClient.Response declined = JsonClient.operator().post("license-requests/" + openRequestOf(tenant)
                    + "/decline", Json.createObjectBuilder().add("reason", "Please renew the contract first.").build());
            assertEquals(200, declined.status(), declined.toString());

            ui.open("console/dashboard.xhtml");
            assertEquals("License request declined", ui.text("license-request-status"));
            assertEquals("Please renew the contract first.", ui.text("license-request-reason"));
            assertEquals("1", ui.text("license-limit"), "the limit is unchanged");
            assertEquals("Request more licenses", ui.text("license-request-title"), "still at the limit: asked again");
            ui.screenshot("license-request-declined");
        }
    }

    @Test
    void aRecentRefusalOffersTheRequestBelowNinetyPercentButPlentyOfRoomDoesNot() {
        Tenant tenant = TestTenants.create("License refusal", 2, "scim,admin");
        String first = users(tenant, 2);
        ScimClient scim = ScimClient.forTenant(tenant);
        assertEquals(403, scim.post("Users", "{\"userName\":\"refused@example.com\"}").status(), "refused at the limit");
        ScimClient.Response deactivated = scim.send(scim.request("Users/" + first)
                .header("Content-Type", "application/scim+json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")));
        assertTrue(deactivated.status() == 200 || deactivated.status() == 204, deactivated.toString());
        Tenant roomy = TestTenants.create("License room", 100, "scim,admin");
        TestTenants.bulkUsers(roomy, "room", 89);
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            assertEquals("1", ui.text("license-used"));
            assertEquals("Request more licenses", ui.text("license-request-title"), "1 of 2, but a refusal this week");
        }
        try (ConsoleUi ui = ConsoleUi.signIn(roomy.adminLogin(), roomy.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            assertEquals("89", ui.text("license-used"));
            assertFalse(ui.present("license-request-title"), "89 of 100: not offered");
        }
    }

    @Test
    void anIntegrationsManagerSeesTheUsageButNotTheForm() {
        Tenant tenant = TestTenants.create("License manager", 1, "scim,admin");
        users(tenant, 1);
        String manager = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        try (ConsoleUi ui = ConsoleUi.signIn(manager, tenant.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            assertEquals("1", ui.text("license-used"));
            assertFalse(ui.present("license-request"));
            assertFalse(ui.present("license-request-title"));
            assertEquals("An Enterprise Admin of your enterprise can request more licenses here.", ui.text("license-ask-admin"));
        }
    }

    /** {@code count} SCIM users of the tenant, each taking a seat; answers the first one's id. */
    private static String users(Tenant tenant, int count) {
        ScimClient scim = ScimClient.forTenant(tenant);
        String first = null;
        for (int i = 0; i < count; i++) {
            ScimClient.Response created = scim.post("Users", "{\"userName\":\"seat" + i + "@example.com\"}");
            assertEquals(201, created.status(), created.text());
            first = first == null ? created.json().getString("id") : first;
        }
        return first;
    }

    /** The id of the tenant's open request. */
    private static String openRequestOf(Tenant tenant) {
        return Long.toString(TestTenants.number("SELECT id FROM license_request WHERE enterprise_id = ? AND status = 'OPEN'",
                tenant.enterpriseId()));
    }
}
