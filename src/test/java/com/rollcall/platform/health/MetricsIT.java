package com.rollcall.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Metrics;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /metrics in Prometheus format after some SCIM traffic of one enterprise (issue 18): its requests by operation and
 * status, their timer, its seats and license refusals, the remap job gauges, the connection pool's use.
 */
@ExtendWith(RollcallServer.class)
class MetricsIT {
    @Test
    void scimRequestsSeatsAndRefusalsOfAnEnterpriseAreCounted() throws InterruptedException {
        Tenant tenant = TestTenants.create("Metrics", 1, "scim,admin");
        ScimClient scim = ScimClient.forTenant(tenant);
        assertEquals(201, scim.post("Users", user("first")).status());
        assertEquals(403, scim.post("Users", user("second")).status(), "over the license limit of 1");
        assertEquals(200, scim.get("Users?count=5").status());
        assertEquals(404, scim.get("Users/no-such-user").status());
        String enterprise = Long.toString(tenant.enterpriseId());

        String text = scrape();
        assertEquals(1.0, value(text, "rollcall_scim_requests_total", "enterprise", enterprise, "operation", "POST /Users",
                "status", "201").orElseThrow(() -> new AssertionError(ours(text))));
        assertEquals(1.0, value(text, "rollcall_scim_requests_total", "enterprise", enterprise, "operation", "POST /Users",
                "status", "403").orElseThrow(() -> new AssertionError(ours(text))));
        assertEquals(1.0, value(text, "rollcall_scim_requests_total", "enterprise", enterprise, "operation",
                "GET /Users/{id}", "status", "404").orElseThrow(() -> new AssertionError(ours(text))));
        assertTrue(value(text, "rollcall_scim_request_seconds_count", "operation", "GET /Users")
                .orElseThrow(() -> new AssertionError(ours(text))) >= 1);
        assertTrue(value(text, "rollcall_scim_request_seconds_sum", "operation", "GET /Users")
                .orElseThrow(() -> new AssertionError(ours(text))) > 0);
        assertEquals(1.0, value(text, "rollcall_license_refusals_total", "enterprise", enterprise)
                .orElseThrow(() -> new AssertionError(ours(text))));
        assertTrue(value(text, "rollcall_remap_jobs", "status", "RUNNING").isPresent(), ours(text));
        // the pool's use, as Payara exposes it (vendor metrics)
        assertTrue(text.contains("# TYPE connection_pool_rollcall_pool_usedConnection_total"), families(text));
        System.out.println("metrics families: " + families(text));

        // seats come from the database every 15 s
        Optional<Double> used = Optional.empty();
        for (long end = System.currentTimeMillis() + 40_000; System.currentTimeMillis() < end; Thread.sleep(1000)) {
            String now = scrape();
            used = value(now, "rollcall_license_seats_used", "enterprise", enterprise);
            if (used.isPresent()) {
                assertEquals(1.0, value(now, "rollcall_license_seats_limit", "enterprise", enterprise).orElseThrow());
                break;
            }
        }
        assertEquals(Optional.of(1.0), used, "seats used of the enterprise");
    }

    private static String scrape() {
        return Metrics.scrape(RollcallServer.get().baseUrl());
    }

    private static Optional<Double> value(String text, String family, String... labels) {
        return Metrics.value(text, family, labels);
    }

    /** This enterprise's lines, and the other families' names, for a failure's message. */
    private static String ours(String text) {
        return String.join("\n", text.lines().filter(l -> l.startsWith("rollcall_scim") || l.startsWith("rollcall_license")
                || l.startsWith("rollcall_remap")).limit(60).toList()) + "\n" + families(text);
    }

    private static String families(String text) {
        return String.join(" ", text.lines().filter(l -> l.startsWith("# TYPE")).map(l -> l.split(" ")[2]).distinct()
                .filter(name -> name.startsWith("rollcall") || name.contains("pool") || name.contains("onnection")
                        || name.contains("jdbc"))
                .toList());
    }

    private static String user(String name) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name + "."
                + System.nanoTime() + "@example.com\"}";
    }
}
