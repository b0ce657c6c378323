package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.people.PasswordPolicy;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The invitation page: who is invited, the password checklist that follows the typing (and agrees with the server's
 * rule), the server's words for a weak password, signing in on acceptance, and a used, expired or unknown link that
 * says only that. The page is kept out of caches and referrers.
 */
@ExtendWith(RollcallServer.class)
class InvitationUiIT {
    private static final String STRONG = "Blue-kettle-47-sings";

    private final Tenant tenant = TestTenants.create("Invitation");

    @Test
    void aWeakPasswordShowsTheChecklistAndTheServersWords() throws Exception {
        String email = "weak." + suffix() + "@example.test";
        String link = invite(email, "Wendy Weak", "ENTERPRISE_ADMIN");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), "the token is in the address");
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));

        try (ConsoleUi ui = ConsoleUi.anonymous()) {
            ui.browser.get(link);
            assertEquals("Welcome, Wendy Weak", ui.text("invitation-title"));
            assertEquals(email, ui.text("invited-login"));
            assertEquals("Enterprise Admin", ui.text("invited-role"));
            assertEquals(List.of("", "", "", "", ""), marks(ui).values().stream().toList(), "nothing typed, nothing marked");

            ui.type("invitation:password", "password1234");
            assertEquals(Map.of("length", "met", "classes", "unmet", "repeat", "met", "common", "unmet", "name", "met"),
                    marks(ui));
            ui.screenshot("invitation-weak");
            ui.type("invitation:confirmation", "password1234");
            ui.submit("invitation:accept");
            String message = ui.text("invitation:password-message");
            assertTrue(message.contains(PasswordPolicy.CLASSES_RULE) && message.contains(PasswordPolicy.COMMON_RULE), message);
            assertEquals("true", ui.visible("invitation:password").getAttribute("aria-invalid"));
            assertTrue(ui.browser.getCurrentUrl().contains("invitation.xhtml"));
            assertFalse(ui.present("signed-in-as"));
        }
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM console_user WHERE login = ? AND password_hash IS NULL",
                email), "no password was set");
    }

    /** The script mirrors the server's rule: for each password, the unmet items are exactly the server's problems. */
    @Test
    void theChecklistAgreesWithTheServersRule() {
        String suffix = suffix();
        String email = "kim.lee." + suffix + "@example.test";
        String link = invite(email, "Kim Lee", "INTEGRATIONS_MANAGER");
        Map<String, String> rules = Map.of("length", PasswordPolicy.LENGTH_RULE, "classes", PasswordPolicy.CLASSES_RULE,
                "repeat", PasswordPolicy.REPEAT_RULE, "common", PasswordPolicy.COMMON_RULE, "name", PasswordPolicy.NAME_RULE);
        List<String> disagreements = new ArrayList<>();
        try (ConsoleUi ui = ConsoleUi.anonymous()) {
            ui.browser.get(link);
            for (String password : List.of("short", "Aa1!short", "lowercaseonly12", "UPPER-lower-99", "aaaaaaaaaaaA1!",
                    "abababababab", "Password123!", "Welcome1!!!!", "P@ssw0rd2024", "qwertyuiop#1", "My-kimlee-pass1",
                    "KIMLEE-Secret-9", "correct horse battery staple", "passwordpasswordpassword", "Ünïcödé-wörd-12",
                    "ÄÖÜäöü123456", "日本語のパスワードです12345", "Tr0ub4dor&3x", STRONG, "zzzzzzzzzzzzzzzzzzzzzz", "Zz9-KimLee" + suffix, "kim.lee." + suffix + "@Q1")) {
                ui.type("invitation:password", password);
                List<String> unmet = marks(ui).entrySet().stream().filter(e -> e.getValue().equals("unmet"))
                        .map(e -> rules.get(e.getKey())).toList();
                List<String> server = PasswordPolicy.problems(password, email);
                boolean agree = password.length() < PasswordPolicy.MIN_LENGTH
                        ? server.equals(List.of(PasswordPolicy.LENGTH_RULE)) && unmet.contains(PasswordPolicy.LENGTH_RULE)
                        : unmet.equals(server);
                if (!agree) {
                    disagreements.add(password + ": page " + unmet + ", server " + server);
                }
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void aStrongPasswordSignsInOnTheDashboardAndTheLinkIsThenUsed() {
        String email = "strong." + suffix() + "@example.test";
        String link = invite(email, "Sam Strong", "INTEGRATIONS_MANAGER");
        try (ConsoleUi ui = ConsoleUi.anonymous()) {
            ui.browser.get(link);
            ui.type("invitation:password", STRONG);
            assertEquals(Map.of("length", "met", "classes", "met", "repeat", "met", "common", "met", "name", "met"), marks(ui));
            ui.screenshot("invitation");
            ui.type("invitation:confirmation", STRONG + "x");
            ui.submit("invitation:accept");
            assertEquals("The two passwords differ: type the same password twice.",
                    ui.text("invitation:confirmation-message"));

            ui.type("invitation:password", STRONG);
            ui.type("invitation:confirmation", STRONG);
            ui.submit("invitation:accept");
            assertEquals("Dashboard", ui.text("page-title"));
            assertTrue(ui.browser.getCurrentUrl().endsWith("/console/dashboard.xhtml"), ui.browser.getCurrentUrl());
            assertTrue(ui.text("signed-in-as").startsWith("Sam Strong"));
            assertEquals("Integrations Manager", ui.text("signed-in-role"));

            ui.browser.get(link);
            assertTrue(ui.text("invitation-problem").startsWith("This invitation was already used."),
                    ui.text("invitation-problem"));
            assertFalse(ui.present("invitation:password"), "a used link offers no form");
        }
        try (ConsoleUi ui = ConsoleUi.signIn(email, STRONG)) {
            assertTrue(ui.text("signed-in-as").startsWith("Sam Strong"), "the chosen password signs in");
        }
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = "
                + "'CONSOLE_USER_INVITATION_ACCEPTED' AND actor_id = ?", tenant.enterpriseId(), email));
    }

    @Test
    void anExpiredLinkSaysSoAndNothingElse() {
        String email = "late." + suffix() + "@example.test";
        String link = invite(email, "Lee Late", "INTEGRATIONS_MANAGER");
        TestTenants.execute("UPDATE console_user SET invitation_expires_at = ? WHERE login = ?",
                TestDatabase.utcNow().minusMinutes(1), email);
        try (ConsoleUi ui = ConsoleUi.anonymous()) {
            ui.browser.get(link);
            assertTrue(ui.text("invitation-problem").startsWith("This invitation has expired"), ui.text("invitation-problem"));
            assertFalse(ui.present("invitation:password"));
            assertFalse(ui.browser.getPageSource().contains(email), "the page does not say whom it was for");
            assertFalse(ui.browser.getPageSource().contains("Lee Late"));
            ui.screenshot("invitation-expired");
        }
    }

    @Test
    void anUnknownOrMissingTokenIsNotValid() {
        try (ConsoleUi ui = ConsoleUi.anonymous()) {
            for (String path : List.of("invitation.xhtml?token=rc_" + "x".repeat(43), "invitation.xhtml?token=nonsense",
                    "invitation.xhtml")) {
                ui.open(path);
                assertEquals("This invitation link is not valid. Check that it was copied whole, or ask for a new one.",
                        ui.text("invitation-problem"), path);
                assertFalse(ui.present("invitation:password"), path);
                assertFalse(ui.browser.getPageSource().contains("Exception"), path);
            }
        }
    }

    /** The checklist's marks by rule: "met", "unmet", or "" before anything is typed. */
    private static Map<String, String> marks(ConsoleUi ui) {
        Map<String, String> marks = new LinkedHashMap<>();
        ui.browser.findElements(By.cssSelector("#password-rules li")).forEach(item ->
                marks.put(item.getAttribute("data-rule"), item.getAttribute("class") == null ? "" : item.getAttribute("class")));
        return marks;
    }

    /** Invites through the admin API and answers the one-time link. */
    private String invite(String email, String name, String role) {
        ScimClient.Response invited = JsonClient.admin(tenant).post("console-users", Json.createObjectBuilder()
                .add("email", email).add("displayName", name).add("role", role).build());
        assertEquals(201, invited.status(), invited.toString());
        return invited.json().getJsonObject("invitation").getString("link");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
