package com.rollcall.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PRODUCT.md rules 4 and 5 through SCIM: seats taken, freed, refused, and counted exactly. */
@ExtendWith(RollcallServer.class)
class LicensesIT {
    private final Tenant tenant = TestTenants.create("Licenses", 3, "scim,admin");
    private final ScimClient scim = ScimClient.forTenant(tenant);

    private String create(String userName) {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"" + userName + "\"}");
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private int patchActive(String id, String value) {
        return scim.send(scim.request("Users/" + id).header("Content-Type", "application/scim+json").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\""
                        + value + "\"}]}"))).status();
    }

    private long seatsUsed() {
        return TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    private long activeUsers() {
        return TestTenants.number("SELECT COUNT(*) FROM user_account WHERE enterprise_id = ? AND active = TRUE "
                + "AND deleted_at IS NULL", tenant.enterpriseId());
    }

    private long refusals() {
        return TestTenants.number("SELECT COUNT(*) FROM license_refusal WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    @Test
    void atTheLimitCreatesAreRefusedWith403AndNothingChanges() {
        create("l1@example.com");
        create("l2@example.com");
        String third = create("l3@example.com");

        ScimClient.Response refused = scim.post("Users", "{\"userName\":\"l4@example.com\"}");

        assertEquals(403, refused.status(), refused.toString());
        assertEquals("403", refused.json().getString("status"));
        String detail = refused.json().getString("detail");
        assertTrue(detail.contains("license limit") && detail.contains("3 of 3"), detail);
        assertEquals(0, scim.get("Users?filter=userName%20eq%20%22l4@example.com%22").json().getInt("totalResults"));
        assertEquals(3, seatsUsed());
        assertEquals(1, refusals(), "the refusal is counted although the request rolled back");

        assertEquals(201, scim.post("Users", "{\"userName\":\"inactive@example.com\",\"active\":false}").status(),
                "an inactive user takes no seat");

        assertEquals(200, patchActive(third, "False"));
        assertEquals(2, seatsUsed(), "deactivation frees the seat");
        String fourth = create("l4@example.com");
        assertEquals(3, seatsUsed());

        assertEquals(403, patchActive(third, "True"), "reactivation needs a seat too");
        assertFalse(scim.get("Users/" + third).json().getBoolean("active"), "the refused reactivation changed nothing");
        assertEquals(2, refusals());

        assertEquals(204, scim.send(scim.request("Users/" + fourth).DELETE()).status());
        assertEquals(2, seatsUsed(), "a deleted user frees its seat");
        assertEquals(200, patchActive(third, "True"));
        assertEquals(3, seatsUsed());
        assertEquals(activeUsers(), seatsUsed(), "the counter is exact");
    }

    @Test
    void oktaPutDeactivationAndReactivationMoveTheSeat() {
        String id = create("okta.seat@example.com");
        HttpRequest.Builder off = scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"userName\":\"okta.seat@example.com\",\"active\":false}"));
        assertEquals(200, scim.send(off).status());
        assertEquals(0, seatsUsed());
        HttpRequest.Builder on = scim.request("Users/" + id).header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"userName\":\"okta.seat@example.com\",\"active\":true}"));
        assertEquals(200, scim.send(on).status());
        assertEquals(1, seatsUsed());
        assertEquals(activeUsers(), seatsUsed());
    }
}
