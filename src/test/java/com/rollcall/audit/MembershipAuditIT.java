package com.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who joined and left a group, answerable: a membership change's audit event names the users it added and removed
 * (id and userName; the first 1,000 and the exact counts), and the audit log filtered by a user shows every
 * membership change that touched them — SCIM PATCH, PUT, create, delete and the admin API alike.
 */
@ExtendWith(RollcallServer.class)
class MembershipAuditIT {
    private final Tenant tenant = TestTenants.create("MembershipAudit", 5_000, "scim,admin");
    private final ScimClient scim = ScimClient.forTenant(tenant);
    private final JsonClient admin = JsonClient.admin(tenant);

    @Test
    void everyMembershipChangeNamesWhoJoinedAndLeftAndIsFoundByUser() {
        String ann = user("ann.audit@example.com");
        String bob = user("bob.audit@example.com");
        String cat = user("cat.audit@example.com");
        String group = scim.post("Groups", "{\"displayName\":\"Auditors\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");
        patch(group, "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"},{\"value\":\"" + bob
                + "\"},{\"value\":\"" + cat + "\"}]}");
        patch(group, "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + cat + "\\\"]\"}");

        JsonObject added = latest("GROUP_PATCHED", 1);
        assertEquals(List.of(bob, cat), ids(added, "joined"), "Ann was a member already: she did not join again");
        assertEquals(2, added.getJsonObject("after").getInt("joinedCount"));
        assertEquals("bob.audit@example.com", added.getJsonObject("after").getJsonArray("joined").getJsonObject(0)
                .getString("userName"));
        JsonObject removed = latest("GROUP_PATCHED", 0);
        assertEquals(List.of(cat), ids(removed, "left"));

        List<String> aboutCat = actions(cat);
        assertEquals(List.of("GROUP_PATCHED", "GROUP_PATCHED", "USER_CREATED"), aboutCat,
                "Cat's own creation and the two changes that touched her, newest first");
        List<String> aboutAnn = actions(ann);
        assertEquals(List.of("GROUP_CREATED", "USER_CREATED"), aboutAnn, "the create that added her; the PATCH did not");

        assertEquals(204, scim.send(scim.request("Groups/" + group).DELETE()).status());
        assertEquals("GROUP_DELETED", actions(bob).get(0), "the deletion touched Bob too");
        assertEquals(JsonClient.admin(tenant).get("audit-events?userId=" + bob).json().getInt("totalResults"),
                actions(bob).size());
    }

    @Test
    void aThousandNamedAndTheExactCounts() {
        List<String> users = TestTenants.bulkUsers(tenant, "many", 1_100);
        String group = scim.post("Groups", "{\"displayName\":\"Many\"}").json().getString("id");
        StringBuilder values = new StringBuilder();
        for (String id : users) {
            values.append(values.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        patch(group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[" + values + "]}");
        JsonObject event = latest("GROUP_PATCHED", 0);
        assertEquals(1_100, event.getJsonObject("after").getInt("joinedCount"), "the exact count");
        assertEquals(50, event.getJsonObject("after").getJsonArray("joined").size(), "the event's state lists the first 50");
        JsonObject named = admin.get("audit-events/" + event.getString("id") + "/users?count=1000").json();
        assertEquals(AuditTrail.MAX_SUBJECTS, named.getInt("totalResults"), "the first 1,000 are named");
        assertEquals("JOINED", named.getJsonArray("users").getJsonObject(0).getString("relation"));
        assertTrue(named.getJsonArray("users").getJsonObject(0).getString("userName").startsWith("many"));
        JsonObject foreign = JsonClient.admin(TestTenants.create("MembershipAuditOther")).get("audit-events/"
                + event.getString("id") + "/users").json();
        assertEquals(0, foreign.getInt("totalResults"), "another enterprise sees nobody in this event");
        assertEquals(List.of("GROUP_PATCHED"), actions(users.get(0)), "the first members are named (bulk users have no "
                + "creation event)");
        assertEquals(List.of(), actions(users.get(1_099)), "beyond the first 1,000: counted, not named");
    }

    private String user(String userName) {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"" + userName + "\"}");
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private void patch(String group, String operation) {
        ScimClient.Response r = scim.send(scim.request("Groups/" + group).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:"
                        + "2.0:PatchOp\"],\"Operations\":[" + operation + "]}")));
        assertEquals(204, r.status(), r.toString());
    }

    /** The n-th newest event with this action (0: the newest). */
    private JsonObject latest(String action, int n) {
        return admin.get("audit-events?action=" + action + "&count=10").json().getJsonArray("events")
                .getJsonObject(n);
    }

    private static List<String> ids(JsonObject event, String list) {
        return event.getJsonObject("after").getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .map(u -> u.getString("id")).toList();
    }

    private List<String> actions(String userId) {
        return admin.get("audit-events?userId=" + userId + "&count=50").json().getJsonArray("events")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
    }
}
