package com.rollcall.remap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Await;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mapping change on a 10,000-member group runs as a background job (Jakarta Concurrency) that reports
 * progress and ends with every member's stored role right; SCIM keeps answering for the group meanwhile;
 * and a job whose instance died mid-way is taken over and finished from its cursor.
 */
@ExtendWith(RollcallServer.class)
class RemapJobIT {
    private static final int MEMBERS = 10_000;

    private final Tenant tenant = TestTenants.create("Remap", 50_000, "scim,admin");
    private final ScimClient scim = ScimClient.forTenant(tenant);
    private final ScimClient admin = new ScimClient(RollcallServer.get().baseUrl() + "api/admin/v1/", tenant.token());

    @Test
    void remapOfATenThousandMemberGroupRunsAsAJobWithProgressAndCorrectResults() {
        List<String> users = TestTenants.bulkUsers(tenant, "remap", MEMBERS);
        String group = scim.post("Groups", "{\"displayName\":\"Everyone\"}").json().getString("id");
        for (int from = 0; from < MEMBERS; from += 1000) {
            StringBuilder members = new StringBuilder();
            for (String id : users.subList(from, from + 1000)) {
                members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
            }
            ScimClient.Response added = patch(group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[" + members + "]}");
            assertEquals(204, added.status(), added.text());
        }
        ScimClient.Response whole = scim.get("Groups/" + group);
        assertEquals(200, whole.status());
        assertEquals(MEMBERS, whole.json().getJsonArray("members").size(), "the streamed read has every member");
        assertEquals(users.get(0), whole.json().getJsonArray("members").getJsonObject(0).getString("value"));
        assertEquals(whole.json().getJsonObject("meta").getString("version"), whole.header("ETag").orElseThrow());
        long sub = post("sub-accounts", "{\"name\":\"Stores\"}").json().getJsonNumber("id").longValue();
        long editor = roleId("Editor");

        JsonObject preview = admin.get("groups/" + group + "/mappings/preview?roleId=" + editor + "&subAccountId=" + sub)
                .json();
        assertEquals(MEMBERS, preview.getInt("groupMembers"));
        assertEquals(MEMBERS, preview.getInt("usersWhoseRoleChanges"), preview.toString());
        assertTrue(preview.getBoolean("runsInBackground"));

        JsonObject added = post("groups/" + group + "/mappings", "{\"roleId\":" + editor + ",\"subAccountId\":" + sub + "}")
                .json();
        JsonObject job = added.getJsonObject("remapJob");
        assertEquals(MEMBERS, job.getInt("total"), job.toString());
        long jobId = job.getJsonNumber("id").longValue();

        List<Long> progress = new ArrayList<>();
        boolean[] scimAnsweredDuringJob = {false};
        JsonObject seen = Await.until("remap job " + jobId + " to finish", Duration.ofSeconds(300), () -> {
            ScimClient.Response read = scim.get("Groups/" + group + "?excludedAttributes=members");
            assertEquals(200, read.status(), "SCIM does not wait for the job");
            JsonObject now = admin.get("remap-jobs/" + jobId).json();
            assertFalse("FAILED".equals(now.getString("status")), now.toString());
            scimAnsweredDuringJob[0] |= !"DONE".equals(now.getString("status"));
            progress.add(now.getJsonNumber("processed").longValue());
            return now;
        }, now -> "DONE".equals(now.getString("status")));
        assertEquals("DONE", seen.getString("status"), seen.toString());
        assertEquals(MEMBERS, seen.getInt("processed"));
        assertEquals(MEMBERS, seen.getInt("changed"));
        assertEquals(100, seen.getInt("percent"));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress only grows: " + progress);
        }
        assertTrue(scimAnsweredDuringJob[0], "SCIM answered while the job was running");
        assertEquals(MEMBERS, storedWith(editor, sub), "every member got the role");
        assertEquals(jobId, admin.get("remap-jobs?group=" + group).json().getJsonArray("jobs").get(0).asJsonObject()
                .getJsonNumber("id").longValue());

        // An instance that died half-way: the mapping is gone, half of the members were done, the job row
        // is RUNNING with the dead instance's name and an old heartbeat. Another claim takes it over.
        long mapping = added.getJsonNumber("id").longValue();
        TestTenants.execute("DELETE FROM group_mapping WHERE id = ?", mapping);
        long half = TestTenants.number("SELECT MAX(user_id) FROM (SELECT m.user_id FROM group_membership m JOIN "
                + "user_group g ON g.id = m.group_id WHERE g.scim_id = ? ORDER BY m.user_id LIMIT 5000) firstHalf", group);
        TestTenants.execute("DELETE FROM user_effective_role WHERE enterprise_id = ? AND user_id <= ?",
                tenant.enterpriseId(), half);
        var now = TestDatabase.utcNow();
        TestTenants.execute("INSERT INTO remap_job (enterprise_id, kind, group_id, group_scim_id, group_name, reason, "
                + "status, cursor_user_id, processed, total, changed, unlicensed, claimed_by, heartbeat_at, created_at, "
                + "started_at) SELECT enterprise_id, 'GROUP', id, scim_id, display_name, 'dead instance', 'RUNNING', ?, 5000, "
                + "member_count, 5000, 0, 'dead-instance', ?, ?, ? FROM user_group WHERE scim_id = ?", half,
                now.minusMinutes(10), now.minusMinutes(11), now.minusMinutes(11), group);
        long resumed = TestTenants.number("SELECT MAX(id) FROM remap_job WHERE enterprise_id = ?", tenant.enterpriseId());
        JsonObject after = Await.until("the stale remap job " + resumed + " to be taken over and finished",
                Duration.ofSeconds(300), () -> admin.get("remap-jobs/" + resumed).json(),
                j -> "DONE".equals(j.getString("status")));
        assertEquals(MEMBERS, after.getInt("processed"), "continued from its cursor (from the start it would be 15,000): "
                + after);
        assertEquals(MEMBERS, after.getInt("changed"), after.toString());
        assertEquals(0, storedWith(editor, sub), "the second half was recomputed by the new owner");
    }

    private long storedWith(long roleId, long subAccountId) {
        return TestTenants.number("SELECT COUNT(*) FROM user_effective_role WHERE enterprise_id = ? AND role_id = ? "
                + "AND scope_key = ?", tenant.enterpriseId(), roleId, subAccountId);
    }

    private ScimClient.Response patch(String group, String operation) {
        return scim.send(scim.request("Groups/" + group).header("Content-Type", "application/scim+json").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[" + operation + "]}")));
    }

    private ScimClient.Response post(String path, String json) {
        ScimClient.Response response = admin.send(admin.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertTrue(response.status() == 201 || response.status() == 200, path + " → " + response.text());
        return response;
    }

    private long roleId(String name) {
        for (JsonValue role : admin.get("roles").json().getJsonArray("roles")) {
            if (role.asJsonObject().getString("name").equals(name)) {
                return role.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError("no role " + name);
    }
}
