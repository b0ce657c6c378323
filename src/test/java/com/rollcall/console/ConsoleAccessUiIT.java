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
    void repeatedFailuresLockTheLoginForAWhileAndSayOnlyThatItFailed() {
        String login = TestTenants.consoleUser(tenant, "ENTERPRISE_ADMIN");
        try (ConsoleUi ui = ConsoleUi.anonymous()) {
            for (int i = 0; i < 5; i++) {
                ui.attemptLogin(login, "wrong password " + i);
                assertTrue(ui.text("login-messages").startsWith("Login failed"));
            }
            ui.attemptLogin(login, tenant.adminPassword());
            assertTrue(ui.text("login-messages").startsWith("Login failed"), "locked: even the right password fails");
            assertTrue(ui.browser.getCurrentUrl().contains("/login.xhtml"));
            assertEquals(5, TestTenants.number("SELECT failed_attempts FROM console_user WHERE login = ?", login),
                    "attempts during the lock are not counted, so the lock does not grow without end");
        }
    }

    @Test
    void anotherEnterprisesUserIsNotFound() {
        Tenant other = TestTenants.create("Other");
        String foreign = TestTenants.manualUser(other, "foreign@example.com", "foreign@example.com", null, true);
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/detail.xhtml?id=" + foreign);
            assertTrue(ui.text("messages").contains("There is no user with this id"));
            assertFalse(ui.browser.getPageSource().contains("foreign@example.com"));
        }
    }

    @Test
    void aPostWithAnUnknownViewStateGetsTheStyledExpiredPageAndChangesNothing() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/settings.xhtml");
            ((org.openqa.selenium.JavascriptExecutor) ui.browser).executeScript(
                    "document.querySelector('#mode input[name=\"jakarta.faces.ViewState\"]').value = '-1:-1';");
            ui.submit("mode:switch");
            assertEquals("Your page has expired", ui.text("error-title"));
            assertFalse(ui.browser.getPageSource().contains("Exception"));
            ui.screenshot("error-expired");
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM enterprise WHERE id = ? AND provisioning_mode = "
                    + "'MANAGED_IN_PLATFORM'", tenant.enterpriseId()));
        }
    }

    @Test
    void pagesFitANarrowWindowWithoutSidewaysScrolling() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.browser.manage().window().setSize(new org.openqa.selenium.Dimension(400, 800));
            for (String page : List.of("console/dashboard.xhtml", "console/settings.xhtml", "console/users/list.xhtml",
                    "console/users/create.xhtml", "console/api-clients.xhtml", "console/audit.xhtml", "console/export.xhtml",
                    "console/readiness.xhtml")) {
                ui.open(page);
                ui.visible("page-title");
                Object overflow = ((org.openqa.selenium.JavascriptExecutor) ui.browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(((Number) overflow).longValue() <= 0, page + " overflows sideways by " + overflow + " px: "
                        + ((org.openqa.selenium.JavascriptExecutor) ui.browser).executeScript("var w = document.documentElement"
                        + ".clientWidth; return Array.from(document.querySelectorAll('body *')).filter(function (e) { return "
                        + "e.getBoundingClientRect().right > w; }).map(function (e) { return e.tagName + '#' + e.id + '.' "
                        + "+ e.className; }).join(' ');"));
                assertTrue(ui.visible("nav-dashboard").isDisplayed(), page);
            }
            ui.open("console/users/list.xhtml");
            ui.screenshot("narrow-users");
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
