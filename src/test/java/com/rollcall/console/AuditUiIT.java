package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            assertEquals("1–4 of 4", ui.text("pager:range"));
            assertEquals(List.of("API_CLIENT_CREATED", "USER_PATCHED", "USER_CREATED", "USER_CREATED"), actions(ui),
                    "newest first");

            new Select(ui.visible("filters:action")).selectByValue("USER_PATCHED");
            ui.submit("filters:apply");
            assertEquals(List.of("USER_PATCHED"), actions(ui));
            assertEquals("active", ui.browser.findElement(By.cssSelector("#events .change-field")).getText());
            assertEquals("true", ui.browser.findElement(By.cssSelector("#events pre[title=before]")).getText());
            assertEquals("false", ui.browser.findElement(By.cssSelector("#events pre[title=after]")).getText());
            ui.screenshot("audit-filter-action");

            ui.open("console/audit.xhtml");
            new Select(ui.visible("filters:actorType")).selectByValue("CONSOLE_USER");
            ui.submit("filters:apply");
            assertEquals(List.of("API_CLIENT_CREATED"), actions(ui));
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
            ui.type("filters:from", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
            ui.submit("filters:apply");
            assertEquals("No audit events match these filters.", ui.text("events-empty"), "no event from tomorrow on");
            ui.type("filters:from", firstDay.toString());
            ui.type("filters:to", LocalDate.now(ZoneOffset.UTC).toString());
            ui.submit("filters:apply");
            assertEquals(List.of("API_CLIENT_CREATED", "USER_PATCHED", "USER_CREATED", "USER_CREATED"), actions(ui),
                    "the days from the first event to today (both included) hold every event");
            ui.type("filters:to", firstDay.minusDays(1).toString());
            ui.type("filters:from", firstDay.minusDays(2).toString());
            ui.submit("filters:apply");
            assertEquals("No audit events match these filters.", ui.text("events-empty"), "none before the first event");
            ui.screenshot("audit-log");
        }
    }

    private static List<String> actions(ConsoleUi ui) {
        if (ui.present("events-empty")) {
            return List.of();
        }
        return ui.visible("events").findElements(By.cssSelector("code.action")).stream().map(WebElement::getText).toList();
    }
}
