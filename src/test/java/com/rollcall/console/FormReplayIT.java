package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.events.TestReceiver;
import com.rollcall.testing.ConsoleHttp;
import com.rollcall.testing.Parallel;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A create form sent twice — a double-click, a retry, a resent page — is one submission: whether the copies arrive
 * together or one after the other, the thing is created once, and every answer tells what that one creation did
 * (the client's token, the user's page), never a clash with itself. Over HTTP, so the copies are exact.
 */
@ExtendWith(RollcallServer.class)
class FormReplayIT {
    private static final Pattern TOKEN = Pattern.compile("<code id=\"issued-token\">([^<]+)</code>");

    private final Tenant tenant = TestTenants.create("Replay");

    @Test
    void twoCopiesOfTheCreateClientFormAtOnceCreateOneClientAndBothShowItsToken() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        console.signIn(tenant.adminLogin(), tenant.adminPassword());
        String name = "Twice " + suffix();
        Map<String, String> form = createClientForm(console, name);

        List<ConsoleHttp.Response> answers = Parallel.together(2, i -> console.post("console/api-clients.xhtml", form));

        assertEquals(1, clients(name), "one client for one submission");
        String hash = TestTenants.text("SELECT token_hash FROM api_client WHERE enterprise_id = ? AND name = ?",
                tenant.enterpriseId(), name);
        for (ConsoleHttp.Response answer : answers) {
            assertEquals(200, answer.status(), answer.toString());
            Matcher token = TOKEN.matcher(answer.body());
            assertTrue(token.find(), "each answer shows the token of the client created: " + answer.body());
            assertEquals(hash, ApiTokens.hash(token.group(1)));
            assertFalse(answer.body().contains("already exists"), "no clash with itself");
        }
    }

    @Test
    void theSameFormSentAgainLaterIsAnsweredWithWhatTheFirstDid() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        console.signIn(tenant.adminLogin(), tenant.adminPassword());
        String name = "Again " + suffix();
        Map<String, String> form = createClientForm(console, name);

        ConsoleHttp.Response first = console.post("console/api-clients.xhtml", form);
        ConsoleHttp.Response second = console.post("console/api-clients.xhtml", form);

        assertEquals(1, clients(name));
        assertTrue(TOKEN.matcher(first.body()).find(), first.body());
        assertTrue(second.body().contains("“" + name + "”") || second.body().contains(name), second.body());
        assertFalse(second.body().contains("already exists"), second.body());

        Map<String, String> next = createClientForm(console, name + " bis");
        assertEquals(200, console.post("console/api-clients.xhtml", next).status());
        assertEquals(1, clients(name + " bis"), "the page's next submission is a new one");
    }

    @Test
    void twoCopiesOfTheCreateUserFormBothLeadToTheOneUser() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        console.signIn(tenant.adminLogin(), tenant.adminPassword());
        String userName = "twice." + suffix() + "@example.test";
        Map<String, String> form = ConsoleHttp.form(console.get("console/users/create.xhtml").body(), "create");
        form.put("create:userName", userName);
        form.put("create:submit", "Create user");

        List<ConsoleHttp.Response> answers = Parallel.together(2, i -> console.post("console/users/create.xhtml", form));

        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                + "AND action = 'USER_CREATED' AND resource_name = ?", tenant.enterpriseId(), userName));
        String id = TestTenants.text("SELECT scim_id FROM user_account WHERE enterprise_id = ? AND user_name = ?",
                tenant.enterpriseId(), userName);
        for (ConsoleHttp.Response answer : answers) {
            assertEquals(302, answer.status(), answer.toString());
            assertTrue(answer.header("location").contains("/console/users/detail.xhtml?id=" + id), answer.toString());
        }
    }

    @Test
    void twoCopiesOfTheInviteFormAtOnceInviteOnceAndBothShowTheOneLink() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        console.signIn(tenant.adminLogin(), tenant.adminPassword());
        String email = "invited." + suffix() + "@example.test";
        Map<String, String> form = ConsoleHttp.form(console.get("console/people.xhtml").body(), "invite");
        form.put("invite:email", email);
        form.put("invite:role", "INTEGRATIONS_MANAGER");
        form.put("invite:submit", "Invite");

        List<ConsoleHttp.Response> answers = Parallel.together(2, i -> console.post("console/people.xhtml", form));

        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM console_user WHERE login_key = ?", email));
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                + "AND action = 'CONSOLE_USER_INVITED' AND resource_name = ?", tenant.enterpriseId(), email));
        Pattern link = Pattern.compile("id=\"invitation-link\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*id=\"invitation-link\"");
        String first = null;
        for (ConsoleHttp.Response answer : answers) {
            assertEquals(200, answer.status(), answer.toString());
            Matcher m = link.matcher(answer.body());
            assertTrue(m.find(), "each answer shows the invitation link: " + answer.body());
            String shown = m.group(1) != null ? m.group(1) : m.group(2);
            if (first == null) {
                first = shown;
            }
            assertEquals(first, shown, "one invitation, one link");
            assertFalse(answer.body().contains("already"), "no clash with itself");
        }
    }

    @Test
    void aCopyOfTheSubAccountFormSentLaterCreatesNothingAndSaysSo() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        console.signIn(tenant.adminLogin(), tenant.adminPassword());
        String name = "Region " + suffix();
        Map<String, String> form = ConsoleHttp.form(console.get("console/sub-accounts.xhtml").body(), "create-form");
        form.put("create-form:name", name);
        form.put("create-form:create", "Create");

        ConsoleHttp.Response first = console.post("console/sub-accounts.xhtml", form);
        ConsoleHttp.Response copy = console.post("console/sub-accounts.xhtml", form);

        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM sub_account WHERE enterprise_id = ? AND name = ?",
                tenant.enterpriseId(), name));
        assertTrue(first.body().contains("Created the sub-account"), first.body());
        assertTrue(copy.body().contains("The form was sent twice; it was done once."), copy.body());
        assertFalse(copy.body().contains("already exists"), copy.body());
    }

    @Test
    void twoCopiesOfTheAddWebhookFormAtOnceAddOneEndpointAndBothShowItsSecret() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        console.signIn(tenant.adminLogin(), tenant.adminPassword());
        String url;
        try (TestReceiver receiver = new TestReceiver()) {
            url = receiver.url() + "/" + suffix(); // an allowed URL; nothing is delivered to it here
        }
        Map<String, String> form = ConsoleHttp.form(console.get("console/webhooks.xhtml").body(), "create");
        form.put("create:url", url);
        form.put("create:submit", "Add endpoint");

        List<ConsoleHttp.Response> answers = Parallel.together(2, i -> console.post("console/webhooks.xhtml", form));

        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM webhook_endpoint WHERE enterprise_id = ? AND url = ?",
                tenant.enterpriseId(), url), "one endpoint for one submission");
        String stored = TestTenants.text("SELECT secret FROM webhook_endpoint WHERE enterprise_id = ? AND url = ?",
                tenant.enterpriseId(), url);
        Pattern secret = Pattern.compile("<code id=\"issued-secret\">([^<]+)</code>");
        for (ConsoleHttp.Response answer : answers) {
            assertEquals(200, answer.status(), answer.toString());
            Matcher shown = secret.matcher(answer.body());
            assertTrue(shown.find(), "each answer shows the secret of the endpoint added: " + answer.body());
            assertEquals(stored, shown.group(1));
        }
    }

    private Map<String, String> createClientForm(ConsoleHttp console, String name) {
        Map<String, String> form = ConsoleHttp.form(console.get("console/api-clients.xhtml").body(), "create");
        form.put("create:name", name);
        form.put("create:scopes", "scim");
        form.put("create:submit", "Create client");
        return form;
    }

    private long clients(String name) {
        return TestTenants.number("SELECT COUNT(*) FROM api_client WHERE enterprise_id = ? AND name = ?",
                tenant.enterpriseId(), name);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
