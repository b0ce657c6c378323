package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.events.TestReceiver;
import com.rollcall.events.WebhookSignature;
import com.rollcall.testing.Await;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Webhooks in the console: an endpoint is added (its secret shown once, and it signs what the receiver gets), its
 * recent deliveries show status, response code and latency, and one can be sent again; a refused URL is a field error.
 * The add form is one submission: sent again with its token, it adds nothing and shows the one endpoint's secret.
 */
@ExtendWith(RollcallServer.class)
class WebhooksUiIT {
    private final Tenant tenant = TestTenants.create("Webhooks console");

    @Test
    void addAnEndpointSeeItsDeliveriesAndResendOne() {
        try (TestReceiver receiver = new TestReceiver();
             ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/webhooks.xhtml");
            ui.type("create:url", "ftp://example.com/hooks");
            ui.submit("create:submit");
            assertTrue(ui.text("create:url-message").contains("http or https"), ui.text("create:url-message"));

            ui.type("create:url", receiver.url());
            ui.submit("create:submit");
            String secret = ui.text("issued-secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            ui.screenshot("webhooks-secret-once");
            ui.submit("issued-form:done");
            assertFalse(ui.browser.getPageSource().contains(secret), "the secret is gone once dismissed");

            ScimClient.Response created = ScimClient.forTenant(tenant).post("Users", "{\"userName\":\"console-hook@example.test\"}");
            assertEquals(201, created.status());
            TestReceiver.Received got = Await.until("the delivery", Duration.ofSeconds(30), receiver::delivered,
                    d -> !d.isEmpty()).get(0);
            assertTrue(WebhookSignature.verify(secret, got.signature(), got.body(), Instant.now().getEpochSecond(), 300));

            ui.open("console/webhooks.xhtml");
            row(ui, receiver.url()).findElement(By.cssSelector("input[value='Deliveries']")).click();
            String deliveries = ui.text("delivery-form:delivery-table");
            assertTrue(deliveries.contains("user.created") && deliveries.contains("Delivered") && deliveries.contains("200")
                    && deliveries.contains("ms"), deliveries);
            ui.browser.findElement(By.cssSelector("#deliveries input[value='Resend']")).click();
            assertTrue(ui.text("messages").contains("sent again"), ui.text("messages"));
            assertTrue(ui.text("delivery-form:delivery-table").contains("(resent)"));
            ui.screenshot("webhooks-deliveries");
            assertEquals(2, receiver.received().size());
            assertEquals(receiver.received().get(0).eventId(), receiver.received().get(1).eventId());
        }
    }

    @Test
    void theAddFormSentAgainWithItsTokenAddsOneEndpointAndSaysSo() {
        try (TestReceiver receiver = new TestReceiver();
             ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/webhooks.xhtml");
            String token = ui.visible("create").findElement(By.name("submission")).getAttribute("value");
            ui.type("create:url", receiver.url());
            ui.type("create:description", "Sent twice");
            ui.submit("create:submit");
            String secret = ui.text("issued-secret");
            assertFalse(ui.text("messages").contains("sent twice"), ui.text("messages"));
            assertEquals(1, endpoints(receiver.url()));

            // the same form again, as a resent page or a copy of it brings it: its one-time token with it
            ui.open("console/webhooks.xhtml");
            WebElement field = ui.visible("create").findElement(By.name("submission"));
            assertFalse(token.equals(field.getAttribute("value")), "each page has a token of its own");
            ((JavascriptExecutor) ui.browser).executeScript("arguments[0].value = arguments[1];", field, token);
            ui.type("create:url", receiver.url());
            ui.type("create:description", "Sent twice");
            ui.submit("create:submit");
            assertEquals(secret, ui.text("issued-secret"), "the copy shows the one endpoint's secret");
            assertTrue(ui.text("messages").contains("The form was sent twice; it was done once."), ui.text("messages"));
            ui.screenshot("webhooks-sent-twice");
            assertEquals(1, endpoints(receiver.url()), "one endpoint for one submission");
            assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                    + "AND action = 'WEBHOOK_CREATED'", tenant.enterpriseId()));

            ui.submit("issued-form:done");
            ui.type("create:url", receiver.url() + "/second");
            ui.submit("create:submit");
            assertFalse(ui.text("messages").contains("sent twice"), "the page's next submission is a new one");
            assertEquals(1, endpoints(receiver.url() + "/second"));
        }
    }

    private long endpoints(String url) {
        return TestTenants.number("SELECT COUNT(*) FROM webhook_endpoint WHERE enterprise_id = ? AND url = ?",
                tenant.enterpriseId(), url);
    }

    private static WebElement row(ConsoleUi ui, String url) {
        return ui.browser.findElements(By.cssSelector("#endpoints tr")).stream()
                .filter(tr -> tr.getText().contains(url)).findFirst().orElseThrow();
    }
}
