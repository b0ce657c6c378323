package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.ConsoleHttp;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a load balancer: {@code X-Forwarded-For} and {@code X-Forwarded-Proto} count only from the configured trusted
 * proxies. On a server of its own that trusts 127.0.0.1 and 10.0.0.0/8 (ROLLCALL_TRUSTED_PROXIES), a request from
 * 127.0.0.1 is audited with the right-most untrusted forwarded address as the caller and 127.0.0.1 as the proxy, in the
 * admin API's audit JSON and on the console's audit page; a forwarded https makes the session cookie Secure; the
 * sign-in budget counts per forwarded address. The shared server trusts nobody: the same headers change nothing there.
 */
@ExtendWith(RollcallServer.class)
@Tag("multi-instance")
class TrustedProxyIT {
    private static ServerProcess behindProxy;

    private final Tenant tenant = TestTenants.create("Proxy");

    @BeforeAll
    static void startServerThatTrustsLoopback() {
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment("trusted-proxy"));
        env.put("ROLLCALL_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8");
        env.put("ROLLCALL_BUDGET_LOGIN_PERMINUTE", "1");
        env.put("ROLLCALL_BUDGET_LOGIN_BURST", "3");
        behindProxy = ServerProcess.start("trusted-proxy-instance", env);
    }

    @AfterAll
    static void stop() {
        if (behindProxy != null) {
            behindProxy.close();
        }
    }

    @Test
    void theAuditRecordsTheForwardedClientAndTheProxy() {
        JsonClient admin = new JsonClient(behindProxy.baseUrl() + "api/admin/v1/", tenant.token());
        JsonObject event = createSubAccount(admin, Map.of("X-Forwarded-For", "198.51.100.7, 203.0.113.9, 10.1.2.3"));
        assertEquals("203.0.113.9", event.getString("callerAddress"),
                "the right-most address no trusted proxy vouches for: " + event);
        assertEquals("127.0.0.1", event.getString("proxyAddress"), event.toString());

        JsonObject direct = createSubAccount(admin, Map.of());
        assertEquals("127.0.0.1", direct.getString("callerAddress"), direct.toString());
        assertEquals(JsonValue.NULL, direct.get("proxyAddress"), "no proxy in between: " + direct);

        JsonObject garbage = createSubAccount(admin, Map.of("X-Forwarded-For", "not an address"));
        assertEquals("127.0.0.1", garbage.getString("callerAddress"), "an unreadable chain counts for nothing: " + garbage);

        try (ConsoleUi ui = ConsoleUi.signIn(behindProxy.baseUrl(), tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/audit.xhtml");
            String table = ui.text("events");
            assertTrue(table.contains("from 203.0.113.9 via proxy 127.0.0.1"), table);
            ui.screenshot("defences-audit-proxy");
        }
    }

    @Test
    void onTheSharedServerWhichTrustsNoProxyTheHeaderIsIgnored() {
        JsonObject event = createSubAccount(JsonClient.admin(tenant), Map.of("X-Forwarded-For", "203.0.113.9"));
        assertEquals("127.0.0.1", event.getString("callerAddress"), event.toString());
        assertEquals(JsonValue.NULL, event.get("proxyAddress"), event.toString());
    }

    @Test
    void aForwardedHttpsFromTheTrustedProxyMakesTheSessionCookieSecure() {
        ConsoleHttp overTls = new ConsoleHttp(behindProxy.baseUrl(), Map.of("X-Forwarded-Proto", "https",
                "X-Forwarded-For", "203.0.113.20"));
        ConsoleHeadersIT.assertCookie(overTls.get("login.xhtml").sessionCookie().orElseThrow(), true);
        ConsoleHttp.Response signedIn = overTls.signIn(tenant.adminLogin(), tenant.adminPassword());
        ConsoleHeadersIT.assertCookie(signedIn.sessionCookie().orElseThrow(), true);
        assertEquals(200, overTls.get("console/dashboard.xhtml").status(), "the Secure session works");

        ConsoleHttp plain = new ConsoleHttp(behindProxy.baseUrl(), Map.of("X-Forwarded-For", "203.0.113.21"));
        ConsoleHeadersIT.assertCookie(plain.get("login.xhtml").sessionCookie().orElseThrow(), false);
    }

    @Test
    void theSignInBudgetCountsPerForwardedAddress() {
        ConsoleHttp first = new ConsoleHttp(behindProxy.baseUrl(), Map.of("X-Forwarded-For", "203.0.113.30"));
        for (int i = 0; i < 3; i++) {
            assertTrue(failedSignIn(first).contains("Login failed."), "within the burst of 3");
        }
        assertTrue(failedSignIn(first).contains("Too many sign-in attempts from your address."),
                "the fourth attempt from that client is refused");
        ConsoleHttp second = new ConsoleHttp(behindProxy.baseUrl(), Map.of("X-Forwarded-For", "203.0.113.31"));
        String other = failedSignIn(second);
        assertTrue(other.contains("Login failed."), "another client behind the same proxy has its own budget: " + other);
        assertFalse(other.contains("Too many"), other);
    }

    private String failedSignIn(ConsoleHttp console) {
        Map<String, String> form = ConsoleHttp.form(console.get("login.xhtml").body(), "login");
        form.put("username", tenant.adminLogin());
        form.put("password", "wrong password " + UUID.randomUUID());
        form.put("sign-in", "Sign in");
        ConsoleHttp.Response answer = console.post("login.xhtml", form);
        assertEquals(200, answer.status(), answer.toString());
        return answer.body();
    }

    /** Creates a sub-account through the admin API with these headers, and returns its audit event. */
    private static JsonObject createSubAccount(JsonClient admin, Map<String, String> headers) {
        String name = "Proxy " + UUID.randomUUID().toString().substring(0, 8);
        HttpRequest.Builder request = admin.request("sub-accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("name", name).build().toString()));
        headers.forEach(request::header);
        ScimClient.Response created = admin.send(request);
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").toString().replace("\"", "");
        ScimClient.Response events = admin.get("audit-events?action=SUB_ACCOUNT_CREATED&resourceId=" + id);
        assertEquals(200, events.status(), events.toString());
        return events.json().getJsonArray("events").getJsonObject(0);
    }
}
