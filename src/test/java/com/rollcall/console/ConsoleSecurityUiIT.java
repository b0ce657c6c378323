package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.testing.Browser;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's defences in a real browser: the pages' scripts (copy buttons, the Faces ajax of the role editor, the
 * password checklist) work under the Content-Security-Policy and the browser reports no violation (every console
 * browser test checks that on closing, {@link Browser#quit}); a double-click on a create button creates once and
 * says what happened; Back does not bring a token or a signed-out console back from history; signing in changes the
 * session id.
 */
@ExtendWith(RollcallServer.class)
class ConsoleSecurityUiIT {
    private final Tenant tenant = TestTenants.create("Defences");

    @Test
    void theScriptsOfThePagesWorkUnderThePolicy() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/api-clients.xhtml");
            ui.type("create:name", "Copy " + suffix());
            ui.submit("create:submit");
            ui.visible("copy-token").click();
            ui.wait.until(d -> "Copied".equals(d.findElement(By.id("copy-token")).getText()));

            ui.open("console/roles/edit.xhtml");
            ui.browser.findElement(By.id("role-form:scope:1")).click();
            ui.wait.until(ExpectedConditions.elementToBeClickable(By.id("role-form:group-manager")));
            ui.browser.findElement(By.cssSelector("#role-form input[value='MANAGE_GROUPS']")).click();
            ui.wait.until(ExpectedConditions.textToBe(By.id("score"), "100"));
            ui.browser.findElement(By.id("role-form:group-manager")).click();
            ui.wait.until(ExpectedConditions.textToBe(By.id("score"), "90"));
            assertEquals(java.util.List.of(), Browser.cspViolations(ui.browser));
        }
        String link = JsonClient.admin(tenant).post("console-users", Json.createObjectBuilder()
                .add("email", "csp." + suffix() + "@example.test").add("role", "INTEGRATIONS_MANAGER").build())
                .json().getJsonObject("invitation").getString("link");
        try (ConsoleUi ui = ConsoleUi.anonymous()) {
            ui.browser.get(link);
            ui.type("invitation:password", "password1234");
            ui.wait.until(d -> "unmet".equals(d.findElement(By.id("rule-classes")).getAttribute("class")));
            assertEquals("met", ui.browser.findElement(By.id("rule-length")).getAttribute("class"));
        }
    }

    @Test
    void aDoubleClickOnCreateClientCreatesOneClientAndShowsItsToken() {
        String name = "Double " + suffix();
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/api-clients.xhtml");
            ui.type("create:name", name);
            WebElement button = ui.visible("create:submit");
            new Actions(ui.browser).doubleClick(button).perform();
            String token = ui.text("issued-token");
            settle();
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM api_client WHERE enterprise_id = ? AND name = ?",
                    tenant.enterpriseId(), name), "one click's worth of clients");
            assertEquals(ApiTokens.hash(token), TestTenants.text("SELECT token_hash FROM api_client WHERE enterprise_id = ? "
                    + "AND name = ?", tenant.enterpriseId(), name), "the token shown is the one client's");
            assertTrue(ui.text("messages").contains("created"), ui.text("messages"));
            ui.screenshot("defences-double-click-client");
        }
    }

    @Test
    void aDoubleClickOnCreateUserCreatesOneUserAndSaysSo() {
        String userName = "double." + suffix() + "@example.test";
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/create.xhtml");
            ui.type("create:userName", userName);
            new Actions(ui.browser).doubleClick(ui.visible("create:submit")).perform();
            ui.wait.until(ExpectedConditions.urlContains("/console/users/detail.xhtml"));
            settle();
            String messages = ui.text("messages");
            assertTrue(messages.contains("User " + userName + " created."), messages);
            assertFalse(ui.browser.getPageSource().contains("already"), "no word of a clash with itself");
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ? AND user_name = ?",
                    tenant.enterpriseId(), userName));
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                    + "AND action = 'USER_CREATED' AND resource_name = ?", tenant.enterpriseId(), userName),
                    "one create, audited once");
        }
    }

    @Test
    void backAfterCreatingAClientDoesNotShowItsTokenAgain() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/api-clients.xhtml");
            ui.type("create:name", "Back " + suffix());
            ui.submit("create:submit");
            String token = ui.text("issued-token");
            ui.submit("nav-dashboard");
            ui.browser.navigate().back();
            settle();
            assertFalse(ui.browser.getPageSource().contains(token), "Back does not bring the token back");
            ui.screenshot("defences-back-after-token");
        }
    }

    @Test
    void backAfterLogoutShowsTheSignInPageNotTheConsole() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/users/list.xhtml");
            ui.visible("signed-in-as");
            ui.submit("logout-form:logout");
            ui.visible("logged-out");
            ui.browser.navigate().back();
            ui.visible("username");
            assertFalse(ui.present("signed-in-as"), "no console page from history: " + ui.browser.getCurrentUrl());
            assertTrue(ui.browser.getCurrentUrl().contains("/login.xhtml"), ui.browser.getCurrentUrl());
            ui.screenshot("defences-back-after-logout");
        }
    }

    @Test
    void signingInChangesTheSessionId() {
        try (ConsoleUi ui = ConsoleUi.anonymous()) {
            ui.open("login.xhtml");
            ui.visible("username");
            Cookie before = ui.browser.manage().getCookieNamed("JSESSIONID");
            assertNotNull(before, "the sign-in page has a session");
            assertTrue(before.isHttpOnly());
            assertEquals("Lax", before.getSameSite());
            ui.visible("username").sendKeys(tenant.adminLogin());
            ui.browser.findElement(By.id("password")).sendKeys(tenant.adminPassword());
            ui.submit("sign-in");
            ui.visible("signed-in-as");
            Cookie after = ui.browser.manage().getCookieNamed("JSESSIONID");
            assertNotEquals(before.getValue(), after.getValue());
            assertEquals("Lax", after.getSameSite());
            assertTrue(after.isHttpOnly());
        }
    }

    /** Lets a second request of a double-click finish on the server before the database is read. */
    private static void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
