package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The dashboard: license usage and the banner after refusals, the activity chart, the API clients' last calls. */
@ExtendWith(RollcallServer.class)
class DashboardUiIT {
    @Test
    void licenseBannerAppearsWithTheRefusalCountOnceTheLimitIsHit() {
        Tenant tenant = TestTenants.create("Dashboard", 2, "scim,admin");
        ScimClient scim = ScimClient.forTenant(tenant);
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/dashboard.xhtml");
            assertFalse(ui.present("license-banner"), "no banner below the limit");
            assertEquals("0", ui.text("license-used"));

            for (int i = 0; i < 4; i++) {
                ScimClient.Response response = scim.post("Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"seat" + i + "@example.com\"}");
                assertEquals(i < 2 ? 201 : 403, response.status(), response.text());
            }
            scim.send(scim.request("Users/" + firstUserId(tenant)).method("PATCH",
                    java.net.http.HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Engineer\"}]}"))
                    .header("Content-Type", "application/scim+json"));

            ui.open("console/dashboard.xhtml");
            String banner = ui.text("license-banner");
            assertTrue(banner.contains("2 of 2 licenses are in use"), banner);
            assertEquals("2 provisioning requests were refused", ui.text("refused-count"));
            assertTrue(banner.contains("the last at 20"), banner);
            assertEquals("2", ui.text("activity-24h-creates"));
            assertEquals("1", ui.text("activity-24h-updates"));
            assertEquals("2", ui.text("activity-24h-refusals"));
            assertEquals(3, ui.browser.findElements(By.cssSelector("#activity-24h rect.creates, #activity-24h rect.updates, "
                    + "#activity-24h rect.refusals")).size(), "the current hour's bar is stacked from three kinds");
            assertTrue(ui.text("client-calls").contains("Test IdP"));
            assertEquals("just now", ui.browser.findElement(By.cssSelector("#client-calls .last-call")).getText());
            ui.screenshot("dashboard-license-banner");
        }
    }

    private static String firstUserId(Tenant tenant) {
        ScimClient.Response list = ScimClient.forTenant(tenant).get("Users?filter=" + java.net.URLEncoder.encode(
                "userName eq \"seat0@example.com\"", java.nio.charset.StandardCharsets.UTF_8));
        return list.json().getJsonArray("Resources").getJsonObject(0).getString("id");
    }
}
