package com.rollcall.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users a background remap left without a license (it ran short in a race) are counted for the dashboard and get the
 * licenses free now when an admin asks — never beyond the limit, oldest first, audited.
 */
@ExtendWith(RollcallServer.class)
class UnlicensedUsersIT {
    @Test
    void usersLeftWithoutALicenseGetTheFreeOnesWhenAnAdminAsks() {
        Tenant tenant = TestTenants.create("Unlicensed", 10, "scim,admin");
        List<String> users = TestTenants.bulkUsers(tenant, "short", 6);
        // what a job that ran short leaves: active users who need a license and hold none (the counter agrees)
        for (String id : users.subList(2, 6)) {
            TestTenants.execute("UPDATE user_account SET holds_seat = FALSE WHERE scim_id = ?", id);
        }
        TestTenants.execute("UPDATE license_counter SET seats_used = 2, license_limit = 4 WHERE enterprise_id = ?",
                tenant.enterpriseId());
        JsonClient admin = JsonClient.admin(tenant);
        assertEquals(4, admin.get("users/unlicensed").json().getInt("count"));

        JsonObject assigned = admin.post("users/unlicensed/assign", "{}").json();
        assertEquals(2, assigned.getInt("assigned"), "two licenses were free");
        assertEquals(2, assigned.getInt("stillWithout"));
        assertEquals(4, TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?",
                tenant.enterpriseId()), "never beyond the limit");
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE scim_id = ? AND holds_seat",
                users.get(2)), "the oldest first");
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM user_account WHERE scim_id = ? AND holds_seat",
                users.get(5)));
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = "
                + "'LICENSES_ASSIGNED'", tenant.enterpriseId()));
        assertEquals(0, admin.post("users/unlicensed/assign", "{}").json().getInt("assigned"), "none free now");
        JsonClient.assertError(JsonClient.admin(TestTenants.create("UnlicensedScim", 10, "scim")).post(
                "users/unlicensed/assign", "{}"), 403, "forbidden");
    }
}
