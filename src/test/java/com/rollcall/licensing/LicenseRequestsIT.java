package com.rollcall.licensing;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * License requests, both sides over HTTP: an enterprise's admin asks ({@code POST /api/admin/v1/license/requests}),
 * the operator grants (the limit rises) or declines with a reason ({@code /api/operator/v1/license-requests}), the
 * enterprise reads the outcome; one open request at a time; a decision is final.
 */
@ExtendWith(RollcallServer.class)
class LicenseRequestsIT {
    private final Tenant tenant = TestTenants.create("LicenseRequests", 40, "scim,admin");
    private final JsonClient admin = JsonClient.admin(tenant);
    private final JsonClient operator = JsonClient.operator();

    @Test
    void aGrantedRequestRaisesTheLimitByTheSeatsAskedFor() {
        ScimClient.Response asked = admin.post("license/requests", "{\"seats\": 60, \"note\": \"New office in Lyon\"}");
        assertEquals(201, asked.status(), asked.toString());
        JsonObject request = asked.json();
        assertEquals("OPEN", request.getString("status"));
        assertEquals(40, request.getInt("limitAtRequest"));
        assertEquals("Test IdP", request.getString("requestedBy"));
        assertError(admin.post("license/requests", "{\"seats\": 5}"), 409, "conflict");

        JsonObject queue = operator.get("license-requests").json();
        JsonObject queued = queue.getJsonArray("requests").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(request.getString("id"))).findFirst().orElseThrow();
        assertEquals(tenant.name(), queued.getString("enterpriseName"));
        assertEquals("New office in Lyon", queued.getString("note"));

        JsonObject granted = operator.post("license-requests/" + request.getString("id") + "/grant", "{}").json();
        assertEquals("GRANTED", granted.getString("status"));
        assertEquals(100, granted.getInt("grantedLimit"));
        assertEquals(100, admin.get("license").json().getInt("limit"));
        JsonObject seen = admin.get("license/requests").json().getJsonArray("requests").getJsonObject(0);
        assertEquals("GRANTED", seen.getString("status"));
        assertEquals(100, seen.getInt("grantedLimit"));
        assertError(operator.post("license-requests/" + request.getString("id") + "/grant", "{}"), 409, "conflict");
        assertError(operator.post("license-requests/" + request.getString("id") + "/decline", "{\"reason\": \"x\"}"), 409,
                "conflict");
        // a new request can be made once the last one is decided
        assertEquals(201, admin.post("license/requests", "{\"seats\": 1}").status());
    }

    @Test
    void aDeclinedRequestKeepsTheLimitAndTellsTheEnterpriseWhy() {
        JsonObject request = admin.post("license/requests", "{\"seats\": 10}").json();
        assertError(operator.post("license-requests/" + request.getString("id") + "/decline", "{}"), 400, "invalid_request");
        assertError(operator.post("license-requests/" + request.getString("id") + "/grant", "{\"licenseLimit\": 40}"), 400,
                "invalid_request");
        JsonObject declined = operator.post("license-requests/" + request.getString("id") + "/decline",
                "{\"reason\": \"Renew the contract first.\"}").json();
        assertEquals("DECLINED", declined.getString("status"));
        assertEquals(40, admin.get("license").json().getInt("limit"));
        JsonObject seen = admin.get("license/requests").json().getJsonArray("requests").getJsonObject(0);
        assertEquals("Renew the contract first.", seen.getString("declineReason"));
        List<String> audit = admin.get("audit-events?count=50").json().getJsonArray("events").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("action") + ":" + e.getJsonObject("actor").getString("type")).toList();
        assertTrue(audit.containsAll(List.of("LICENSES_REQUESTED:API_CLIENT", "LICENSE_REQUEST_DECLINED:OPERATOR")),
                audit.toString());
    }

    @Test
    void badRequestsAreRefusedWithTheFieldNamed() {
        for (String body : List.of("{}", "{\"seats\": 0}", "{\"seats\": -3}", "{\"seats\": \"10\"}", "{\"seats\": 10000000}",
                "{\"seats\": 5, \"note\": \"" + "n".repeat(1001) + "\"}")) {
            assertError(admin.post("license/requests", body), 400, "invalid_request");
        }
        Tenant scimOnly = TestTenants.create("LicenseRequestsScim", 10, "scim");
        assertError(JsonClient.admin(scimOnly).post("license/requests", "{\"seats\": 5}"), 403, "forbidden");
        assertError(operator.get("license-requests?status=MAYBE"), 400, "invalid_request");
        assertError(operator.post("license-requests/999999999/grant", "{}"), 404, "not_found");
        assertEquals(0, admin.get("license/requests").json().getInt("totalResults"));
    }
}
