package com.rollcall.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.testing.Parallel;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With 10 seats, 64 creates released together (several rounds, each on a fresh enterprise): exactly 10
 * succeed and 54 get the 403, the counter is exact, each success left one audit event and each refusal one
 * refusal row, and nothing else was written; on one instance (on MariaDB and on the embedded H2) and on two
 * instances sharing the database. The limit is held by the database (a row lock), not a JVM.
 */
@ExtendWith(RollcallServer.class)
class LicenseConcurrencyIT {
    private static final int SEATS = 10;
    private static final int REQUESTS = 64;
    private static final int ROUNDS = 3;

    @Test
    void oneInstanceNeverExceedsTheLimit() {
        for (int round = 0; round < ROUNDS; round++) {
            Tenant tenant = TestTenants.create("Concurrency one", SEATS, "scim");
            List<Integer> statuses = createTogether(List.of(ScimClient.forTenant(tenant)), "one-" + round);
            assertOutcome(tenant, statuses);
        }
    }

    @Test
    @Tag("multi-instance")
    void twoInstancesSharingTheDatabaseNeverExceedTheLimit() {
        try (ServerProcess second = ServerProcess.start("second-instance", TestDatabase.serverEnvironment("second"))) {
            for (int round = 0; round < ROUNDS; round++) {
                Tenant tenant = TestTenants.create("Concurrency two", SEATS, "scim");
                List<Integer> statuses = createTogether(List.of(ScimClient.forTenant(tenant),
                        new ScimClient(second.scimUrl(), tenant.token())), "two-" + round);
                assertOutcome(tenant, statuses);
            }
        }
    }

    /** All the creates, alternating between the instances, released at the same moment. */
    private static List<Integer> createTogether(List<ScimClient> instances, String label) {
        return Parallel.together(REQUESTS, i -> instances.get(i % instances.size())
                .post("Users", "{\"userName\":\"race-" + label + "-" + i + "@example.com\"}").status());
    }

    private static void assertOutcome(Tenant tenant, List<Integer> statuses) {
        assertEquals(SEATS, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(REQUESTS - SEATS, statuses.stream().filter(s -> s == 403).count(), statuses.toString());
        long enterprise = tenant.enterpriseId();
        assertEquals(SEATS, TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", enterprise));
        assertEquals(SEATS, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ?", enterprise),
                "no partial rows");
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM user_multi_value WHERE enterprise_id = ?", enterprise));
        assertEquals(SEATS, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? "
                + "AND action = 'USER_CREATED'", enterprise), "one audit event per created user");
        assertEquals(SEATS, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ?", enterprise),
                "no audit event for a refused create");
        assertEquals(REQUESTS - SEATS, TestTenants.number("SELECT COUNT(*) FROM license_refusal WHERE enterprise_id = ?",
                enterprise), "one refusal row per refused create");
    }
}
