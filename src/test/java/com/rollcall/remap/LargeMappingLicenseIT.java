package com.rollcall.remap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Await;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mapping change on a group too large to remap in the request (a background job) is refused up front when its
 * members would need more licenses than are free — the same 403 as a create, nothing written, no job queued — and
 * accepted once the licenses are there; the preview says so first.
 */
@ExtendWith(RollcallServer.class)
class LargeMappingLicenseIT {
    private static final int MEMBERS = 1_200;

    private final Tenant tenant = TestTenants.create("LargeMappingLicenses", 2_000, "scim,admin");
    private final ScimClient scim = ScimClient.forTenant(tenant);
    private final JsonClient admin = JsonClient.admin(tenant);

    @Test
    void aBackgroundMappingThatWouldNeedMoreLicensesThanAreFreeIsRefusedUpFront() {
        List<String> users = TestTenants.bulkUsers(tenant, "large", MEMBERS);
        String group = scim.post("Groups", "{\"displayName\":\"Integrators\"}").json().getString("id");
        for (int from = 0; from < MEMBERS; from += 600) {
            StringBuilder members = new StringBuilder();
            for (String id : users.subList(from, from + 600)) {
                members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
            }
            ScimClient.Response added = scim.send(scim.request("Groups/" + group).header("Content-Type",
                    "application/scim+json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:"
                    + "params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":["
                    + members + "]}]}")));
            assertEquals(204, added.status(), added.text());
        }
        // every member becomes an Integrations Manager (a background job): none holds a seat any more
        JsonObject im = TestTenants.mapGroup(tenant, group, "Enterprise Integrations Manager", null);
        awaitDone(im.getJsonObject("remapJob").getJsonNumber("id").longValue());
        assertEquals(0, seatsUsed(), "Integrations Managers consume no license");
        TestTenants.licenseLimit(tenant, 100);

        long emea = TestTenants.subAccount(tenant, "EMEA");
        long contributor = TestTenants.roleId(tenant, "Contributor");
        JsonObject preview = admin.get("groups/" + group + "/mappings/preview?roleId=" + contributor + "&subAccountId="
                + emea).json();
        assertEquals(MEMBERS, preview.getInt("licensesTaken"), preview.toString());
        assertEquals(MEMBERS - 100, preview.getInt("licenseShortfall"), "the preview says it before the click");
        long jobsBefore = jobs();
        ScimClient.Response refused = admin.post("groups/" + group + "/mappings", "{\"roleId\":" + contributor
                + ",\"subAccountId\":" + emea + "}");
        JsonClient.assertError(refused, 403, "forbidden");
        assertTrue(refused.json().getString("message").contains("license limit"), refused.toString());
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM group_mapping m JOIN user_group g ON g.id = m.group_id "
                + "WHERE g.scim_id = ?", group), "the refused mapping was not written");
        assertEquals(jobsBefore, jobs(), "and no job was queued");
        assertEquals(0, seatsUsed());

        TestTenants.licenseLimit(tenant, 2_000);
        JsonObject accepted = TestTenants.mapGroup(tenant, group, "Contributor", emea);
        JsonObject done = awaitDone(accepted.getJsonObject("remapJob").getJsonNumber("id").longValue());
        assertEquals(0, done.getInt("unlicensed"), done.toString());
        assertEquals(MEMBERS, seatsUsed(), "each member is a Contributor in EMEA now, and needs a license");
    }

    private JsonObject awaitDone(long jobId) {
        return Await.until("remap job " + jobId + " to finish", Duration.ofSeconds(300),
                () -> admin.get("remap-jobs/" + jobId).json(), job -> "DONE".equals(job.getString("status")));
    }

    private long seatsUsed() {
        return TestTenants.number("SELECT seats_used FROM license_counter WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    private long jobs() {
        return TestTenants.number("SELECT COUNT(*) FROM remap_job WHERE enterprise_id = ?", tenant.enterpriseId());
    }
}
