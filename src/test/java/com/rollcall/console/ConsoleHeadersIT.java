package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.ConsoleHttp;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's defences as the server sends them, over plain HTTP: every page (the login and invitation pages too)
 * and every download carries a Content-Security-Policy without inline script, nosniff, a referrer policy, framing
 * refused in agreement with X-Frame-Options, and {@code Cache-Control: no-store}; the pages hold no inline script,
 * event handler or style for the policy to refuse; the session cookie is HttpOnly and SameSite=Lax, Secure only over
 * TLS (a forwarded https from an untrusted peer changes nothing), and a new one is issued at sign-in.
 */
@ExtendWith(RollcallServer.class)
class ConsoleHeadersIT {
    private static final List<String> PAGES = List.of("console/dashboard.xhtml", "console/settings.xhtml",
            "console/readiness.xhtml", "console/users/list.xhtml", "console/users/create.xhtml",
            "console/groups/list.xhtml", "console/roles/list.xhtml", "console/roles/edit.xhtml",
            "console/sub-accounts.xhtml", "console/api-clients.xhtml", "console/people.xhtml", "console/audit.xhtml",
            "console/export.xhtml", "console/effective-access.xhtml");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    private final Tenant tenant = TestTenants.create("Headers");

    @Test
    void everyConsolePageCarriesTheDefencesAndNothingInlineForThePolicyToRefuse() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        console.signIn(tenant.adminLogin(), tenant.adminPassword());
        List<String> problems = new ArrayList<>();
        for (String page : PAGES) {
            ConsoleHttp.Response answer = console.get(page);
            assertEquals(200, answer.status(), page + ": " + answer);
            problems.addAll(defences(page, answer, "same-origin"));
            problems.addAll(inline(page, answer.body()));
        }
        ConsoleHttp.Response download = console.get("console/export/download?format=csv&what=users");
        assertEquals(200, download.status(), download.toString());
        problems.addAll(defences("the CSV download", download, "same-origin"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theLoginAndInvitationPagesCarryThemToo() {
        List<String> problems = new ArrayList<>();
        ConsoleHttp.Response login = ConsoleHttp.anonymous().get("login.xhtml");
        assertEquals(200, login.status());
        problems.addAll(defences("login.xhtml", login, "same-origin"));
        problems.addAll(inline("login.xhtml", login.body()));
        ConsoleHttp.Response invitation = ConsoleHttp.anonymous().get("invitation.xhtml?token=rc_unknown");
        assertEquals(200, invitation.status());
        problems.addAll(defences("invitation.xhtml", invitation, "no-referrer"));
        problems.addAll(inline("invitation.xhtml", invitation.body()));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theAdminApisExportIsNotStoredEither() {
        ScimClient.Response export = JsonClient.admin(tenant).get("export?format=csv&what=users");
        assertEquals(200, export.status());
        assertEquals("no-store", export.header("Cache-Control").orElse(""));
        assertEquals("nosniff", export.header("X-Content-Type-Options").orElse(""));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        String cookie = console.get("login.xhtml").sessionCookie().orElseThrow();
        assertCookie(cookie, false);
        String afterSignIn = console.signIn(tenant.adminLogin(), tenant.adminPassword()).sessionCookie().orElseThrow();
        assertCookie(afterSignIn, false);
    }

    @Test
    void aForwardedHttpsFromAnUntrustedPeerDoesNotMakeTheCookieSecure() {
        // the shared server trusts no proxy (ROLLCALL_TRUSTED_PROXIES is unset): anyone can send the header
        ConsoleHttp console = new ConsoleHttp(RollcallServer.get().baseUrl(), Map.of("X-Forwarded-Proto", "https"));
        assertCookie(console.get("login.xhtml").sessionCookie().orElseThrow(), false);
        assertCookie(console.signIn(tenant.adminLogin(), tenant.adminPassword()).sessionCookie().orElseThrow(), false);
    }

    @Test
    void signingInIssuesANewSessionId() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        console.get("login.xhtml");
        String before = console.sessionId();
        assertNotNull(before);
        console.signIn(tenant.adminLogin(), tenant.adminPassword());
        assertNotEquals(before, console.sessionId(), "the id the browser had before signing in is not the signed-in one");
        ConsoleHttp stale = ConsoleHttp.anonymous();
        ConsoleHttp.Response withOldId = stale.get("console/dashboard.xhtml", Map.of("Cookie", "JSESSIONID=" + before));
        assertEquals(302, withOldId.status(), "the id from before sign-in opens nothing");
        assertTrue(withOldId.header("location").contains("/login.xhtml"), withOldId.toString());
    }

    static void assertCookie(String cookie, boolean secure) {
        List<String> attributes = attributes(cookie);
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=lax"), cookie);
        assertEquals(secure, attributes.contains("secure"), cookie);
    }

    private static List<String> attributes(String cookie) {
        return List.of(cookie.split(";")).stream().skip(1).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** What is wrong with the defences of one answer (empty when nothing). */
    static List<String> defences(String what, ConsoleHttp.Response answer, String referrerPolicy) {
        List<String> problems = new ArrayList<>();
        String csp = answer.header("content-security-policy");
        if (csp == null) {
            problems.add(what + ": no Content-Security-Policy");
        } else {
            String scripts = directive(csp, "script-src");
            if (scripts == null || scripts.contains("'unsafe-inline'") || scripts.contains("'unsafe-eval'")
                    || !scripts.contains("'self'")) {
                problems.add(what + ": script-src allows more than the server's own files: " + csp);
            }
            if (!"'none'".equals(directive(csp, "frame-ancestors"))) {
                problems.add(what + ": frame-ancestors is not 'none': " + csp);
            }
            String styles = directive(csp, "style-src");
            if (styles == null || styles.contains("'unsafe-inline'")) {
                problems.add(what + ": style-src allows inline styles: " + csp);
            }
            if (!"'none'".equals(directive(csp, "default-src"))) {
                problems.add(what + ": default-src is not 'none': " + csp);
            }
        }
        expect(problems, what, answer, "x-frame-options", "DENY");
        expect(problems, what, answer, "x-content-type-options", "nosniff");
        expect(problems, what, answer, "referrer-policy", referrerPolicy);
        expect(problems, what, answer, "cache-control", "no-store");
        return problems;
    }

    private static void expect(List<String> problems, String what, ConsoleHttp.Response answer, String header,
            String value) {
        if (answer.all(header).size() != 1 || !value.equals(answer.header(header))) {
            problems.add(what + ": " + header + " is " + answer.all(header) + ", not " + value);
        }
    }

    private static String directive(String csp, String name) {
        for (String part : csp.split(";")) {
            String directive = part.strip();
            if (directive.startsWith(name + " ")) {
                return directive.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    /** Inline scripts, event handlers and style attributes in a page (the policy would refuse each). */
    static List<String> inline(String what, String html) {
        List<String> problems = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE)) {
            Matcher m = pattern.matcher(html);
            while (m.find()) {
                problems.add(what + ": inline " + m.group());
            }
        }
        return problems;
    }
}
