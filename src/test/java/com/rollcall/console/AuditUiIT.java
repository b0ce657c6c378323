package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The audit log: filters by action, actor, resource and time range; each entry shows before → after. */
@ExtendWith(RollcallServer.class)
class AuditUiIT {
    private final Tenant tenant = TestTenants.create("Audit");

    @Test
    void filtersByActionActorResourceAndTime() {
        // the run may cross midnight (UTC) between the first event and the last check: dates are taken when
        // they are needed, and the range that must hold every event starts on the day of the first one
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC);
        ScimClient scim = ScimClient.forTenant(tenant);
        String ann = scim.post("Users", "{\"userName\":\"ann@example.com\"}").json().getString("id");
        scim.post("Users", "{\"userName\":\"bob@example.com\"}");
        ScimClient.Response patched = scim.send(scim.request("Users/" + ann).method("PATCH", HttpRequest.BodyPublishers.ofString(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"path\":\"active\",\"value\":false}]}")).header("Content-Type", "application/scim+json"));
        assertEquals(200, patched.status(), patched.text());

        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/api-clients.xhtml");
            ui.type("create:name", "Audited client");
            ui.submit("create:submit");

            ui.open("console/audit.xhtml");
            assertEquals("1–5 of 5", ui.text("pager:range"));
            assertEquals(List.of("API_CLIENT_CREATED", "CONSOLE_SIGNED_IN", "USER_PATCHED", "USER_CREATED", "USER_CREATED"),
                    actions(ui), "newest first");
            WebElement created = ui.browser.findElement(By.cssSelector("#events .action"));
            assertEquals("API client created", created.getText(), "the action in words");
            assertEquals("API_CLIENT_CREATED", created.getAttribute("title"), "its code on hover");

            new Select(ui.visible("filters:action")).selectByValue("USER_PATCHED");
            ui.submit("filters:apply");
            assertEquals(List.of("USER_PATCHED"), actions(ui));
            assertTrue(ui.browser.getCurrentUrl().contains("action=USER_PATCHED"), "the filter is in the address: "
                    + ui.browser.getCurrentUrl());
            assertEquals("USER_PATCHED", new Select(ui.visible("filters:action")).getFirstSelectedOption().getAttribute("value"));
            ui.browser.findElement(By.cssSelector("#events details summary")).click();
            assertEquals("active", ui.browser.findElement(By.cssSelector("#events .change-field")).getText());
            assertEquals("true", ui.browser.findElement(By.cssSelector("#events pre[title=before]")).getText());
            assertEquals("false", ui.browser.findElement(By.cssSelector("#events pre[title=after]")).getText());
            ui.screenshot("audit-filter-action");

            ui.open("console/audit.xhtml");
            new Select(ui.visible("filters:actorType")).selectByValue("CONSOLE_USER");
            ui.submit("filters:apply");
            assertEquals(List.of("API_CLIENT_CREATED", "CONSOLE_SIGNED_IN"), actions(ui));
            assertTrue(ui.text("events").contains("Audited client"));

            ui.open("console/audit.xhtml");
            new Select(ui.visible("filters:resourceType")).selectByValue("User");
            ui.type("filters:resourceId", ann);
            ui.submit("filters:apply");
            assertEquals(List.of("USER_PATCHED", "USER_CREATED"), actions(ui));

            ui.open("console/audit.xhtml");
            ui.type("filters:from", "yesterday");
            ui.submit("filters:apply");
            assertTrue(ui.text("filters:from-message").startsWith("Enter a date like"));
            ui.open("console/audit.xhtml?actorType=NOBODY&from=2026-02-30&action=%3Cscript%3E");
            assertEquals("Choose an actor from the list.", ui.text("filters:actorType-message"), "never an error page");
            assertEquals("There is no such date or time.", ui.text("filters:from-message"));
            ui.type("filters:from", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
            ui.submit("filters:apply");
            assertEquals("No audit events match these filters.", ui.text("events-empty"), "no event from tomorrow on");
            ui.type("filters:from", firstDay.toString());
            ui.type("filters:to", LocalDate.now(ZoneOffset.UTC).toString());
            ui.submit("filters:apply");
            assertEquals(List.of("API_CLIENT_CREATED", "CONSOLE_SIGNED_IN", "USER_PATCHED", "USER_CREATED", "USER_CREATED"),
                    actions(ui), "the days from the first event to today (both included) hold every event");
            ui.type("filters:to", firstDay.minusDays(1).toString());
            ui.type("filters:from", firstDay.minusDays(2).toString());
            ui.submit("filters:apply");
            assertEquals("No audit events match these filters.", ui.text("events-empty"), "none before the first event");
            ui.screenshot("audit-log");
        }
    }

    /**
     * Issue 16: console sign-ins, sign-outs and failed sign-ins are in the log (who, from where, when) and can be
     * filtered on; every event shows its request id; a shared address shows the same filtered view.
     */
    @Test
    void signInsAndSignOutsAreRecordedAndTheFilteredViewIsAnAddress() {
        Tenant own = TestTenants.create("AuditSignIn");
        try (ConsoleUi stranger = ConsoleUi.anonymous()) {
            stranger.attemptLogin(own.adminLogin(), "not the password");
        }
        try (ConsoleUi first = ConsoleUi.signIn(own.adminLogin(), own.adminPassword())) {
            first.submit("logout-form:logout");
        }
        try (ConsoleUi ui = ConsoleUi.signIn(own.adminLogin(), own.adminPassword())) {
            ui.open("console/audit.xhtml?resourceType=ConsoleUser");
            assertEquals(List.of("CONSOLE_SIGNED_IN", "CONSOLE_SIGNED_OUT", "CONSOLE_SIGNED_IN", "CONSOLE_SIGN_IN_FAILED"),
                    actions(ui));
            List<WebElement> rows = ui.browser.findElements(By.cssSelector("#events tbody tr"));
            WebElement failed = rows.get(3);
            assertTrue(failed.getText().contains("Console sign-in failed") && failed.getText().contains("from "),
                    "who and from which address: " + failed.getText());
            failed.findElement(By.cssSelector("details summary")).click();
            assertTrue(failed.getText().contains("wrong password"), failed.getText());
            WebElement signedIn = rows.get(0);
            signedIn.findElement(By.cssSelector("details summary")).click();
            assertFalse(signedIn.findElement(By.cssSelector(".caller-address")).getText().isBlank());

            List<String> offered = new Select(ui.visible("filters:action")).getOptions().stream()
                    .map(o -> o.getAttribute("value")).toList();
            assertTrue(offered.containsAll(List.of("CONSOLE_SIGNED_IN", "CONSOLE_SIGNED_OUT", "CONSOLE_SIGN_IN_FAILED",
                    "SUB_ACCOUNT_RENAMED", "SUB_ACCOUNT_DELETED")), offered.toString());

            String shared = ui.base + "console/audit.xhtml?action=CONSOLE_SIGN_IN_FAILED";
            ui.browser.get(shared);
            assertEquals(List.of("CONSOLE_SIGN_IN_FAILED"), actions(ui), "the address alone gives the view");

            ui.open("console/api-clients.xhtml");
            ui.type("create:name", "Request id client");
            ui.submit("create:submit");
            ui.open("console/audit.xhtml?action=API_CLIENT_CREATED");
            WebElement event = ui.browser.findElement(By.cssSelector("#events tbody tr"));
            event.findElement(By.cssSelector("details summary")).click();
            assertTrue(event.findElement(By.cssSelector(".request-id")).getText()
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "the request id is shown");
            ui.screenshot("audit-details");
        }
    }

    private static List<String> actions(ConsoleUi ui) {
        if (ui.present("events-empty")) {
            System.out.println("AuditUiIT: no events at " + ui.browser.getCurrentUrl() + ": "
                    + ui.browser.findElements(By.cssSelector("#messages, .field-error")).stream().map(WebElement::getText).toList());
            return List.of();
        }
        return ui.visible("events").findElements(By.cssSelector(".action")).stream()
                .map(e -> e.getAttribute("data-action")).toList();
    }
}
