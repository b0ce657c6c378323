package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Who sees what: the navigation by role, admin-only pages refused to Integrations Managers, styled 404. */
@ExtendWith(RollcallServer.class)
class ConsoleAccessUiIT {
    /** The navigation an Enterprise Admin sees, in order: element id, label, page, and that page's heading. */
    private static final List<List<String>> ADMIN_NAVIGATION = List.of(
            List.of("nav-dashboard", "Dashboard", "console/dashboard.xhtml", "Dashboard"),
            List.of("nav-settings", "Settings", "console/settings.xhtml", "Settings"),
            List.of("nav-readiness", "Readiness", "console/readiness.xhtml", "Migration readiness"),
            List.of("nav-users", "Users", "console/users/list.xhtml", "Users"),
            List.of("nav-groups", "Groups", "console/groups/list.xhtml", "User groups"),
            List.of("nav-roles", "Roles", "console/roles/list.xhtml", "Roles"),
            List.of("nav-sub-accounts", "Sub-accounts", "console/sub-accounts.xhtml", "Sub-accounts"),
            List.of("nav-api-clients", "API clients", "console/api-clients.xhtml", "API clients"),
            List.of("nav-webhooks", "Webhooks", "console/webhooks.xhtml", "Webhooks"),
            List.of("nav-people", "People", "console/people.xhtml", "People"),
            List.of("nav-audit", "Audit log", "console/audit.xhtml", "Audit log"),
            List.of("nav-export", "Export", "console/export.xhtml", "Backup export"));

    private final Tenant tenant = TestTenants.create("Access");

    @Test
    void enterpriseAdminSeesEveryPageInTheNavigationAndEachLinkLeadsToItsPage() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            assertEquals(ADMIN_NAVIGATION.stream().map(item -> item.subList(0, 3)).toList(), navigation(ui),
                    "the links, their labels and targets, in order");
            ui.screenshot("access-admin-nav");
            for (List<String> item : ADMIN_NAVIGATION) {
                ui.submit(item.get(0));
                assertEquals(item.get(3), ui.text("page-title"), "the page " + item.get(0) + " leads to");
                assertEquals(List.of(item.get(0)), current(ui), "the link marked as the current page on " + item.get(2));
            }
        }
    }

    @Test
    void integrationsManagerSeesOnlyStatusAndApiClientsAndIsRefusedElsewhere() {
        String login = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        try (ConsoleUi ui = ConsoleUi.signIn(login, tenant.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            assertEquals(List.of(ADMIN_NAVIGATION.get(0).subList(0, 3), ADMIN_NAVIGATION.get(7).subList(0, 3)), navigation(ui),
                    "only the dashboard and API clients");
            assertEquals("Integrations Manager", ui.text("signed-in-role"));
            ui.screenshot("access-integrations-manager-nav");

            for (String page : List.of("console/settings.xhtml", "console/users/list.xhtml", "console/audit.xhtml",
                    "console/export.xhtml", "console/readiness.xhtml", "console/groups/list.xhtml", "console/people.xhtml")) {
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
            assertEquals("Page not found", ui.text("error-title"));
            assertFalse(ui.browser.getPageSource().contains("foreign@example.com"));
        }
    }

    @Test
    void aPostWithAnUnknownViewStateGetsTheStyledExpiredPageAndChangesNothing() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/settings.xhtml");
            ((JavascriptExecutor) ui.browser).executeScript(
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
            JavascriptExecutor js = (JavascriptExecutor) ui.browser;
            for (List<String> page : List.of(List.of("console/dashboard.xhtml", "Dashboard"),
                    List.of("console/settings.xhtml", "Settings"), List.of("console/users/list.xhtml", "Users"),
                    List.of("console/users/create.xhtml", "Create a user"), List.of("console/api-clients.xhtml", "API clients"),
                    List.of("console/audit.xhtml", "Audit log"), List.of("console/export.xhtml", "Backup export"),
                    List.of("console/readiness.xhtml", "Migration readiness"), List.of("console/people.xhtml", "People"))) {
                ui.open(page.get(0));
                assertEquals(page.get(1), ui.text("page-title"), page.get(0));
                Object overflow = js.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(((Number) overflow).longValue() <= 0, page.get(0) + " overflows sideways by " + overflow + " px: "
                        + js.executeScript("var w = document.documentElement"
                        + ".clientWidth; return Array.from(document.querySelectorAll('body *')).filter(function (e) { return "
                        + "e.getBoundingClientRect().right > w; }).map(function (e) { return e.tagName + '#' + e.id + '.' "
                        + "+ e.className; }).join(' ');"));
                // issue 16: a narrow window folds the navigation behind the Menu button; opened, every link is shown
                // whole inside the window, one under the other (nothing scrolls sideways)
                WebElement menu = ui.visible("menu-toggle");
                assertFalse(ui.browser.findElement(By.id("console-nav")).isDisplayed(), "folded on " + page.get(0));
                menu.click();
                assertEquals(ADMIN_NAVIGATION.stream().map(item -> item.subList(0, 3)).toList(), navigation(ui),
                        "the whole navigation on " + page.get(0));
                Object unreachable = js.executeScript("var w = document.documentElement.clientWidth; "
                        + "var nav = document.querySelector('.nav'); "
                        + "var bad = Array.from(nav.querySelectorAll('a')).filter(function (a) { var r = a.getBoundingClientRect(); "
                        + "return r.width === 0 || r.height === 0 || r.left < 0 || r.right > w "
                        + "|| getComputedStyle(a).visibility !== 'visible'; }).map(function (a) { return a.id; }); "
                        + "return bad.join(' ');");
                assertEquals("", unreachable, "navigation links not whole in the window on " + page.get(0));
                Object menuOverflow = js.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(((Number) menuOverflow).longValue() <= 0, "the open menu scrolls sideways on " + page.get(0));
                Object covered = js.executeScript("var t = document.getElementById('page-title').getBoundingClientRect(); "
                        + "return Array.from(document.querySelectorAll('.nav a')).filter(function (a) { var r = "
                        + "a.getBoundingClientRect(); return r.left < t.right && t.left < r.right && r.top < t.bottom "
                        + "&& t.top < r.bottom; }).map(function (a) { return a.id; }).join(' ');");
                assertEquals("", covered, "navigation links overlapping the page title on " + page.get(0));
            }
            ui.open("console/users/list.xhtml");
            ui.screenshot("narrow-users");
        }
    }

    /** The navigation's links in order: element id, label, and page (relative to the server root). */
    private static List<List<String>> navigation(ConsoleUi ui) {
        return ui.browser.findElements(By.cssSelector(".nav a")).stream()
                .map(a -> List.of(a.getAttribute("id"), a.getText(), a.getAttribute("href").substring(ui.base.length())))
                .toList();
    }

    /** The ids of the navigation links marked as the current page. */
    private static List<String> current(ConsoleUi ui) {
        return ui.browser.findElements(By.cssSelector(".nav a")).stream()
                .filter(a -> "page".equals(a.getAttribute("aria-current"))).map(a -> a.getAttribute("id")).toList();
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
