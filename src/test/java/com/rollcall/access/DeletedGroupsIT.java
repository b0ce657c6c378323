package com.rollcall.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Await;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
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
 * Issue 14, item 4, the admin's side (admin API {@code /deleted-groups}): the mappings kept from a group the IdP
 * deleted are restored onto a live group — the one the IdP created with the same externalId suggested first, one the
 * target already has skipped — and give their roles back at once (or through a remap job for a large group), or are
 * discarded for good; each audited; another enterprise can neither see nor touch them.
 */
@ExtendWith(RollcallServer.class)
class DeletedGroupsIT {
    private final Tenant tenant = TestTenants.create("Deleted groups", 5_000, "scim,admin");
    private final ScimClient scim = ScimClient.forTenant(tenant);
    private final ScimClient admin = TestTenants.admin(tenant);

    @Test
    void restoringOntoTheGroupTheIdpCreatedWithTheSameExternalIdBringsTheRolesBack() {
        long emea = TestTenants.subAccount(tenant, "EMEA");
        String ann = user("ann.restore");
        String bob = user("bob.restore");
        String old = group("Sales", "ext-sales", List.of(ann));
        long editor = TestTenants.mapGroup(tenant, old, "Editor", emea).getJsonNumber("id").longValue();
        TestTenants.mapGroup(tenant, old, "Enterprise Admin", null);
        assertEquals(204, scim.send(scim.request("Groups/" + old).DELETE()).status());
        assertEquals(0, storedRows(ann));

        // The IdP assigns the group again: a new group with the same externalId (renamed meanwhile), and another
        // "Sales" from a different OU. The admin had already mapped the new one at the enterprise level.
        String fresh = group("Sales EU", "ext-sales", List.of(ann, bob));
        String namesake = group("SALES", "ext-other-sales", List.of());
        TestTenants.mapGroup(tenant, fresh, "Enterprise Admin", null);
        assertEquals(2, storedRows(ann), "Enterprise Admin from the new group only: at the enterprise level and inherited");

        JsonObject deleted = admin.get("deleted-groups/" + old).json();
        List<String> suggested = new ArrayList<>();
        deleted.getJsonArray("suggestedTargets").forEach(t -> suggested.add(t.asJsonObject().getString("id") + " "
                + t.asJsonObject().getString("match")));
        assertEquals(List.of(fresh + " EXTERNAL_ID", namesake + " DISPLAY_NAME"), suggested, "same externalId first");
        assertEquals(2, deleted.getJsonArray("suggestedTargets").getJsonObject(0).getInt("memberCount"));

        JsonObject restored = restore(old, fresh);

        assertEquals(200, lastStatus, restored.toString());
        assertEquals(List.of("Editor in EMEA"), described(restored.getJsonArray("restored")));
        assertEquals(List.of("Enterprise Admin (enterprise level)"), described(restored.getJsonArray("skipped")),
                "the new group already maps Enterprise Admin");
        assertEquals(2, restored.getInt("usersChanged"), "Ann and Bob get Editor in EMEA in the request");
        assertEquals(JsonValue.NULL, restored.get("remapJob"));
        assertEquals(3, storedRows(ann), "Enterprise Admin (enterprise level, inherited) and Editor in EMEA");
        assertEquals("Editor", roleIn(admin.get("users/" + bob + "/effective-access").json(), "EMEA"));
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM group_mapping m JOIN user_group g ON g.id = m.group_id "
                + "WHERE g.scim_id = ? AND m.id = ? AND m.deactivated_at IS NULL", fresh, editor),
                "the kept mapping moved onto the new group, active, with its id");
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM group_mapping m JOIN user_group g ON g.id = m.group_id "
                + "WHERE g.scim_id = ?", old), "nothing is kept any more: the duplicate was dropped");
        assertEquals(0, admin.get("deleted-groups").json().getInt("totalResults"), "nothing left to decide");
        assertEquals(0, admin.get("deleted-groups/" + old).json().getJsonArray("keptMappings").size());
        assertEquals(2, admin.get("groups/" + fresh + "/mappings").json().getJsonArray("mappings").size());

        JsonObject event = onlyEvent("GROUP_MAPPINGS_RESTORED", fresh);
        assertEquals(old, event.getJsonObject("before").getString("fromGroupId"));
        assertEquals(List.of("Editor in EMEA"), described(event.getJsonObject("after").getJsonArray("restored")));
        assertEquals(List.of("Enterprise Admin (enterprise level)"),
                described(event.getJsonObject("after").getJsonArray("skippedAlreadyMapped")));

        JsonObject again = restore(old, fresh);
        assertEquals(409, lastStatus, again.toString());
        assertEquals("conflict", again.getString("code"));
    }

    @Test
    void aRestoreNeedsALiveTargetAndABody() {
        String old = group("Support", "ext-support", List.of());
        TestTenants.mapGroup(tenant, old, "Enterprise Admin", null);
        String gone = group("Gone", null, List.of());
        assertEquals(204, scim.send(scim.request("Groups/" + old).DELETE()).status());
        assertEquals(204, scim.send(scim.request("Groups/" + gone).DELETE()).status());

        for (String target : List.of(gone, old, "no-such-group")) {
            JsonObject refused = restore(old, target);
            assertEquals(400, lastStatus, target + " -> " + refused);
            assertEquals("invalid_request", refused.getString("code"));
            assertNotNull(refused.getString("requestId"));
        }
        ScimClient.Response noBody = admin.send(admin.request("deleted-groups/" + old + "/restore")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, noBody.status(), noBody.toString());
        assertEquals(1, admin.get("deleted-groups/" + old).json().getJsonArray("keptMappings").size(), "still kept");
        assertEquals(404, admin.get("deleted-groups/" + group("Alive", null, List.of())).status(), "a live group is not deleted");
    }

    @Test
    void discardDeletesTheKeptMappingsForGood() {
        long emea = TestTenants.subAccount(tenant, "Discard EMEA");
        String ann = user("ann.discard");
        String old = group("Temporary", null, List.of(ann));
        TestTenants.mapGroup(tenant, old, "Editor", emea);
        assertEquals(204, scim.send(scim.request("Groups/" + old).DELETE()).status());
        assertEquals(1, admin.get("deleted-groups").json().getInt("totalResults"));

        ScimClient.Response discarded = admin.send(admin.request("deleted-groups/" + old + "/mappings").DELETE());

        assertEquals(200, discarded.status(), discarded.toString());
        assertEquals(List.of("Editor in Discard EMEA"), described(discarded.json().getJsonArray("discarded")));
        assertEquals(0, TestTenants.number("SELECT COUNT(*) FROM group_mapping m JOIN user_group g ON g.id = m.group_id "
                + "WHERE g.scim_id = ?", old));
        assertEquals(0, admin.get("deleted-groups").json().getInt("totalResults"));
        assertEquals(0, storedRows(ann));
        JsonObject event = onlyEvent("GROUP_MAPPINGS_DISCARDED", old);
        assertEquals(1, event.getJsonObject("before").getJsonArray("keptMappings").size(), event.toString());
        assertEquals(409, admin.send(admin.request("deleted-groups/" + old + "/mappings").DELETE()).status(),
                "nothing left to discard");
        assertEquals(409, restoreStatus(old, group("Target", null, List.of())), "nor to restore");
    }

    /**
     * Above {@code rollcall.remap.inlineLimit} (1,000) members, the deletion takes the roles away through a remap
     * job, and so does a restore give them back.
     */
    @Test
    void aLargeGroupLosesAndRegainsItsRolesThroughRemapJobs() {
        int members = 1_050;
        long stores = TestTenants.subAccount(tenant, "Stores");
        List<String> users = TestTenants.bulkUsers(tenant, "deleted-large", members);
        String old = group("Everyone", "ext-everyone", List.of());
        addMembers(old, users);
        JsonObject mapped = TestTenants.mapGroup(tenant, old, "Editor", stores);
        waitForJob(mapped.getJsonObject("remapJob").getJsonNumber("id").longValue());
        assertEquals(members, tenantStoredRows());

        assertEquals(204, scim.send(scim.request("Groups/" + old).DELETE()).status());

        JsonObject job = admin.get("remap-jobs?group=" + old).json().getJsonArray("jobs").getJsonObject(0);
        assertTrue(job.getString("reason").contains("Everyone"), job.toString());
        waitForJob(job.getJsonNumber("id").longValue());
        assertEquals(0, tenantStoredRows(), "every former member lost Editor in Stores");
        assertEquals(1, admin.get("deleted-groups/" + old).json().getJsonArray("keptMappings").size());

        String fresh = group("Everyone", "ext-everyone", List.of());
        addMembers(fresh, users);
        JsonObject restored = restore(old, fresh);
        assertEquals(200, lastStatus, restored.toString());
        JsonObject restoreJob = restored.getJsonObject("remapJob");
        assertEquals(members, restoreJob.getInt("total"), restoreJob.toString());
        assertEquals(0, restored.getInt("usersChanged"), "nobody waits for the recomputation in the request");
        JsonObject done = waitForJob(restoreJob.getJsonNumber("id").longValue());
        assertEquals(members, done.getInt("changed"));
        assertEquals(members, tenantStoredRows(), "every member has Editor in Stores again");
    }

    @Test
    void anotherEnterpriseCanNeitherListNorRestoreNorDiscardThem() {
        String mine = group("Mine", "ext-mine", List.of());
        TestTenants.mapGroup(tenant, mine, "Enterprise Admin", null);
        assertEquals(204, scim.send(scim.request("Groups/" + mine).DELETE()).status());
        Tenant other = TestTenants.create("Deleted groups other");
        ScimClient theirAdmin = TestTenants.admin(other);
        ScimClient theirScim = ScimClient.forTenant(other);
        String theirs = theirScim.post("Groups", "{\"displayName\":\"Theirs\"}").json().getString("id");

        assertEquals(0, theirAdmin.get("deleted-groups").json().getInt("totalResults"));
        ScimClient.Response read = theirAdmin.get("deleted-groups/" + mine);
        assertEquals(404, read.status(), read.toString());
        assertEquals("not_found", read.json().getString("code"));
        ScimClient.Response restore = theirAdmin.send(theirAdmin.request("deleted-groups/" + mine + "/restore")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"targetGroupId\":\"" + theirs + "\"}")));
        assertEquals(404, restore.status(), restore.toString());
        assertEquals(404, theirAdmin.send(theirAdmin.request("deleted-groups/" + mine + "/mappings").DELETE()).status());
        assertEquals(400, restoreStatus(mine, theirs), "nor can mine be restored onto their group");

        assertEquals(1, admin.get("deleted-groups/" + mine).json().getJsonArray("keptMappings").size(), "untouched");
        assertEquals(0, theirAdmin.get("groups/" + theirs + "/mappings").json().getJsonArray("mappings").size());
    }

    // --- helpers ---

    private int lastStatus;

    private JsonObject restore(String deletedGroup, String target) {
        ScimClient.Response answer = admin.send(admin.request("deleted-groups/" + deletedGroup + "/restore")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"targetGroupId\":\"" + target + "\"}")));
        lastStatus = answer.status();
        return answer.json();
    }

    private int restoreStatus(String deletedGroup, String target) {
        restore(deletedGroup, target);
        return lastStatus;
    }

    private String user(String name) {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"" + name + "@example.test\"}");
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private String group(String displayName, String externalId, List<String> members) {
        StringBuilder json = new StringBuilder("{\"displayName\":\"").append(displayName).append('"');
        if (externalId != null) {
            json.append(",\"externalId\":\"").append(externalId).append('"');
        }
        json.append(",\"members\":[");
        for (int i = 0; i < members.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"value\":\"").append(members.get(i)).append("\"}");
        }
        ScimClient.Response created = scim.post("Groups", json.append("]}").toString());
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private void addMembers(String group, List<String> users) {
        for (int from = 0; from < users.size(); from += 500) {
            StringBuilder values = new StringBuilder();
            for (String id : users.subList(from, Math.min(users.size(), from + 500))) {
                values.append(values.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
            }
            ScimClient.Response patched = scim.send(scim.request("Groups/" + group)
                    .header("Content-Type", "application/scim+json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                            "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[" + values + "]}]}")));
            assertEquals(204, patched.status(), patched.toString());
        }
    }

    private JsonObject waitForJob(long jobId) {
        JsonObject done = Await.until("remap job " + jobId, Duration.ofSeconds(180), () -> admin.get("remap-jobs/" + jobId)
                .json(), job -> job.getString("status").equals("DONE") || job.getString("status").equals("FAILED"));
        assertEquals("DONE", done.getString("status"), done.toString());
        return done;
    }

    private static long storedRows(String user) {
        return TestTenants.number("SELECT COUNT(*) FROM user_effective_role r JOIN user_account u ON u.id = r.user_id "
                + "WHERE u.scim_id = ?", user);
    }

    private long tenantStoredRows() {
        return TestTenants.number("SELECT COUNT(*) FROM user_effective_role WHERE enterprise_id = ?", tenant.enterpriseId());
    }

    private static List<String> described(jakarta.json.JsonArray mappings) {
        List<String> described = new ArrayList<>();
        for (JsonValue value : mappings) {
            JsonObject m = value.asJsonObject();
            if (m.containsKey("mapping")) {
                described.add(m.getString("mapping"));
            } else {
                String role = m.getJsonObject("role").getString("name");
                described.add(m.get("subAccount") == JsonValue.NULL ? role + " (enterprise level)"
                        : role + " in " + m.getJsonObject("subAccount").getString("name"));
            }
        }
        return described;
    }

    private static String roleIn(JsonObject access, String subAccount) {
        for (JsonValue entry : access.getJsonArray("subAccounts")) {
            JsonObject level = entry.asJsonObject();
            if (level.getJsonObject("subAccount").getString("name").equals(subAccount)) {
                return level.get("role") == JsonValue.NULL ? null : level.getJsonObject("role").getString("name");
            }
        }
        throw new AssertionError("no sub-account " + subAccount + " in " + access);
    }

    private JsonObject onlyEvent(String action, String resourceId) {
        JsonObject page = admin.get("audit-events?action=" + action + "&resourceId=" + resourceId).json();
        assertEquals(1, page.getInt("totalResults"), page.toString());
        return page.getJsonArray("events").getJsonObject(0);
    }

    @Test
    void theListShowsTheMostRecentlyDeletedFirstAndPages() {
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String g = group("Paged " + i, null, List.of());
            TestTenants.mapGroup(tenant, g, "Enterprise Admin", null);
            assertEquals(204, scim.send(scim.request("Groups/" + g).DELETE()).status());
            deleted.add(0, g);
        }
        JsonObject first = admin.get("deleted-groups?count=2").json();
        assertEquals(3, first.getInt("totalResults"));
        assertEquals(2, first.getInt("itemsPerPage"));
        JsonObject second = admin.get("deleted-groups?startIndex=3&count=2").json();
        List<String> ids = new ArrayList<>();
        first.getJsonArray("groups").forEach(g -> ids.add(g.asJsonObject().getString("id")));
        second.getJsonArray("groups").forEach(g -> ids.add(g.asJsonObject().getString("id")));
        assertEquals(deleted, ids);
        assertFalse(first.getJsonArray("groups").getJsonObject(0).getString("deletedAt").isEmpty());
    }
}
