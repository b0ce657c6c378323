package com.rollcall.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ServerProcess;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Console sign-in under abuse, over HTTP on a server with a sign-in budget of bursts of 10 per address (the default)
 * refilled slowly: attempts beyond the budget are refused at once, before any password check, saying how long to wait;
 * no attempt is held on a request thread; and failures from other addresses never lock an admin out at the address
 * they last signed in from (here every request comes from 127.0.0.1, the address of the owner's last sign-in).
 */
@ExtendWith(RollcallServer.class)
class LoginStormIT {
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Test
    void theBudgetRefusesAtOnceAndTheOwnerIsNotLockedOutAtTheirAddress() throws Exception {
        Tenant tenant = TestTenants.create("Login storm");
        // bursts of 10 as by default, but a refill slow enough (2 a minute) that a loaded machine cannot keep up with
        java.util.Map<String, String> env = new java.util.HashMap<>(TestDatabase.serverEnvironment("storm"));
        env.put("ROLLCALL_BUDGET_LOGIN_PERMINUTE", "2");
        env.put("ROLLCALL_BUDGET_LOGIN_BURST", "10");
        try (ServerProcess server = ServerProcess.start("login-storm-instance", env)) {
            // the owner signs in once: 127.0.0.1 becomes their last sign-in address
            assertEquals(302, signIn(server, tenant.adminLogin(), tenant.adminPassword()).statusCode());
            // 5 wrong passwords: the account is locked (5 failures in a row) — for others
            for (int i = 0; i < 5; i++) {
                assertTrue(failed(signIn(server, tenant.adminLogin(), "wrong password " + i)));
            }
            assertEquals(302, signIn(server, tenant.adminLogin(), tenant.adminPassword()).statusCode(),
                    "failures never lock the owner out at the address they last signed in from");

            // the burst is 10: keep trying until the budget refuses, at once, before any password check
            HttpResponse<String> throttled = null;
            long millis = 0;
            for (int i = 0; i < 12 && throttled == null; i++) {
                long started = System.nanoTime();
                HttpResponse<String> attempt = signIn(server, tenant.adminLogin(), "wrong again " + i);
                if (attempt.body().contains("Too many sign-in attempts from your address")) {
                    throttled = attempt;
                    millis = (System.nanoTime() - started) / 1_000_000;
                }
            }
            assertTrue(throttled != null, "the per-address budget refused an attempt");
            assertTrue(throttled.body().contains("second"), "it says how long to wait");
            assertTrue(millis < 1_000, "answered at once, not slept on: " + millis + " ms");
        }
    }

    @Test
    void anAccountLockedByFailuresRefusesEvenTheRightPasswordFromAnUnknownAddress() throws Exception {
        Tenant tenant = TestTenants.create("Login lock");
        String neverSignedIn = TestTenants.consoleUser(tenant, "ENTERPRISE_ADMIN");
        // on the shared server (its sign-in budget is raised for the browser tests)
        for (int i = 0; i < 6; i++) {
            assertTrue(failed(signIn(null, neverSignedIn, "wrong " + i)));
        }
        HttpResponse<String> locked = signIn(null, neverSignedIn, tenant.adminPassword());
        assertTrue(failed(locked), "locked: no sign-in address of its own yet, so the lock applies");
        assertFalse(locked.body().contains("Too many sign-in attempts"), "the budget was not what refused it");
    }

    private static boolean failed(HttpResponse<String> response) {
        return response.statusCode() == 200 && response.body().contains("login-messages");
    }

    /** A form sign-in as a browser does it: the page, its view state and session cookie, then the POST. */
    private static HttpResponse<String> signIn(ServerProcess server, String login, String password)
            throws IOException, InterruptedException {
        String base = server == null ? RollcallServer.get().baseUrl() : server.baseUrl();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), page.body());
        String form = "login=login&username=" + encode(login) + "&password=" + encode(password) + "&sign-in=Sign+in"
                + "&jakarta.faces.ViewState=" + encode(viewState.group(1));
        return http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
