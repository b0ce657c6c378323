package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The people page (Enterprise Admins only): invitations shown once, statuses, role changes and disabling that end
 * the other person's open session at their next click, the refusals in words, a new link that retires the old
 * one, removal after a confirmation, the 403 for Integrations Managers and another enterprise's people not found.
 */
@ExtendWith(RollcallServer.class)
class PeopleUiIT {
    private final Tenant tenant = TestTenants.create("People");

    @Test
    void anInvitationLinkIsShownOnceWithACopyButtonAndTakenEmailsAreRefused() {
        String email = "kim." + suffix() + "@example.test";
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/people.xhtml");
            assertEquals("People", ui.text("page-title"));
            assertTrue(rowOf(ui, tenant.adminLogin()).getText().contains("(you)"));
            ui.submit("invite:submit");
            assertEquals("Enter the email address of the person to invite.", ui.text("invite:email-message"));
            ui.type("invite:email", "not-an-email");
            ui.submit("invite:submit");
            assertTrue(ui.text("invite:email-message").contains("must be an email address"), ui.text("invite:email-message"));
            assertEquals("true", ui.visible("invite:email").getAttribute("aria-invalid"));

            ui.type("invite:email", email);
            ui.type("invite:name", "Kim Lee");
            ui.submit("invite:submit");
            String link = ui.visible("invitation-link").getAttribute("value");
            assertTrue(link.startsWith(RollcallServer.get().baseUrl() + "invitation.xhtml?token=rc_"), link);
            assertEquals(email, ui.text("issued-login"));
            assertTrue(ui.text("messages").contains(email + " is invited."), ui.text("messages"));
            assertTrue(ui.text("mail-status").contains("no mail server is configured"), ui.text("mail-status"));
            ui.visible("copy-link").click();
            ui.wait.until(d -> "Copied".equals(d.findElement(By.id("copy-link")).getText()));
            WebElement row = rowOf(ui, email);
            assertTrue(row.getText().contains("Kim Lee"), row.getText());
            assertTrue(row.getText().contains("Integrations Manager"), row.getText());
            assertEquals("Invited", row.findElement(By.cssSelector(".status")).getText());
            assertTrue(row.getText().contains("link valid until"), row.getText());
            assertTrue(row.getText().contains("Test Admin"), "invited by: " + row.getText());
            ui.screenshot("people-invited");

            ui.open("console/people.xhtml");
            rowOf(ui, email);
            assertFalse(ui.present("invitation-link"), "the link is gone after reload");
            assertFalse(ui.browser.getPageSource().contains(link.substring(link.indexOf("token=") + 6)),
                    "the token is nowhere on the page");

            ui.type("invite:email", email.toUpperCase());
            ui.submit("invite:submit");
            assertTrue(ui.text("invite:email-message").contains("already a console user of this enterprise"),
                    ui.text("invite:email-message"));
            Tenant other = TestTenants.create("Other people");
            ui.type("invite:email", other.adminLogin());
            ui.submit("invite:submit");
            assertTrue(ui.text("invite:email-message").contains("already has a Rollcall console login"),
                    ui.text("invite:email-message"));
            assertFalse(ui.present("invitation-link"));
            assertFalse(ui.browser.getPageSource().contains("Exception"));
        }
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM console_user WHERE login_key = ?", email));
    }

    @Test
    void theListShowsEveryStatusAndTheLinkedUserBothWays() {
        String manager = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        String userId = TestTenants.manualUser(tenant, manager, manager, null, true);
        String locked = TestTenants.consoleUser(tenant, "ENTERPRISE_ADMIN");
        TestTenants.execute("UPDATE console_user SET failed_attempts = 6, last_failed_at = ? WHERE login = ?",
                TestDatabase.utcNow(), locked);
        String expired = "expired." + suffix() + "@example.test";
        String invited = "invited." + suffix() + "@example.test";
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/people.xhtml");
            invite(ui, expired, "ENTERPRISE_ADMIN");
            invite(ui, invited, "INTEGRATIONS_MANAGER");
            TestTenants.execute("UPDATE console_user SET invitation_expires_at = ? WHERE login = ?",
                    TestDatabase.utcNow().minusHours(1), expired);
            press(ui, manager, "Disable");
            press(ui, manager, "Enable");

            ui.open("console/people.xhtml");
            assertEquals("Active", status(ui, tenant.adminLogin()));
            assertEquals("Active", status(ui, manager));
            assertEquals("Locked", status(ui, locked));
            assertEquals("Invited", status(ui, invited));
            assertEquals("Invitation expired", status(ui, expired));
            assertTrue(rowOf(ui, expired).getText().contains("link expired"), rowOf(ui, expired).getText());
            assertEquals("Enterprise Admin", rowOf(ui, locked).findElement(By.cssSelector(".role")).getText());
            assertEquals("Integrations Manager", rowOf(ui, manager).findElement(By.cssSelector(".role")).getText());
            assertEquals("just now", rowOf(ui, tenant.adminLogin()).findElement(By.cssSelector(".last-sign-in")).getText());
            assertEquals("never", rowOf(ui, invited).findElement(By.cssSelector(".last-sign-in")).getText());
            assertTrue(rowOf(ui, expired).findElements(By.cssSelector(".linked-user")).isEmpty(), "no user has that email");
            ui.screenshot("people-statuses");

            WebElement linked = rowOf(ui, manager).findElement(By.cssSelector(".linked-user"));
            assertEquals(manager, linked.getText());
            linked.click();
            ui.awaitGone(linked);
            assertEquals(userId, ui.text("user-id"));
            assertEquals(manager, ui.text("console-login-login"));
            assertEquals("Integrations Manager", ui.text("console-login-role"));
            assertEquals("Active", ui.text("console-login-status"));
            ui.screenshot("users-detail-console-login");

            ui.submit("to-person");
            assertEquals(manager, ui.text("person-login"));
            assertEquals("Integrations Manager", ui.text("person-role"));
            assertTrue(ui.text("person-linked-user").contains(manager));
        }
    }

    @Test
    void roleChangesAndDisablingEndTheOtherPersonsSessionAtTheirNextClick() {
        String other = TestTenants.consoleUser(tenant, "ENTERPRISE_ADMIN");
        try (ConsoleUi admin = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword());
                ConsoleUi them = ConsoleUi.signIn(other, tenant.adminPassword())) {
            them.open("console/dashboard.xhtml");
            admin.open("console/people.xhtml");
            press(admin, other, "Make Integrations Manager");
            assertTrue(admin.text("messages").contains(other + " is now an Integrations Manager"), admin.text("messages"));
            assertEquals("Integrations Manager", rowOf(admin, other).findElement(By.cssSelector(".role")).getText());

            them.submit("nav-users");
            assertTrue(them.browser.getCurrentUrl().contains("login.xhtml?ended=role_changed"), them.browser.getCurrentUrl());
            assertTrue(them.text("role-changed").contains("Your console role has changed"));
            signInAgain(them, other);
            assertEquals("Integrations Manager", them.text("signed-in-role"));
            assertFalse(them.present("nav-users"), "an Integrations Manager's navigation");

            press(admin, other, "Disable");
            assertTrue(admin.text("messages").contains(other + " is disabled"), admin.text("messages"));
            assertEquals("Disabled", status(admin, other));
            assertTrue(rowOf(admin, other).getText().contains("Disabled by Test Admin"), rowOf(admin, other).getText());

            them.submit("nav-api-clients");
            assertTrue(them.browser.getCurrentUrl().contains("login.xhtml?ended=disabled"), them.browser.getCurrentUrl());
            assertTrue(them.text("session-ended").contains("your console access was disabled"), them.text("session-ended"));
            them.screenshot("people-session-ended");
            them.attemptLogin(other, tenant.adminPassword());
            assertTrue(them.text("login-messages").startsWith("Login failed"), "a disabled login cannot sign in");

            press(admin, other, "Enable");
            assertEquals("Active", status(admin, other));
            signInAgain(them, other);
            assertEquals("Integrations Manager", them.text("signed-in-role"));
        }
        List<String> actions = List.of("CONSOLE_USER_ROLE_CHANGED", "CONSOLE_USER_DISABLED", "CONSOLE_USER_ENABLED");
        for (String action : actions) {
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = ? "
                    + "AND resource_name = ? AND actor_id = ?", tenant.enterpriseId(), action, other, tenant.adminLogin()), action);
        }
    }

    @Test
    void refusalsAreShownInWordsAndChangeNothing() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/people.xhtml");
            press(ui, tenant.adminLogin(), "Make Integrations Manager");
            assertTrue(ui.text("messages").contains("is the enterprise's last active Enterprise Admin"), ui.text("messages"));
            ui.screenshot("people-refusal-last-admin");

            press(ui, tenant.adminLogin(), "Disable");
            assertEquals("You cannot disable yourself: ask another Enterprise Admin.", ui.text("messages"));

            press(ui, tenant.adminLogin(), "Remove…");
            ui.submit("confirm-remove:continue");
            assertEquals("You cannot remove yourself: ask another Enterprise Admin.", ui.text("messages"));
            assertFalse(ui.browser.getPageSource().contains("Exception"));

            assertEquals("Active", status(ui, tenant.adminLogin()));
            assertEquals("Enterprise Admin", rowOf(ui, tenant.adminLogin()).findElement(By.cssSelector(".role")).getText());
        }
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action LIKE "
                + "'CONSOLE_USER_%'", tenant.enterpriseId()), "nothing was changed");
    }

    @Test
    void aNewLinkRetiresTheOldOne() {
        String email = "resend." + suffix() + "@example.test";
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/people.xhtml");
            String first = invite(ui, email, "INTEGRATIONS_MANAGER");
            press(ui, email, "New link");
            String second = ui.visible("invitation-link").getAttribute("value");
            assertNotEquals(first, second);
            assertTrue(ui.text("messages").contains("the previous link no longer works"), ui.text("messages"));
            assertTrue(ui.text("issued-title").contains("Invitation link for"));

            ui.open(first.substring(ui.base.length()));
            assertTrue(ui.text("invitation-problem").contains("This invitation link is not valid"),
                    ui.text("invitation-problem"));
            ui.open(second.substring(ui.base.length()));
            assertEquals(email, ui.text("invited-login"));
        }
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                + "AND action = 'CONSOLE_USER_INVITATION_RESENT' AND resource_name = ?", tenant.enterpriseId(), email));
    }

    @Test
    void removingAsksFirstAndTakesTheLoginAway() {
        String manager = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/people.xhtml");
            press(ui, manager, "Remove…");
            assertEquals("Remove " + manager + "?", ui.text("confirm-remove-title"));
            ui.screenshot("people-remove-confirm");
            ui.submit("confirm-remove:cancel");
            assertEquals("Active", status(ui, manager), "Cancel keeps them");

            press(ui, manager, "Remove…");
            ui.submit("confirm-remove:continue");
            assertTrue(ui.text("messages").contains(manager + " is removed"), ui.text("messages"));
            assertTrue(ui.browser.findElements(By.xpath("//span[@class='login' and text()='" + manager + "']")).isEmpty());
        }
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM console_user WHERE login = ?", manager));
        try (ConsoleUi ui = ConsoleUi.anonymous()) {
            ui.attemptLogin(manager, tenant.adminPassword());
            assertTrue(ui.text("login-messages").startsWith("Login failed"));
        }
    }

    @Test
    void anIntegrationsManagerGetsTheStyled403() {
        String manager = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        try (ConsoleUi ui = ConsoleUi.signIn(manager, tenant.adminPassword())) {
            assertFalse(ui.present("nav-people"));
            ui.open("console/people.xhtml");
            assertEquals("Not available for your role", ui.text("error-title"));
            assertFalse(ui.browser.getPageSource().contains(tenant.adminLogin()));
        }
    }

    @Test
    void anotherEnterprisesConsoleUserIsNotFound() {
        Tenant other = TestTenants.create("Foreign people");
        long foreignId = TestTenants.number("SELECT id FROM console_user WHERE login = ?", other.adminLogin());
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/people.xhtml?id=" + foreignId);
            assertEquals("Page not found", ui.text("error-title"), "another enterprise's person: the styled 404");
            assertFalse(ui.present("person"));
            assertFalse(ui.browser.getPageSource().contains(other.adminLogin()));

            long ownId = TestTenants.number("SELECT id FROM console_user WHERE login = ?", tenant.adminLogin());
            ui.open("console/people.xhtml?id=" + ownId);
            assertEquals(tenant.adminLogin(), ui.text("person-login"), "the same page finds the enterprise's own");
        }
    }

    /** Invites through the form and answers the link shown. */
    static String invite(ConsoleUi ui, String email, String role) {
        ui.type("invite:email", email);
        new org.openqa.selenium.support.ui.Select(ui.visible("invite:role")).selectByValue(role);
        ui.submit("invite:submit");
        return ui.visible("invitation-link").getAttribute("value");
    }

    /** Presses a row's button (by its label) and waits for the page to come back. */
    static void press(ConsoleUi ui, String login, String label) {
        WebElement button = rowOf(ui, login).findElement(By.cssSelector("input[value='" + label + "']"));
        button.click();
        ui.awaitGone(button);
        ui.visible("page-title");
    }

    static WebElement rowOf(ConsoleUi ui, String login) {
        return ui.visible("people:people-table").findElement(
                By.xpath(".//tr[.//span[@class='login' and text()='" + login + "']]"));
    }

    static String status(ConsoleUi ui, String login) {
        return rowOf(ui, login).findElement(By.cssSelector(".status")).getText();
    }

    private void signInAgain(ConsoleUi ui, String login) {
        ui.type("username", login);
        ui.type("password", tenant.adminPassword());
        ui.submit("sign-in");
        ui.visible("signed-in-as");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
