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
import org.openqa.selenium.By;

/** The migration checklist with its counts and drill-down lists. */
@ExtendWith(RollcallServer.class)
class ReadinessUiIT {
    @Test
    void showsTheCountsAndTheUsersBehindThem() {
        Tenant tenant = TestTenants.create("Readiness", 3, "scim,admin");
        TestTenants.manualUser(tenant, "no-email", null, null, true);
        TestTenants.manualUser(tenant, "twin-a", "twin@example.com", null, true);
        TestTenants.manualUser(tenant, "twin-b", "TWIN@example.com", null, true);
        assertEquals(201, ScimClient.forTenant(tenant).post("Groups", "{\"displayName\":\"Sales\"}").status());

        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/readiness.xhtml");
            assertEquals("1", ui.text("count-unmatchable"));
            assertEquals("1", ui.text("count-email-clashes"));
            assertEquals("0", ui.text("count-employee-clashes"));
            assertEquals("0", ui.text("license-headroom"));
            assertEquals("1", ui.text("count-unmapped-groups"));
            assertTrue(ui.text("readiness-summary").contains("3 items need attention"), ui.text("readiness-summary"));

            ui.browser.findElement(By.cssSelector("#email-clashes-list summary")).click();
            String clash = ui.text("email-clashes-list");
            assertTrue(clash.contains("twin@example.com") && clash.contains("twin-a") && clash.contains("twin-b"), clash);
            assertTrue(ui.text("advice-email-clashes").contains("Entra ID reports multiple matches and skips the person")
                    && ui.text("advice-email-clashes").contains("Keep the email on the one user who is that person"),
                    ui.text("advice-email-clashes"));
            assertTrue(ui.text("advice-unmatchable").contains("Add an email to each user below"), ui.text("advice-unmatchable"));
            ui.browser.findElement(By.cssSelector("#unmatchable-list summary")).click();
            assertTrue(ui.text("unmatchable-list").contains("no-email"));
            ui.browser.findElement(By.cssSelector("#unmapped-groups-list summary")).click();
            assertTrue(ui.text("unmapped-groups-list").contains("Sales"));
            ui.screenshot("readiness");

            // Issue 16: the settings dialog counts the same open items, from the same report, in the same words.
            ui.open("console/settings.xhtml");
            ui.submit("mode:switch");
            assertEquals("The migration checklist has 3 open items.", ui.text("confirm-readiness-count"));
            String items = ui.text("confirm-readiness-items");
            assertTrue(items.contains("1 manual user cannot be matched") && items.contains("1 email is shared by several users")
                    && items.contains("1 group has no mapping"), items);
            String dialog = ui.text("confirm-connected-dialog");
            assertFalse(dialog.contains("become available"), dialog);
            assertTrue(dialog.contains("under Groups"), dialog);
        }
    }
}
