package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 16, "the console, second pass": what a new enterprise admin trips on, page by page — finding one's way
 * (the SCIM base URL, names that link, a user's groups), sub-accounts that can be deleted, messages people can
 * read, unknown ids, narrow windows and the keyboard. Each test makes its own enterprise.
 */
@ExtendWith(RollcallServer.class)
class NewAdminUiIT {

    /** A SCIM user in a group mapped to Editor in EMEA. */
    private record Story(Tenant tenant, String annId, String groupId) {
    }

    private static Story story(String label) {
        Tenant tenant = TestTenants.create(label);
        ScimClient scim = ScimClient.forTenant(tenant);
        String ann = scim.post("Users", "{\"userName\":\"ann@" + label.toLowerCase() + ".test\",\"displayName\":\"Ann Archer\"}")
                .json().getString("id");
        String group = scim.post("Groups", "{\"displayName\":\"Sales\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");
        long emea = TestTenants.subAccount(tenant, "EMEA");
        TestTenants.mapGroup(tenant, group, "Editor", emea);
        return new Story(tenant, ann, group);
    }

    @Test
    void everyNameLinksToItsPageAndTheScimBaseUrlIsAlwaysThere() {
        Story s = story("Wayfinding");
        try (ConsoleUi ui = ConsoleUi.signIn(s.tenant().adminLogin(), s.tenant().adminPassword())) {
            ui.open("console/dashboard.xhtml");
            String url = ui.visible("scim-url").getAttribute("value");
            assertTrue(url.startsWith("http") && url.endsWith("/scim/v2/"), url);
            assertTrue(ui.visible("copy-scim-url").isDisplayed(), "the Copy button (js/copy.js shows it)");

            ui.open("console/api-clients.xhtml");
            assertEquals(url, ui.visible("scim-url").getAttribute("value"), "permanently on the API clients page");
            ui.visible("copy-scim-url").click();
            ui.wait.until(d -> "Copied".equals(ui.visible("copy-scim-url").getText()));

            // the user's page lists the groups with their mappings and links to effective access
            ui.open("console/users/detail.xhtml?id=" + s.annId());
            WebElement groups = ui.visible("groups");
            assertTrue(groups.getText().contains("Editor in EMEA"), groups.getText());
            assertTrue(groups.getText().contains("1 member") && !groups.getText().contains("1 members"), groups.getText());
            groups.findElement(By.linkText("Sales")).click();
            ui.wait.until(d -> d.getCurrentUrl().contains("groups/detail.xhtml?id=" + s.groupId()));

            // the group's members link to their pages
            ui.visible("members").findElement(By.linkText("Ann Archer")).click();
            ui.wait.until(d -> d.getCurrentUrl().contains("users/detail.xhtml?id=" + s.annId()));
            ui.visible("effective-access-link").click();
            ui.wait.until(d -> d.getCurrentUrl().contains("effective-access.xhtml?user=" + s.annId()));

            // and effective access leads back to the user and to the groups
            assertTrue(ui.visible("user-groups").getText().contains("Sales"));
            WebElement fromGroup = ui.browser.findElement(By.cssSelector(".candidates a.group-link"));
            assertEquals("Sales", fromGroup.getText());
            ui.visible("to-user").click();
            ui.wait.until(d -> d.getCurrentUrl().contains("users/detail.xhtml?id=" + s.annId()));
        }
    }

    @Test
    void subAccountsCanBeDeletedUnlessMappingsUseThemAndRefusalsLogNoStackTrace() throws IOException {
        Story s = story("SubAccountDelete");
        TestTenants.subAccount(s.tenant(), "Unused");
        TestTenants.subAccount(s.tenant(), "Other");
        try (ConsoleUi ui = ConsoleUi.signIn(s.tenant().adminLogin(), s.tenant().adminPassword())) {
            ui.open("console/sub-accounts.xhtml");
            deleteRow(ui, "EMEA");
            String refused = ui.text("messages");
            assertTrue(refused.contains("cannot be deleted") && refused.contains("Sales")
                    && refused.contains("1 group mapping"), refused);
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM sub_account WHERE enterprise_id = ? AND name = 'EMEA'",
                    s.tenant().enterpriseId()));

            deleteRow(ui, "Unused");
            assertTrue(ui.text("messages").contains("Deleted the sub-account 'Unused'"), ui.text("messages"));
            assertFalse(ui.text("list-form:sub-accounts").contains("Unused"));
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                    + "AND action = 'SUB_ACCOUNT_DELETED' AND resource_name = 'Unused'", s.tenant().enterpriseId()));

            // an expected refusal (a taken name) is a field message and leaves no stack trace in the server log
            Path log = RollcallServer.get().log();
            long before = Files.size(log);
            ui.type("create-form:name", "emea");
            ui.submit("create-form:create");
            assertEquals("A sub-account named 'emea' already exists.", ui.text("create-form:name-message"));
            ui.open("console/sub-accounts.xhtml");
            WebElement rename = rowButton(ui, "Other", "Rename");
            rename.click();
            ui.wait.until(d -> ConsoleUi.gone(rename));
            ui.type("rename-form:new-name", "EMEA");
            ui.submit("rename-form:save");
            assertEquals("A sub-account named 'EMEA' already exists.", ui.text("rename-form:new-name-message"));
            String added = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8)
                    .substring((int) Math.min(before, Files.size(log)));
            assertFalse(added.contains("Exception") || added.contains("\tat "), "no stack trace for a refusal:\n" + added);
        }
    }

    @Test
    void fieldsCarryTheirLimitsAndSayThemPlainly() {
        Story s = story("PlainMessages");
        TestTenants.manualUser(s.tenant(), "bea@plain.test", "bea@plain.test", "E-77", true);
        try (ConsoleUi ui = ConsoleUi.signIn(s.tenant().adminLogin(), s.tenant().adminPassword())) {
            for (String page : List.of("console/users/create.xhtml", "console/api-clients.xhtml", "console/sub-accounts.xhtml",
                    "console/roles/edit.xhtml", "console/people.xhtml", "console/users/list.xhtml", "console/groups/list.xhtml")) {
                ui.open(page);
                for (WebElement input : ui.browser.findElements(By.cssSelector("main input[type=text], main input[type=email], "
                        + "main input[type=search], main textarea"))) {
                    if (input.getAttribute("readonly") == null) {
                        assertNotNull(input.getAttribute("maxlength"), page + ": " + input.getAttribute("id") + " has no maxlength");
                    }
                }
            }
            ui.open("console/users/create.xhtml");
            assertEquals("200", ui.visible("create:givenName").getAttribute("maxlength"));
            ui.type("create:userName", "   ");
            ui.typePastLimit("create:givenName", "g".repeat(201));
            ui.submit("create:submit");
            assertEquals("Given names can be at most 200 characters.", ui.text("create:givenName-message"));
            ui.type("create:givenName", "Gil");
            ui.submit("create:submit");
            assertEquals("Enter a user name.", ui.text("create:userName-message"));
            assertFalse(ui.browser.getPageSource().contains("must not be blank"));

            // a taken user name is a message on its field, not a page banner
            ui.type("create:userName", "BEA@plain.test");
            ui.submit("create:submit");
            assertTrue(ui.text("create:userName-message").contains("already taken"), ui.text("create:userName-message"));
            assertTrue(ui.browser.findElements(By.cssSelector("#messages li")).stream()
                    .noneMatch(li -> li.getText().contains("already taken")), "not a page banner");

            // another user's email and employee ID: warned on the fields, created only when confirmed
            ui.type("create:userName", "cid@plain.test");
            ui.type("create:email", "Bea@Plain.test");
            ui.type("create:employeeNumber", "e-77");
            ui.submit("create:submit");
            assertTrue(ui.text("create:email-message").contains("already bea@plain.test's"), ui.text("create:email-message"));
            assertTrue(ui.text("create:employeeNumber-message").contains("already bea@plain.test's"));
            assertTrue(ui.visible("clash-confirm").getText().contains("Create this user anyway?"));
            assertEquals("Create anyway", ui.visible("create:submit").getAttribute("value"));
            assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ? AND user_name = "
                    + "'cid@plain.test'", s.tenant().enterpriseId()), "nothing created before the confirmation");
            ui.screenshot("users-create-clash");
            ui.submit("create:submit");
            assertTrue(ui.text("messages").contains("User cid@plain.test created."), ui.text("messages"));

            ui.open("console/sub-accounts.xhtml");
            ui.typePastLimit("create-form:name", "n".repeat(201));
            ui.submit("create-form:create");
            assertEquals("Names can be at most 200 characters.", ui.text("create-form:name-message"));
        }
    }

    @Test
    void unknownIdsAreTheStyledNotFoundPage() {
        Story s = story("UnknownIds");
        try (ConsoleUi ui = ConsoleUi.signIn(s.tenant().adminLogin(), s.tenant().adminPassword())) {
            for (String path : List.of("console/roles/edit.xhtml?id=999999", "console/roles/edit.xhtml?id=abc",
                    "console/users/detail.xhtml?id=no-such-user", "console/groups/detail.xhtml?id=no-such-group",
                    "console/groups/deleted.xhtml?id=no-such-group", "console/roles/edit.xhtml?id=%27%3Cb%3E",
                    "console/people.xhtml?id=999999", "console/people.xhtml?id=x")) {
                ui.open(path);
                assertEquals("Page not found", ui.text("error-title"), path);
                assertEquals("Page not found · Rollcall", ui.browser.getTitle(), path);
            }
        }
    }

    @Test
    void narrowWindowsKeepEveryRowsActionAndLabelStackedCells() {
        Story s = story("Narrow");
        try (ConsoleUi ui = ConsoleUi.signIn(s.tenant().adminLogin(), s.tenant().adminPassword())) {
            ui.open("console/api-clients.xhtml");
            ui.type("create:name", "Entra ID provisioning");
            ui.submit("create:submit");
            ui.submit("issued-form:done");
            ui.browser.manage().window().setSize(new Dimension(400, 860));

            ui.open("console/users/list.xhtml");
            WebElement nav = ui.browser.findElement(By.id("console-nav"));
            WebElement menu = ui.visible("menu-toggle");
            assertFalse(nav.isDisplayed(), "the menu is folded");
            assertEquals("false", menu.getAttribute("aria-expanded"));
            menu.click();
            assertTrue(nav.isDisplayed());
            assertEquals("true", menu.getAttribute("aria-expanded"));
            assertTrue(within(ui, nav), "the open menu does not scroll sideways");
            menu.click();
            WebElement status = ui.browser.findElement(By.cssSelector("#users tbody tr td:last-child"));
            assertEquals("Status", status.getAttribute("data-label"));
            assertTrue(within(ui, status), "Status is in view");
            assertNoSidewaysScroll(ui);
            ui.screenshot("users-narrow");

            ui.open("console/api-clients.xhtml");
            WebElement revoke = ui.browser.findElement(By.cssSelector("#clients input[value='Revoke…']"));
            assertTrue(revoke.isDisplayed() && within(ui, revoke), "Revoke is reachable at 400 px");
            assertNoSidewaysScroll(ui);
            ui.screenshot("api-clients-narrow");

            ui.open("console/groups/detail.xhtml?id=" + s.groupId());
            List<String> labels = ui.browser.findElements(By.cssSelector("#members tbody tr td")).stream()
                    .map(td -> td.getAttribute("data-label")).toList();
            assertEquals(List.of("User", "User name", "Status", "Source", "Access"), labels);
            assertNoSidewaysScroll(ui);
            ui.screenshot("group-narrow");
        }
    }

    @Test
    void theApiClientFormComesFirstAndEachRevokeButtonNamesItsClient() {
        Story s = story("Keyboard");
        try (ConsoleUi ui = ConsoleUi.signIn(s.tenant().adminLogin(), s.tenant().adminPassword())) {
            for (String name : List.of("First client", "Second client", "Third client", "Fourth client")) {
                ui.open("console/api-clients.xhtml");
                ui.type("create:name", name);
                ui.submit("create:submit");
            }
            ui.open("console/api-clients.xhtml");
            List<String> names = ui.browser.findElements(By.cssSelector("#clients input[value='Revoke…']")).stream()
                    .map(b -> b.getAttribute("aria-label")).toList();
            assertTrue(names.containsAll(List.of("Revoke First client…", "Revoke Fourth client…")), names.toString());

            ui.browser.findElement(By.tagName("body")).click();
            int tabs = 0;
            while (!"create:name".equals(ui.browser.switchTo().activeElement().getAttribute("id"))) {
                String value = ui.browser.switchTo().activeElement().getAttribute("value");
                assertFalse("Revoke…".equals(value), "a Revoke button before the form");
                new Actions(ui.browser).sendKeys(Keys.TAB).perform();
                assertTrue(++tabs < 25, "the form is reached in a few Tabs");
            }
        }
    }

    private static void deleteRow(ConsoleUi ui, String name) {
        ui.open("console/sub-accounts.xhtml");
        WebElement button = rowButton(ui, name, "Delete…");
        button.click();
        ui.wait.until(d -> ConsoleUi.gone(button));
        ui.submit("confirm-delete:continue");
    }

    private static WebElement rowButton(ConsoleUi ui, String name, String label) {
        return ui.visible("list-form:sub-accounts").findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector(".sub-account-name")).getText().equals(name)).findFirst()
                .orElseThrow().findElement(By.cssSelector("input[value='" + label + "']"));
    }

    private static boolean within(ConsoleUi ui, WebElement element) {
        Number right = (Number) ((JavascriptExecutor) ui.browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.right;", element);
        Number width = (Number) ((JavascriptExecutor) ui.browser).executeScript("return document.documentElement.clientWidth;");
        return right.doubleValue() <= width.doubleValue() + 1;
    }

    private static void assertNoSidewaysScroll(ConsoleUi ui) {
        Number scroll = (Number) ((JavascriptExecutor) ui.browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(scroll.intValue() <= 1, "the page scrolls sideways by " + scroll + " px at " + ui.browser.getCurrentUrl());
    }
}
