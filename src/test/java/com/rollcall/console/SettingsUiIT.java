package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/** The provisioning-mode toggle with its confirmation in both directions; the identifier rule. */
@ExtendWith(RollcallServer.class)
class SettingsUiIT {
    private final Tenant tenant = TestTenants.create("Settings");

    @Test
    void switchingModeAsksForConfirmationBothWaysAndCancelKeepsTheMode() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/settings.xhtml");
            assertEquals("Managed in Platform", ui.text("provisioning-mode"));

            ui.submit("mode:switch");
            assertEquals("Switching to the connected system", ui.text("confirm-connected-title"));
            assertFalse(ui.present("mode:switch"), "the toggle waits for the answer");
            ui.screenshot("settings-confirm-connected");
            ui.submit("confirm-connected:cancel");
            assertEquals("Managed in Platform", ui.text("provisioning-mode"), "Cancel keeps the mode");
            assertEquals("MANAGED_IN_PLATFORM", mode());

            ui.submit("mode:switch");
            ui.submit("confirm-connected:continue");
            assertEquals("Managed in Connected System", ui.text("provisioning-mode"));
            assertTrue(ui.text("messages").contains("Managed in Connected System"));
            assertEquals("MANAGED_IN_CONNECTED_SYSTEM", mode());
            ui.screenshot("settings-connected");

            ui.submit("mode:switch");
            assertEquals("Switching back to Managed in Platform", ui.text("confirm-platform-title"));
            assertTrue(ui.text("overwrite-warning").contains("may overwrite manual changes"));
            ui.screenshot("settings-confirm-platform");
            ui.submit("confirm-platform:cancel");
            assertEquals("Managed in Connected System", ui.text("provisioning-mode"), "Cancel keeps the mode");

            ui.submit("mode:switch");
            ui.submit("confirm-platform:continue");
            assertEquals("Managed in Platform", ui.text("provisioning-mode"));
            assertEquals("MANAGED_IN_PLATFORM", mode());
            assertEquals(2, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                    + "AND action = 'PROVISIONING_MODE_CHANGED'", tenant.enterpriseId()), "each switch is audited once");
        }
    }

    @Test
    void identifierRuleIsSaved() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/settings.xhtml");
            new Select(ui.visible("identifier:rule")).selectByValue("EMPLOYEE_ID");
            ui.submit("identifier:save");
            assertTrue(ui.text("messages").contains("employee ID"));
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM enterprise WHERE id = ? AND identifier_rule = 'EMPLOYEE_ID'",
                    tenant.enterpriseId()));
            assertTrue(ui.text("license-limit").contains("1000"));
            ui.screenshot("settings");
        }
    }

    private String mode() {
        return TestTenants.number("SELECT COUNT(*) FROM enterprise WHERE id = ? AND provisioning_mode = 'MANAGED_IN_PLATFORM'",
                tenant.enterpriseId()) == 1 ? "MANAGED_IN_PLATFORM" : "MANAGED_IN_CONNECTED_SYSTEM";
    }
}
