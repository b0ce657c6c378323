package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Users in the console: create/edit/deactivate manual users with field-level validation; rule 6 locking; paging. */
@ExtendWith(RollcallServer.class)
class UsersUiIT {
    private final Tenant tenant = TestTenants.create("Users");

    @Test
    void manualUserIsCreatedEditedDeactivatedAndReactivatedWithFieldLevelValidation() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/list.xhtml");
            ui.submit("create-user");
            ui.type("create:email", "not-an-email");
            ui.submit("create:submit");
            assertEquals("Enter a user name.", ui.text("create:userName-message"));
            assertTrue(ui.text("create:email-message").startsWith("Enter an email address"));
            assertTrue(ui.visible("create:userName").getAttribute("class").contains("error"));
            ui.screenshot("users-create-validation");

            ui.type("create:userName", "ada@example.com");
            ui.type("create:email", "ada@example.com");
            ui.type("create:givenName", "Ada");
            ui.type("create:familyName", "Lovelace");
            ui.type("create:employeeNumber", "E-1815");
            ui.submit("create:submit");
            assertTrue(ui.text("messages").contains("created"), ui.text("messages"));
            assertEquals("Ada Lovelace", ui.text("user-name"));
            assertEquals("Manual", ui.text("source"));
            assertEquals("Active", ui.text("status"));
            assertEquals(1, seatsUsed());
            String id = ui.text("user-id");
            assertTrue(ui.visible("effective-access").getAttribute("href").endsWith("effective-access.xhtml?user=" + id));

            ui.type("edit:title", "Analyst");
            ui.type("edit:email", "");
            ui.type("edit:email", "ada@");
            ui.submit("edit:save");
            assertTrue(ui.text("edit:email-message").startsWith("Enter an email address"));
            ui.type("edit:email", "ada.lovelace@example.com");
            ui.submit("edit:save");
            assertTrue(ui.text("messages").contains("Changes saved."));
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE scim_id = ? AND title = 'Analyst'", id));
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_multi_value m JOIN user_account u ON u.id = m.user_id "
                    + "WHERE u.scim_id = ? AND m.item_value = 'ada.lovelace@example.com'", id));
            ui.screenshot("users-detail-manual");

            ui.submit("status-form:deactivate");
            ui.screenshot("users-deactivate-confirm");
            ui.submit("confirm-deactivate:continue");
            assertEquals("Deactivated", ui.text("status"));
            assertEquals(0, seatsUsed());

            ui.submit("status-form:reactivate");
            assertEquals("Active", ui.text("status"));
            assertEquals(1, seatsUsed());

            ui.open("console/users/list.xhtml");
            ui.type("search:q", "lovelace");
            ui.submit("search:submit");
            assertTrue(ui.text("users").contains("Ada Lovelace"));
            assertTrue(ui.text("users").contains("E-1815"));
            ui.type("search:q", "no-such-person");
            ui.submit("search:submit");
            assertEquals("No users match.", ui.text("users-empty"));
        }
    }

    @Test
    void scimUserIsReadOnlyWithTheReasonInConnectedModeAndEditableAtRiskInPlatformMode() {
        ScimClient scim = ScimClient.forTenant(tenant);
        ScimClient.Response created = scim.post("Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"grace@example.com\",\"name\":{\"givenName\":\"Grace\",\"familyName\":\"Hopper\"},"
                + "\"emails\":[{\"value\":\"grace@example.com\",\"type\":\"work\",\"primary\":true}]}");
        assertEquals(201, created.status(), created.text());
        String id = created.json().getString("id");

        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/detail.xhtml?id=" + id);
            assertEquals("From identity provider", ui.text("source"));
            assertTrue(ui.text("at-risk").contains("may still send updates"));
            assertTrue(ui.present("edit:save"));
            ui.type("edit:title", "Rear Admiral");
            ui.submit("edit:save");
            assertTrue(ui.text("messages").contains("may overwrite"), ui.text("messages"));
            ui.screenshot("users-scim-platform-mode");

            TestTenants.provisioningMode(tenant, "MANAGED_IN_CONNECTED_SYSTEM");
            ui.open("console/users/detail.xhtml?id=" + id);
            assertTrue(ui.text("locked-reason").contains("managed by your identity provider"));
            assertFalse(ui.present("edit:save"), "no save button");
            assertFalse(ui.present("status-form:deactivate"), "no deactivate button");
            assertEquals("true", ui.visible("edit:userName").getAttribute("readonly"));
            ui.screenshot("users-scim-locked");
        }
    }

    @Test
    void listPagesInTheDatabase() {
        for (int i = 0; i < 30; i++) {
            TestTenants.manualUser(tenant, String.format("paged-%02d@example.com", i), null, null, true);
        }
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/list.xhtml");
            assertEquals("1–25 of 30", ui.text("pager:range"));
            assertFalse(ui.visible("pager:previous").isEnabled());
            ui.submit("pager:next");
            assertEquals("26–30 of 30", ui.text("pager:range"));
            assertTrue(ui.text("users").contains("paged-29@example.com"));
            assertFalse(ui.visible("pager:next").isEnabled());
            ui.screenshot("users-list-page-2");
            ui.submit("pager:first");
            assertEquals("1–25 of 30", ui.text("pager:range"));
        }
    }

    private long seatsUsed() {
        return TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", tenant.enterpriseId());
    }
}
