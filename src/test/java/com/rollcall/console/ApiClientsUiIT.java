package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** API clients in the console: the token is shown once and works; revocation (confirmed) makes it 401. */
@ExtendWith(RollcallServer.class)
class ApiClientsUiIT {
    private final Tenant tenant = TestTenants.create("ApiClients");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createdTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() throws Exception {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/api-clients.xhtml");
            ui.submit("create:submit");
            assertEquals("Enter a name for the client.", ui.text("create:name-message"));
            assertEquals("true", ui.visible("create:name").getAttribute("aria-invalid"));
            ui.screenshot("api-clients-validation");

            ui.type("create:name", "Entra ID provisioning");
            ui.submit("create:submit");
            String token = ui.text("issued-token");
            assertTrue(token.startsWith("rc_"), token);
            assertEquals(RollcallServer.get().baseUrl() + "scim/v2/", ui.text("scim-base-url"));
            ui.visible("copy-token").click();
            ui.wait.until(d -> "Copied".equals(d.findElement(By.id("copy-token")).getText()));
            ui.screenshot("api-clients-token-once");

            assertEquals(200, scimStatus(token), "the new token works against /scim/v2/Users");

            ui.open("console/api-clients.xhtml");
            ui.visible("clients:client-table");
            assertFalse(ui.present("issued-token"), "the token is gone after reload");
            assertFalse(ui.browser.getPageSource().contains(token), "the token is nowhere on the page");
            assertTrue(rowOf(ui, "Entra ID provisioning").getText().contains("scim"));

            rowOf(ui, "Entra ID provisioning").findElement(By.cssSelector("input[value='Revoke…']")).click();
            assertTrue(ui.text("confirm-revoke-title").contains("Entra ID provisioning"));
            ui.screenshot("api-clients-revoke-confirm");
            ui.submit("confirm-revoke:cancel");
            assertTrue(rowOf(ui, "Entra ID provisioning").getText().contains("Active"), "Cancel keeps the client");
            assertEquals(200, scimStatus(token));

            rowOf(ui, "Entra ID provisioning").findElement(By.cssSelector("input[value='Revoke…']")).click();
            ui.submit("confirm-revoke:continue");
            assertTrue(ui.text("messages").contains("revoked"));
            assertTrue(rowOf(ui, "Entra ID provisioning").getText().contains("Revoked"));
            ui.screenshot("api-clients-revoked");

            assertEquals(401, scimStatus(token), "a revoked token is refused");
        }
    }

    @Test
    void integrationsManagerCreatesScimClientsOnly() {
        String login = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        try (ConsoleUi ui = ConsoleUi.signIn(login, tenant.adminPassword())) {
            ui.open("console/api-clients.xhtml");
            List<String> offered = ui.browser.findElements(By.cssSelector("input[name='create:scopes']")).stream()
                    .map(box -> box.getAttribute("value")).toList();
            assertEquals(List.of("scim"), offered, "an Integrations Manager is offered the scim scope only");
            assertFalse(ui.browser.getPageSource().contains("admin JSON API"), "no admin option anywhere");
            assertTrue(rowOf(ui, "Test IdP").getText().contains("admin"), "the tenant's scim+admin client is listed");
            assertTrue(rowOf(ui, "Test IdP").findElements(By.cssSelector("input[value='Revoke…']")).isEmpty(),
                    "but it cannot be revoked by an Integrations Manager");

            ui.type("create:name", "Okta");
            ui.submit("create:submit");
            assertTrue(ui.text("issued-token").startsWith("rc_"));
            assertTrue(rowOf(ui, "Okta").isDisplayed());
            assertEquals("scim", TestTenants.text("SELECT scopes FROM api_client WHERE enterprise_id = ? AND name = 'Okta'",
                    tenant.enterpriseId()));
        }
    }

    @Test
    void aForgedAdminScopeFromAnIntegrationsManagerIsRefusedAndCreatesNothing() {
        String login = TestTenants.consoleUser(tenant, "INTEGRATIONS_MANAGER");
        try (ConsoleUi ui = ConsoleUi.signIn(login, tenant.adminPassword())) {
            ui.open("console/api-clients.xhtml");
            ui.type("create:name", "Forged admin");
            ((JavascriptExecutor) ui.browser).executeScript("var box = document.createElement('input');"
                    + "box.type = 'checkbox'; box.name = 'create:scopes'; box.value = 'admin'; box.checked = true;"
                    + "document.getElementById('create').appendChild(box);");
            ui.submit("create:submit");
            assertEquals("Choose from the options shown.", ui.text("create:scopes-message"));
            assertFalse(ui.present("issued-token"), "no token was issued");
            ui.screenshot("api-clients-forged-scope");
        }
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM api_client WHERE enterprise_id = ? AND name = 'Forged admin'",
                tenant.enterpriseId()), "nothing was created");
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                + "AND action = 'API_CLIENT_CREATED' AND resource_name = 'Forged admin'", tenant.enterpriseId()));
    }

    @Test
    void anEnterpriseAdminIsOfferedEveryScope() {
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/api-clients.xhtml");
            assertEquals(List.of("scim", "admin", "events"), ui.browser.findElements(By.cssSelector("input[name='create:scopes']"))
                    .stream().map(box -> box.getAttribute("value")).toList());
        }
    }

    private static WebElement rowOf(ConsoleUi ui, String clientName) {
        return ui.visible("clients:client-table").findElement(
                By.xpath(".//tr[.//span[@class='client-name' and text()='" + clientName + "']]"));
    }

    private int scimStatus(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RollcallServer.get().baseUrl() + "scim/v2/Users"))
                .header("Authorization", "Bearer " + token).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
