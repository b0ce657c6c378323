package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Who sees what: the navigation by role, admin-only pages refused to Integrations Managers, styled 404. */
@ExtendWith(RollcallServer.class)
class ConsoleAccessUiIT {
    private static final List<String> ALL_PAGES = List.of("nav-dashboard", "nav-settings", "nav-readiness", "nav-users",
            "nav-groups", "nav-roles", "nav-sub-accounts", "nav-api-clients", "nav-audit", "nav-export");

    private final Tenant tenant = TestTenants.create("Access");

    @Test
    void enterpriseAdminSeesEveryPageInTheNavigation() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            for (String id : ALL_PAGES) {
                assertTrue(ui.present(id), id);
            }
            assertEquals("page", ui.visible("nav-dashboard").getAttribute("aria-current"));
            ui.screenshot("access-admin-nav");
        }
    }

    @Test
    void integrationsManagerSeesOnlyStatusAndApiClientsAndIsRefusedElsewhere() {
        String login = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        try (ConsoleUi ui = ConsoleUi.signIn(login, tenant.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            List<String> shown = ui.browser.findElements(By.cssSelector(".nav a")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("Dashboard", "API clients"), shown);
            assertTrue(ui.text("signed-in-role").contains("Integrations Manager"));
            ui.screenshot("access-integrations-manager-nav");

            for (String page : List.of("console/settings.xhtml", "console/users/list.xhtml", "console/audit.xhtml",
                    "console/export.xhtml", "console/readiness.xhtml", "console/groups/list.xhtml")) {
                ui.open(page);
                assertEquals("Not available for your role", ui.text("error-title"), page);
            }
            ui.screenshot("access-forbidden");
        }
    }

    @Test
    void unknownPageIsTheStyledNotFoundPage() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/no-such-page.xhtml");
            assertEquals("Page not found", ui.text("error-title"));
            assertFalse(ui.browser.getPageSource().contains("Exception"));
            ui.screenshot("error-404");
        }
    }
}
