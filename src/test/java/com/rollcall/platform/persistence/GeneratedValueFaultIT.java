package com.rollcall.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TenantSnapshot;
import com.rollcall.testing.TestTenants;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A constraint violation on a value the client did not send is the server's fault, never a 409 (a 409 tells
 * Entra the user exists, so it is never created): the audit table's identity is made to hand out an id that is
 * taken (on the embedded H2, where an identity can be restarted below its maximum; InnoDB refuses to), and a
 * create answers 503 with Retry-After and the request id, writes nothing, and succeeds once the fault is gone.
 */
@Tag("embedded-only")
@ExtendWith(RollcallServer.class)
class GeneratedValueFaultIT {
    @Test
    void aTakenGeneratedIdIsARetryable503NotA409() {
        Tenant tenant = TestTenants.create("Generated fault");
        ScimClient scim = ScimClient.forTenant(tenant);
        assertEquals(201, scim.post("Users", "{\"userName\":\"first@example.com\"}").status());
        long taken = TestTenants.number("SELECT MAX(id) FROM audit_event");
        Map<String, String> before = TenantSnapshot.of(tenant);
        try {
            TestTenants.execute("ALTER TABLE audit_event ALTER COLUMN id RESTART WITH " + taken);
            ScimClient.Response refused = scim.post("Users", "{\"userName\":\"second@example.com\"}");
            assertEquals(503, refused.status(), refused.toString());
            assertEquals("1", refused.header("Retry-After").orElse(null));
            assertTrue(refused.contentType().startsWith("application/scim+json"), refused.contentType());
            assertFalse(refused.json().containsKey("scimType"), "no scimType: not the client's value");
            String requestId = refused.header("X-Request-Id").orElseThrow();
            assertTrue(refused.json().getString("detail").contains(requestId), refused.toString());
            assertEquals(before, TenantSnapshot.of(tenant), "nothing was written");
        } finally {
            TestTenants.execute("ALTER TABLE audit_event ALTER COLUMN id RESTART WITH "
                    + (TestTenants.number("SELECT MAX(id) FROM audit_event") + 1));
        }
        assertEquals(201, scim.post("Users", "{\"userName\":\"second@example.com\"}").status(), "the retry succeeds");
    }
}
