package com.rollcall.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With 10 seats left, 64 parallel creates: exactly 10 succeed and 54 get the 403, on one instance and
 * on two instances sharing the database. The limit is held by the database (a row lock), not a JVM.
 */
@ExtendWith(RollcallServer.class)
class LicenseConcurrencyIT {
    private static final int SEATS = 10;
    private static final int REQUESTS = 64;

    @Test
    void oneInstanceNeverExceedsTheLimit() throws Exception {
        Tenant tenant = TestTenants.create("Concurrency one", SEATS, "scim");
        List<Integer> statuses = createInParallel(List.of(ScimClient.forTenant(tenant)), "one");
        assertOutcome(tenant, statuses);
    }

    @Test
    void twoInstancesSharingTheDatabaseNeverExceedTheLimit() throws Exception {
        Tenant tenant = TestTenants.create("Concurrency two", SEATS, "scim");
        try (ServerProcess second = ServerProcess.start("second-instance", Map.of(
                "ROLLCALL_DB_URL", TestDatabase.url(),
                "ROLLCALL_DB_USER", TestDatabase.user(),
                "ROLLCALL_DB_PASSWORD", TestDatabase.password(),
                "ROLLCALL_DATA", System.getProperty("user.dir") + "/target/it-data/second"))) {
            List<Integer> statuses = createInParallel(List.of(ScimClient.forTenant(tenant),
                    new ScimClient(second.scimUrl(), tenant.token())), "two");
            assertOutcome(tenant, statuses);
        }
    }

    private static List<Integer> createInParallel(List<ScimClient> instances, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                ScimClient client = instances.get(i % instances.size());
                String json = "{\"userName\":\"race-" + label + "-" + i + "@example.com\"}";
                results.add(pool.submit(() -> client.post("Users", json).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOutcome(Tenant tenant, List<Integer> statuses) {
        assertEquals(SEATS, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(REQUESTS - SEATS, statuses.stream().filter(s -> s == 403).count(), statuses.toString());
        assertEquals(SEATS, TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?",
                tenant.enterpriseId()));
        assertEquals(SEATS, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?",
                tenant.enterpriseId()), "no partial rows");
        assertEquals(REQUESTS - SEATS, TestTenants.number("SELECT COUNT(*) FROM license_refusal WHERE enterprise_id = ?",
                tenant.enterpriseId()));
    }
}
