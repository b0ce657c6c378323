package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
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
            assertTrue(ui.text("users").contains("No role"), "the effective-roles summary of a user in no group");
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
    void connectedModeRefusesAddingUsersWithTheReasonAndSwitchingBackAllowsItBothWaysInTheBrowser() {
        String manual = TestTenants.manualUser(tenant, "kept@example.com", "kept@example.com", null, true);
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/create.xhtml");
            ui.type("create:userName", "late@example.com");
            // another admin switches to the connected system while this page is open
            TestTenants.provisioningMode(tenant, "MANAGED_IN_CONNECTED_SYSTEM");
            ui.submit("create:submit");
            assertTrue(ui.text("messages").contains("Users cannot be added here while provisioning is set to 'Managed in "
                    + "Connected System'"), ui.text("messages"));
            assertTrue(ui.text("adding-refused").contains("Assign the person to Rollcall in your identity provider"),
                    ui.text("adding-refused"));
            assertFalse(ui.present("create:submit"), "no form to fill in vain");
            assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ? AND "
                    + "user_name_key = 'late@example.com'", tenant.enterpriseId()), "the service refused it");

            ui.open("console/settings.xhtml");
            ui.submit("mode:switch");
            assertTrue(ui.text("overwrite-warning").contains("may overwrite manual changes"), ui.text("overwrite-warning"));
            ui.submit("confirm-platform:continue");
            assertTrue(ui.text("messages").contains("users can be added and edited here again"), ui.text("messages"));
            ui.open("console/users/list.xhtml");
            assertFalse(ui.present("adding-refused"));
            ui.submit("create-user");
            ui.type("create:userName", "late@example.com");
            ui.submit("create:submit");
            assertTrue(ui.text("messages").contains("created"), ui.text("messages"));
            assertEquals("Manual", ui.text("source"));

            ui.open("console/settings.xhtml");
            ui.submit("mode:switch");
            assertTrue(ui.text("confirm-connected-body").contains("can no longer be added or edited in this console"),
                    ui.text("confirm-connected-body"));
            ui.submit("confirm-connected:continue");
            assertEquals("Managed in Connected System", ui.text("provisioning-mode"));
            ui.open("console/users/list.xhtml");
            assertFalse(ui.present("create-user"), "no Create button");
            assertTrue(ui.text("adding-refused").contains("your identity provider adds them"), ui.text("adding-refused"));
            ui.screenshot("users-connected-no-adding");
            ui.open("console/users/create.xhtml");
            assertTrue(ui.text("adding-refused").contains("switch provisioning back to 'Managed in Platform'"));
            assertFalse(ui.present("create:submit"));
            ui.open("console/users/detail.xhtml?id=" + manual);
            assertEquals("Manual", ui.text("source"));
            assertTrue(ui.text("locked-reason").contains("Users cannot be edited here while provisioning is set to "
                    + "'Managed in Connected System'"), ui.text("locked-reason"));
            assertFalse(ui.present("edit:save"), "a manual user is read-only too");
            assertFalse(ui.present("status-form:deactivate"));
            ui.screenshot("users-manual-locked");
        }
    }

    @Test
    void aManualUserTheIdpLinkedShowsAsLinkedWithTheDate() {
        String manual = TestTenants.manualUser(tenant, "linda@example.com", "linda@example.com", null, true);
        String other = TestTenants.manualUser(tenant, "still.manual@example.com", "still.manual@example.com", null, true);
        ScimClient scim = ScimClient.forTenant(tenant);
        ScimClient.Response patched = scim.send(scim.request("Users/" + manual).header("Content-Type", "application/scim+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:"
                        + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"externalId\",\"value\":\"aad-linda\"}]}")));
        assertEquals(200, patched.status(), patched.text());
        String linkedAt = TestTenants.text("SELECT linked_at FROM user_account WHERE scim_id = ?", manual);
        String shown = linkedAt.substring(0, 16) + " UTC";

        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/list.xhtml");
            String rows = ui.text("users");
            assertTrue(rows.contains("Linked " + shown), rows);
            assertEquals(1, rows.split("Linked ", -1).length - 1, "only the linked user says so: " + rows);

            ui.open("console/users/detail.xhtml?id=" + manual);
            assertEquals("From identity provider", ui.text("source"));
            assertEquals("Linked", ui.text("linked-badge"));
            assertTrue(ui.text("linked").startsWith("Linked to your identity provider on " + shown + " by Test IdP."),
                    ui.text("linked"));
            assertEquals(shown, ui.text("linked-at"));
            ui.screenshot("users-linked");

            ui.open("console/users/detail.xhtml?id=" + other);
            assertFalse(ui.present("linked-badge"));
            assertFalse(ui.present("linked"));
            assertFalse(ui.present("linked-at"));
        }
    }

    @Test
    void serviceRefusalsAreReadableMessages() {
        Tenant small = TestTenants.create("UsersLimit", 1, "scim,admin");
        String taken = TestTenants.manualUser(small, "first@example.com", "first@example.com", null, true);
        try (ConsoleUi ui = ConsoleUi.signIn(small.adminLogin(), small.adminPassword())) {
            ui.open("console/users/create.xhtml");
            ui.type("create:userName", "second@example.com");
            ui.submit("create:submit");
            assertTrue(ui.text("messages").contains("The license limit is reached: 1 of 1"), ui.text("messages"));
            assertEquals("second@example.com", ui.visible("create:userName").getAttribute("value"), "the form keeps the input");
            ui.screenshot("users-license-refused");

            ui.open("console/users/detail.xhtml?id=" + taken);
            ui.type("edit:title", "Mine");
            ScimClient.Response meanwhile = ScimClient.forTenant(small).send(ScimClient.forTenant(small).request("Users/" + taken)
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:"
                            + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Theirs\"}]}"))
                    .header("Content-Type", "application/scim+json"));
            assertEquals(200, meanwhile.status(), meanwhile.text());
            ui.submit("edit:save");
            assertTrue(ui.text("messages").startsWith("Someone else changed this in the meantime"), ui.text("messages"));
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE scim_id = ? AND title = 'Theirs'", taken),
                    "the stale edit changed nothing");

            ui.open("console/users/detail.xhtml?id=no-such-user");
            assertEquals("Page not found", ui.text("error-title"), "an unknown id is the styled 404");
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

    @Test
    void searchFindsWhatStartsWithTheTextAndElseWhatContainsIt() {
        TestTenants.manualUser(tenant, "marie.curie@example.com", "mc@lab.example", "EMP-1867", true);
        TestTenants.manualUser(tenant, "pierre@example.com", "pierre.curie@lab.example", "EMP-1859", true);
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/list.xhtml");
            ui.type("search:q", "EMP-186");
            ui.submit("search:submit");
            assertTrue(ui.text("users").contains("marie.curie@example.com"), "the start of an employee ID");
            assertFalse(ui.text("users").contains("pierre@example.com"));
            assertEquals("1–1 of 1", ui.text("pager:range"));
            assertFalse(ui.present("search-note"));
            ui.type("search:q", "PIERRE.C");
            ui.submit("search:submit");
            assertTrue(ui.text("users").contains("pierre@example.com"), "the start of an email, any case");
            assertEquals("1–1 of 1", ui.text("pager:range"));
            ui.type("search:q", "curie");
            ui.submit("search:submit");
            assertTrue(ui.text("users").contains("marie.curie@example.com"), "nothing starts with it: contains");
            assertTrue(ui.text("users").contains("pierre@example.com"), "an email containing it");
            assertEquals("No user name, email or employee ID starts with this; these contain it.", ui.text("search-note"));
        }
    }

    @Test
    void countsStopAtAThousandPastThePage() {
        TestTenants.bulkUsers(tenant, "bulk", 1010);
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/list.xhtml");
            assertEquals("1–25 of more than 1,000", ui.text("pager:range"));
            assertFalse(ui.present("search-note"), "no note without a search");
            ui.submit("pager:next");
            assertEquals("26–50 of 1,010", ui.text("pager:range"), "counted up to 1,000 past the page's start");
            ui.type("search:q", "bulk");
            ui.submit("search:submit");
            assertEquals("1–25 of more than 1,000", ui.text("pager:range"));
            assertEquals("More than 1,000 users match; refine the search.", ui.text("search-note"));
            ui.type("search:q", "bulk-1");
            ui.submit("search:submit");
            assertEquals("1–25 of 121", ui.text("pager:range"), "bulk-1, -10..19, -100..199, -1000..1009");
            assertTrue(ui.text("users").contains("bulk-1000@example.test"), "by userName: bulk-1000 sorts first");
            assertFalse(ui.present("search-note"));
        }
    }

    @Test
    void aSearchPastItsTimeoutIsAMessageAndThePageStillWorks() throws Exception {
        // a real statement timeout: the users' emails locked by another connection, so the search waits past the test
        // servers' rollcall.console.search.timeout.seconds (TestDatabase); MariaDB only (H2 readers never wait on a lock)
        Assumptions.assumeFalse(TestDatabase.isEmbedded(), "H2 has no table lock that blocks readers");
        TestTenants.manualUser(tenant, "rosalind@example.com", "rf@lab.example", "EMP-1920", true);
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/list.xhtml");
            try (Connection lock = TestDatabase.connect(); Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLES user_multi_value WRITE");
                ui.type("search:q", "rosalind");
                ui.submit("search:submit");
                statement.execute("UNLOCK TABLES");
            }
            assertTrue(ui.text("messages").contains("This search took too long on "), ui.text("messages"));
            assertTrue(ui.text("messages").contains(
                    " users; search for the start of a user name, email or employee number."), ui.text("messages"));
            assertEquals("Users", ui.text("page-title"));
            ui.type("search:q", "rosalind");
            ui.submit("search:submit");
            assertTrue(ui.text("users").contains("rosalind@example.com"), "the same page searches again");
        }
    }

    private long seatsUsed() {
        return TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", tenant.enterpriseId());
    }
}
