package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The seeds' setup done by hand in a browser (issue 13, item 3), on an enterprise nobody prepared by SQL: the
 * operator onboards it; its first Enterprise Admin accepts the invitation and invites the IT team's Integrations
 * Manager, who accepts, sees only the dashboard and API clients, and creates the identity provider's SCIM client;
 * the admin switches to Managed in Connected System; the identity provider, with that token, creates users and groups;
 * the admin maps a group; near the license limit the admin asks for more licenses; and when the identity provider
 * deactivates the Integrations Manager's user, their open console session ends at their next click.
 */
@ExtendWith(RollcallServer.class)
class OnboardingStoryUiIT {
    private static final String ADMIN_PASSWORD = "Harbour-lights-at-9pm";
    private static final String MANAGER_PASSWORD = "Seven-blue-kites-fly!";

    @Test
    void theSeedsSetupFromOnboardingToOffboarding() {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String domain = "northwind-" + tag + ".example";
        String adminEmail = "dana.ito@" + domain;
        String managerEmail = "sam.lee@" + domain;

        // 1. The operator onboards the enterprise with 10 licenses and the first admin's invitation.
        ScimClient.Response onboarded = JsonClient.operator().post("enterprises", Json.createObjectBuilder()
                .add("name", "Northwind Traders " + tag).add("licenseLimit", 10)
                .add("firstAdminEmail", adminEmail).add("firstAdminName", "Dana Ito").build());
        assertEquals(201, onboarded.status(), onboarded.toString());
        long enterpriseId = Long.parseLong(onboarded.json().getJsonObject("enterprise").getString("id"));
        String adminLink = onboarded.json().getJsonObject("invitation").getString("link");

        try (ConsoleUi admin = ConsoleUi.anonymous(); ConsoleUi manager = ConsoleUi.anonymous()) {
            // 2. The first admin accepts in the browser and lands on the dashboard.
            accept(admin, adminLink, "Dana Ito", "Enterprise Admin", ADMIN_PASSWORD, "story-invitation");
            assertEquals("Enterprise Admin", admin.text("signed-in-role"));
            assertTrue(admin.text("enterprise-name").startsWith("Northwind Traders"));

            // 3. ... and invites the IT team's Integrations Manager.
            admin.submit("nav-people");
            admin.type("invite:email", managerEmail);
            admin.type("invite:name", "Sam Lee");
            new Select(admin.visible("invite:role")).selectByValue("INTEGRATIONS_MANAGER");
            admin.submit("invite:submit");
            String managerLink = admin.visible("invitation-link").getAttribute("value");
            admin.screenshot("story-people-invited");
            admin.submit("issued-form:done");

            // 4. The Integrations Manager accepts, sees only the dashboard and API clients, and creates the SCIM client.
            accept(manager, managerLink, "Sam Lee", "Integrations Manager", MANAGER_PASSWORD, null);
            assertEquals(List.of("nav-dashboard", "nav-api-clients"), manager.browser.findElements(By.cssSelector(".nav a"))
                    .stream().map(a -> a.getAttribute("id")).toList());
            manager.open("console/people.xhtml");
            assertEquals("Not available for your role", manager.text("error-title"));
            manager.open("console/api-clients.xhtml");
            manager.type("create:name", "Entra ID provisioning");
            manager.submit("create:submit");
            String token = manager.text("issued-token");
            assertEquals(RollcallServer.get().baseUrl() + "scim/v2/", manager.text("scim-base-url"));
            manager.submit("issued-form:done");

            // 5. The admin switches provisioning to the connected system.
            admin.submit("nav-settings");
            admin.submit("mode:switch");
            admin.submit("confirm-connected:continue");
            assertEquals("Managed in Connected System", admin.text("provisioning-mode"));

            // 6. The identity provider, with the Integrations Manager's token, creates users and groups.
            ScimClient scim = new ScimClient(RollcallServer.get().baseUrl() + "scim/v2/", token);
            String samUser = user(scim, managerEmail, "Sam", "Lee");
            List<String> support = new ArrayList<>();
            for (String name : List.of("Ava Stone", "Ben Cole", "Cara Diaz", "Dev Patel", "Eli Novak", "Fay Moss",
                    "Gus Hale", "Ivy Chen")) {
                String[] parts = name.split(" ");
                support.add(user(scim, parts[0].toLowerCase() + "." + parts[1].toLowerCase() + "@" + domain, parts[0], parts[1]));
            }
            group(scim, "Support Team", support);
            group(scim, "IT Integrations", List.of(samUser));

            // 7. The admin maps a group: Support Team are Enterprise Group Managers.
            admin.submit("nav-groups");
            WebElement supportGroup = admin.browser.findElement(By.linkText("Support Team"));
            supportGroup.click();
            admin.awaitGone(supportGroup);
            assertEquals("Support Team", admin.text("page-title"));
            selectStartingWith(admin, "mapping-form:role", "Enterprise Group Manager");
            admin.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-form:add-preview"), "member"));
            admin.submit("mapping-form:add");
            assertEquals("Enterprise Group Manager", admin.text("mappings-form:mappings:0:role"));

            // 8. The people page: the admin, and the Integrations Manager linked to their user by email.
            admin.submit("nav-people");
            assertEquals("Active", PeopleUiIT.status(admin, managerEmail));
            assertEquals("Sam Lee", PeopleUiIT.rowOf(admin, managerEmail).findElement(By.cssSelector(".linked-user")).getText());
            assertEquals("Dana Ito", PeopleUiIT.rowOf(admin, managerEmail).findElement(By.cssSelector(".invited-by")).getText());
            admin.type("invite:name", "Ola Berg");
            PeopleUiIT.invite(admin, "ola.berg@" + domain, "ENTERPRISE_ADMIN");
            admin.submit("issued-form:done");
            admin.screenshot("story-people");

            // 9. Nine of ten licenses in use: the admin asks for more.
            admin.submit("nav-dashboard");
            assertEquals("9", admin.text("license-used"));
            admin.type("license-request:seats", "40");
            admin.type("license-request:note", "Second support shift starts next month.");
            admin.screenshot("story-license-request");
            admin.submit("license-request:submit");
            assertTrue(admin.text("license-request-open").contains("Dana Ito asked for 40 more licenses"),
                    admin.text("license-request-open"));
            admin.screenshot("story-license-request-open");

            // 10. The identity provider deactivates Sam's user: his console session ends at his next click.
            manager.open("console/dashboard.xhtml");
            ScimClient.Response deactivated = scim.send(scim.request("Users/" + samUser)
                    .header("Content-Type", "application/scim+json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                    + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")));
            assertTrue(deactivated.status() == 200 || deactivated.status() == 204, deactivated.toString());
            manager.submit("nav-api-clients");
            assertTrue(manager.browser.getCurrentUrl().contains("login.xhtml?ended=disabled"), manager.browser.getCurrentUrl());
            assertTrue(manager.text("session-ended").contains("disabled"));

            admin.submit("nav-people");
            assertEquals("Disabled", PeopleUiIT.status(admin, managerEmail));
            assertTrue(PeopleUiIT.rowOf(admin, managerEmail).getText().contains("Deactivated in the identity provider"),
                    PeopleUiIT.rowOf(admin, managerEmail).getText());
        }
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = "
                + "'CONSOLE_USER_DISABLED' AND actor_type = 'API_CLIENT' AND resource_name = ?", enterpriseId, managerEmail),
                "the offboarding is audited as the identity provider's doing");
    }

    /** Opens an invitation link, checks whom it invites, chooses the password and lands on the dashboard. */
    private static void accept(ConsoleUi ui, String link, String name, String role, String password, String screenshot) {
        ui.browser.get(link);
        assertEquals("Welcome, " + name, ui.text("invitation-title"));
        assertEquals(role, ui.text("invited-role"));
        ui.type("invitation:password", password.substring(0, 10));
        if (screenshot != null) {
            ui.screenshot(screenshot + "-typing");
        }
        ui.type("invitation:password", password);
        ui.type("invitation:confirmation", password);
        if (screenshot != null) {
            ui.screenshot(screenshot);
        }
        ui.submit("invitation:accept");
        assertEquals("Dashboard", ui.text("page-title"));
        assertTrue(ui.text("signed-in-as").startsWith(name));
    }

    private static String user(ScimClient scim, String email, String given, String family) {
        JsonObject body = Json.createObjectBuilder().add("schemas", Json.createArrayBuilder()
                        .add("urn:ietf:params:scim:schemas:core:2.0:User"))
                .add("userName", email).add("displayName", given + " " + family)
                .add("name", Json.createObjectBuilder().add("givenName", given).add("familyName", family))
                .add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", email)
                        .add("type", "work").add("primary", true)))
                .add("active", true).build();
        ScimClient.Response created = scim.post("Users", body.toString());
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private static void group(ScimClient scim, String name, List<String> members) {
        var list = Json.createArrayBuilder();
        members.forEach(id -> list.add(Json.createObjectBuilder().add("value", id)));
        ScimClient.Response created = scim.post("Groups", Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:schemas:core:2.0:Group"))
                .add("displayName", name).add("members", list).build().toString());
        assertEquals(201, created.status(), created.toString());
    }

    private static void selectStartingWith(ConsoleUi ui, String id, String start) {
        Select select = new Select(ui.visible(id));
        String label = select.getOptions().stream().map(WebElement::getText).filter(t -> t.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no option starting with " + start + " in " + id));
        select.selectByVisibleText(label);
    }
}
