package com.rollcall.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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
 * The console's sign-in as its own mechanism (ConsoleAuthentication): the signed-in caller is a session attribute that
 * any instance can read, so these are the behaviours the container's form login gave before and must still give:
 * a page opened signed out leads to the sign-in page and back to that page, the session id changes at sign-in, and
 * signing out ends the session.
 */
@ExtendWith(RollcallServer.class)
class ConsoleSignInIT {
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base = RollcallServer.get().baseUrl();

    @Test
    void aPageOpenedSignedOutLeadsToSignInAndBackToThatPage() throws Exception {
        Tenant tenant = TestTenants.create("Sign-in return");

        HttpResponse<String> page = get("console/users/list.xhtml?q=ann");
        assertEquals(302, page.statusCode());
        assertTrue(location(page).endsWith("/login.xhtml"), location(page));

        HttpResponse<String> signedIn = signIn(tenant.adminLogin(), tenant.adminPassword());
        assertEquals(302, signedIn.statusCode());
        assertTrue(location(signedIn).endsWith("/console/users/list.xhtml?q=ann"), location(signedIn));
        HttpResponse<String> back = get("console/users/list.xhtml?q=ann");
        assertEquals(200, back.statusCode());
        assertTrue(back.body().contains("Test Admin"), "signed in as the tenant's admin");
    }

    @Test
    void signingInRenewsTheSessionAndSigningOutEndsIt() throws Exception {
        Tenant tenant = TestTenants.create("Sign-in session");
        get("login.xhtml");
        String before = sessionId();

        HttpResponse<String> signedIn = signIn(tenant.adminLogin(), tenant.adminPassword());
        assertEquals(302, signedIn.statusCode());
        assertTrue(location(signedIn).endsWith("/console/dashboard.xhtml"), location(signedIn));
        assertNotEquals(before, sessionId(), "a new session id at sign-in (no session fixation)");

        HttpResponse<String> dashboard = get("console/dashboard.xhtml");
        assertEquals(200, dashboard.statusCode());
        HttpResponse<String> out = post("console/dashboard.xhtml", "logout-form=logout-form&logout-form%3Alogout=Log+out"
                + "&jakarta.faces.ViewState=" + encode(viewState(dashboard)));
        assertEquals(302, out.statusCode());
        assertTrue(location(out).contains("/login.xhtml"), location(out));

        HttpResponse<String> after = get("console/dashboard.xhtml");
        assertEquals(302, after.statusCode(), "signed out: the console asks for sign-in again");
        assertTrue(location(after).endsWith("/login.xhtml"), location(after));
    }

    @Test
    void aWrongPasswordSignsNobodyIn() throws Exception {
        Tenant tenant = TestTenants.create("Sign-in wrong");

        HttpResponse<String> failed = signIn(tenant.adminLogin(), "not the password");
        assertEquals(200, failed.statusCode());
        assertTrue(failed.body().contains("login-messages"), "the sign-in page says it failed");
        assertEquals(302, get("console/dashboard.xhtml").statusCode());
    }

    private HttpResponse<String> signIn(String login, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("login.xhtml");
        return post("login.xhtml", "login=login&username=" + encode(login) + "&password=" + encode(password)
                + "&sign-in=Sign+in&jakarta.faces.ViewState=" + encode(viewState(page)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher matcher = VIEW_STATE.matcher(page.body());
        assertTrue(matcher.find(), page.body());
        return matcher.group(1);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
