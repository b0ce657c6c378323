package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A token of enterprise A never sees enterprise B's users. */
@ExtendWith(RollcallServer.class)
class TenantIsolationIT {
    @Test
    void anotherEnterprisesUserIs404() {
        ScimClient a = ScimClient.forTenant(TestTenants.create("Tenant A"));
        ScimClient b = ScimClient.forTenant(TestTenants.create("Tenant B"));
        String id = a.post("Users", "{\"userName\":\"shared@example.com\"}").json().getString("id");

        assertEquals(200, a.get("Users/" + id).status());
        ScimClient.Response foreign = b.get("Users/" + id);
        assertEquals(404, foreign.status(), foreign.toString());
    }

    @Test
    void userNamesAreUniquePerEnterpriseNotGlobally() {
        ScimClient a = ScimClient.forTenant(TestTenants.create("Tenant C"));
        ScimClient b = ScimClient.forTenant(TestTenants.create("Tenant D"));
        assertEquals(201, a.post("Users", "{\"userName\":\"same@example.com\"}").status());
        assertEquals(201, b.post("Users", "{\"userName\":\"same@example.com\"}").status());
    }
}
