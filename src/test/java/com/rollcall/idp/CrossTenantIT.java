package com.rollcall.idp;

import static com.rollcall.testing.ScimCalls.assertScimError;
import static com.rollcall.testing.ScimCalls.delete;
import static com.rollcall.testing.ScimCalls.filter;
import static com.rollcall.testing.ScimCalls.groupIds;
import static com.rollcall.testing.ScimCalls.ids;
import static com.rollcall.testing.ScimCalls.memberIds;
import static com.rollcall.testing.ScimCalls.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TenantSnapshot;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two enterprises with look-alike data (one user and one group with the same names and externalIds in
 * both, one of each unique to each). Through every endpoint, each enterprise's token neither sees nor
 * touches the other's users, groups or memberships, whichever id, filter or member reference it uses;
 * every check runs in both directions and ends by comparing the other enterprise with what it was.
 */
@ExtendWith(RollcallServer.class)
class CrossTenantIT {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** One enterprise and its data. */
    record Side(String name, Tenant tenant, ScimClient scim, String ownUserId, String sharedUserId, String groupId,
            String sharedGroupId) {
        String ownUserName() {
            return name + ".only@example.com";
        }

        String ownExternalId() {
            return name + "-ext";
        }

        String ownEmail() {
            return name + ".work@example.com";
        }

        String ownEmployeeNumber() {
            return "EMP-" + name;
        }

        String groupName() {
            return name + " Team";
        }

        String groupExternalId() {
            return name + "-group-ext";
        }

        Set<String> userIds() {
            return Set.of(ownUserId, sharedUserId);
        }

        Set<String> allGroupIds() {
            return Set.of(groupId, sharedGroupId);
        }
    }

    private Side alpha;
    private Side beta;

    @BeforeEach
    void twoEnterprises() {
        alpha = side("alpha");
        beta = side("beta");
    }

    private static Side side(String name) {
        Tenant tenant = TestTenants.create("Cross " + name);
        ScimClient scim = ScimClient.forTenant(tenant);
        String own = created(scim, "Users", "{\"userName\":\"" + name + ".only@example.com\",\"externalId\":\"" + name
                + "-ext\",\"displayName\":\"" + name + "\",\"emails\":[{\"type\":\"work\",\"value\":\"" + name
                + ".work@example.com\"}],\"" + ENTERPRISE + "\":{\"employeeNumber\":\"EMP-" + name + "\"}}");
        String shared = created(scim, "Users", "{\"userName\":\"same.person@example.com\",\"externalId\":\"same-ext\","
                + "\"emails\":[{\"type\":\"work\",\"value\":\"same.person@example.com\"}]}");
        String group = created(scim, "Groups", "{\"displayName\":\"" + name + " Team\",\"externalId\":\"" + name
                + "-group-ext\",\"members\":[{\"value\":\"" + own + "\"},{\"value\":\"" + shared + "\"}]}");
        String sharedGroup = created(scim, "Groups", "{\"displayName\":\"Everyone\",\"externalId\":\"everyone\","
                + "\"members\":[{\"value\":\"" + shared + "\"},{\"value\":\"" + group + "\",\"type\":\"Group\"}]}");
        return new Side(name, tenant, scim, own, shared, group, sharedGroup);
    }

    private static String created(ScimClient scim, String path, String json) {
        ScimClient.Response response = scim.post(path, json);
        assertEquals(201, response.status(), response.toString());
        return response.json().getString("id");
    }

    /** What the other side looks like, from its own token: DB state and every resource as read. */
    private static Map<String, Object> state(Side side) {
        Map<String, Object> state = new java.util.LinkedHashMap<>(TenantSnapshot.of(side.tenant()));
        for (String id : side.userIds()) {
            state.put("Users/" + id, side.scim().get("Users/" + id).json());
        }
        for (String id : side.allGroupIds()) {
            state.put("Groups/" + id, side.scim().get("Groups/" + id).json());
        }
        return state;
    }

    /** Runs the check from alpha against beta and from beta against alpha; neither side may change. */
    private void bothWays(BiConsumer<Side, Side> check) {
        for (Side[] pair : List.of(new Side[] {alpha, beta}, new Side[] {beta, alpha})) {
            Side me = pair[0];
            Side them = pair[1];
            Map<String, Object> mine = state(me);
            Map<String, Object> theirs = state(them);
            check.accept(me, them);
            assertEquals(theirs, state(them), me.name() + " changed " + them.name() + "'s data");
            assertEquals(mine, state(me), me.name() + "'s failed requests changed its own data");
        }
    }

    private static ScimClient.Response sendWithIfMatch(ScimClient scim, String method, String path, String body) {
        HttpRequest.Builder request = scim.request(path).header("If-Match", "*").method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        return scim.send(request);
    }

    @Test
    void theOtherEnterprisesPeopleInvitationsAndLicenseRequestsAreInvisibleAndUntouchable() {
        Map<String, String> consoleUserIds = new java.util.HashMap<>();
        Map<String, String> requestIds = new java.util.HashMap<>();
        for (Side side : List.of(alpha, beta)) {
            JsonClient admin = JsonClient.admin(side.tenant());
            ScimClient.Response invited = admin.post("console-users", "{\"email\": \"" + side.name()
                    + ".person." + side.tenant().enterpriseId() + "@example.com\", \"role\": \"INTEGRATIONS_MANAGER\"}");
            assertEquals(201, invited.status(), invited.toString());
            consoleUserIds.put(side.name(), invited.json().getJsonObject("consoleUser").getString("id"));
            ScimClient.Response requested = admin.post("license/requests", "{\"seats\": 10}");
            assertEquals(201, requested.status(), requested.toString());
            requestIds.put(side.name(), requested.json().getString("id"));
        }
        bothWays((me, them) -> {
            JsonClient admin = JsonClient.admin(me.tenant());
            String theirs = consoleUserIds.get(them.name());
            JsonClient.assertError(admin.get("console-users/" + theirs), 404, "not_found");
            JsonClient.assertError(admin.patch("console-users/" + theirs, "{\"role\": \"ENTERPRISE_ADMIN\"}"), 404, "not_found");
            JsonClient.assertError(admin.patch("console-users/" + theirs, "{\"disabled\": true}"), 404, "not_found");
            JsonClient.assertError(admin.post("console-users/" + theirs + "/invitation", "{}"), 404, "not_found");
            JsonClient.assertError(admin.delete("console-users/" + theirs), 404, "not_found");
            ScimClient.Response people = admin.get("console-users");
            assertEquals(200, people.status());
            assertFalse(people.text().contains(them.name() + ".person."), people.toString());
            assertFalse(people.text().contains(them.tenant().adminLogin()), people.toString());
            ScimClient.Response requests = admin.get("license/requests");
            assertEquals(200, requests.status());
            assertEquals(List.of(requestIds.get(me.name())), requests.json().getJsonArray("requests")
                    .getValuesAs(jakarta.json.JsonObject.class).stream().map(r -> r.getString("id")).toList());
            ScimClient.Response audit = admin.get("audit-events?count=500");
            assertFalse(audit.text().contains(them.name() + ".person."), "the other side's invitation is not in my log");
        });
    }

    @Test
    void theOtherEnterprisesUsersAndGroupsAre404ToRead() {
        bothWays((me, them) -> {
            for (String id : them.userIds()) {
                assertScimError(me.scim().get("Users/" + id), 404, null);
                assertScimError(me.scim().get("Users/" + id + "?attributes=userName"), 404, null);
            }
            for (String id : them.allGroupIds()) {
                assertScimError(me.scim().get("Groups/" + id), 404, null);
                assertScimError(me.scim().get("Groups/" + id + "?excludedAttributes=members"), 404, null);
            }
        });
    }

    @Test
    void theOtherEnterprisesUsersAndGroupsAre404ToReplaceOrDeleteAndStayUnchanged() {
        bothWays((me, them) -> {
            String ownUser = "{\"userName\":\"" + them.ownUserName() + "\",\"title\":\"hijacked\",\"active\":false}";
            assertScimError(put(me.scim(), "Users/" + them.ownUserId(), ownUser), 404, null);
            assertScimError(sendWithIfMatch(me.scim(), "PUT", "Users/" + them.sharedUserId(),
                    "{\"userName\":\"same.person@example.com\",\"active\":false}"), 404, null);
            assertScimError(delete(me.scim(), "Users/" + them.ownUserId()), 404, null);
            assertScimError(sendWithIfMatch(me.scim(), "DELETE", "Users/" + them.sharedUserId(), null), 404, null);

            String takeOver = "{\"displayName\":\"" + them.groupName() + "\",\"members\":[{\"value\":\"" + me.ownUserId()
                    + "\"}]}";
            assertScimError(put(me.scim(), "Groups/" + them.groupId(), takeOver), 404, null);
            assertScimError(put(me.scim(), "Groups/" + them.sharedGroupId(), "{\"displayName\":\"Everyone\",\"members\":[]}"),
                    404, null);
            assertScimError(delete(me.scim(), "Groups/" + them.groupId()), 404, null);
            assertScimError(sendWithIfMatch(me.scim(), "DELETE", "Groups/" + them.sharedGroupId(), null), 404, null);
        });
    }

    @Test
    void listsOnlyShowTheirOwnEnterprise() {
        bothWays((me, them) -> {
            JsonObject users = me.scim().get("Users").json();
            assertEquals(2, users.getInt("totalResults"), users.toString());
            assertEquals(me.userIds(), new HashSet<>(ids(users)));
            assertEquals(2, me.scim().get("Users?count=0").json().getInt("totalResults"));
            assertEquals(1, me.scim().get("Users?startIndex=2&count=5").json().getInt("itemsPerPage"));
            JsonObject groups = me.scim().get("Groups").json();
            assertEquals(me.allGroupIds(), new HashSet<>(ids(groups)));
            for (int i = 0; i < groups.getJsonArray("Resources").size(); i++) {
                Set<String> members = memberIds(groups.getJsonArray("Resources").getJsonObject(i));
                members.removeAll(me.userIds());
                members.removeAll(me.allGroupIds());
                assertEquals(Set.of(), members, "members from elsewhere");
            }
            assertEquals(me.allGroupIds(), new HashSet<>(ids(me.scim().get("Groups?excludedAttributes=members").json())));
        });
    }

    @Test
    void filtersNeverMatchTheOtherEnterprisesUsers() {
        bothWays((me, them) -> {
            for (String f : List.of("id eq \"" + them.ownUserId() + "\"", "id eq \"" + them.sharedUserId() + "\"",
                    "userName eq \"" + them.ownUserName() + "\"", "externalId eq \"" + them.ownExternalId() + "\"",
                    "emails[type eq \"work\"].value eq \"" + them.ownEmail() + "\"",
                    ENTERPRISE + ":employeeNumber eq \"" + them.ownEmployeeNumber() + "\"",
                    "groups.value eq \"" + them.groupId() + "\"", "groups.value eq \"" + them.sharedGroupId() + "\"",
                    "userName sw \"" + them.name() + "\"", "displayName eq \"" + them.name() + "\"")) {
                assertEquals(0, filter(me.scim(), "Users", f).getInt("totalResults"), me.name() + ": " + f);
            }
            assertEquals(List.of(me.sharedUserId()), ids(filter(me.scim(), "Users", "userName eq \"SAME.person@example.com\"")));
            assertEquals(List.of(me.sharedUserId()), ids(filter(me.scim(), "Users", "externalId eq \"same-ext\"")));
            assertEquals(List.of(me.sharedUserId()), ids(filter(me.scim(), "Users",
                    "emails[type eq \"work\"].value eq \"same.person@example.com\"")));
            assertEquals(me.userIds(), new HashSet<>(ids(filter(me.scim(), "Users", "userName pr"))));
            assertEquals(me.userIds(), new HashSet<>(ids(filter(me.scim(), "Users", "groups.display eq \"Everyone\" or "
                    + "groups.value eq \"" + me.groupId() + "\""))));
        });
    }

    @Test
    void filtersNeverMatchTheOtherEnterprisesGroups() {
        bothWays((me, them) -> {
            for (String f : List.of("id eq \"" + them.groupId() + "\"", "displayName eq \"" + them.groupName() + "\"",
                    "externalId eq \"" + them.groupExternalId() + "\"", "members.value eq \"" + them.ownUserId() + "\"",
                    "members.value eq \"" + them.sharedUserId() + "\"", "displayName sw \"" + them.name() + "\"")) {
                assertEquals(0, filter(me.scim(), "Groups", f, "excludedAttributes=members").getInt("totalResults"),
                        me.name() + ": " + f);
            }
            assertEquals(List.of(me.sharedGroupId()), ids(filter(me.scim(), "Groups", "displayName eq \"everyone\"",
                    "excludedAttributes=members")));
            assertEquals(List.of(me.sharedGroupId()), ids(filter(me.scim(), "Groups", "externalId eq \"everyone\"")));
            assertEquals(Set.of(me.groupId(), me.sharedGroupId()), new HashSet<>(ids(filter(me.scim(), "Groups",
                    "members.value eq \"" + me.sharedUserId() + "\""))));
        });
    }

    @Test
    void searchesByPostOnlySeeTheirOwnEnterprise() {
        bothWays((me, them) -> {
            assertEquals(0, search(me, "Users/.search", "{\"filter\":\"id eq \\\"" + them.ownUserId() + "\\\"\"}")
                    .getInt("totalResults"));
            assertEquals(me.userIds(), new HashSet<>(ids(search(me, "Users/.search", "{}"))));
            JsonObject sharedName = search(me, "Users/.search", "{\"filter\":\"userName eq \\\"same.person@example.com\\\"\"}");
            assertEquals(List.of(me.sharedUserId()), ids(sharedName));
            assertEquals(0, search(me, "Groups/.search", "{\"filter\":\"displayName eq \\\"" + them.groupName() + "\\\"\"}")
                    .getInt("totalResults"));
            assertEquals(me.allGroupIds(), new HashSet<>(ids(search(me, "Groups/.search",
                    "{\"excludedAttributes\":[\"members\"]}"))));

            JsonObject everything = search(me, ".search", "{\"count\":100}");
            assertEquals(4, everything.getInt("totalResults"), everything.toString());
            Set<String> mine = new HashSet<>(me.userIds());
            mine.addAll(me.allGroupIds());
            assertEquals(mine, new HashSet<>(ids(everything)));
            assertEquals(0, search(me, ".search", "{\"filter\":\"id eq \\\"" + them.sharedUserId() + "\\\"\"}")
                    .getInt("totalResults"));
            assertEquals(0, search(me, ".search", "{\"filter\":\"id eq \\\"" + them.sharedGroupId() + "\\\"\"}")
                    .getInt("totalResults"));
            assertEquals(List.of(me.sharedGroupId()), ids(search(me, ".search",
                    "{\"filter\":\"displayName eq \\\"Everyone\\\"\"}")));
            JsonObject secondPage = search(me, ".search", "{\"startIndex\":3,\"count\":10}");
            assertEquals(4, secondPage.getInt("totalResults"));
            assertEquals(2, secondPage.getInt("itemsPerPage"));
        });
    }

    private static JsonObject search(Side me, String path, String body) {
        ScimClient.Response response = me.scim().post(path, body);
        assertEquals(200, response.status(), path + " " + body + " -> " + response);
        return response.json();
    }

    @Test
    void groupsCannotTakeTheOtherEnterprisesUsersOrGroupsAsMembers() {
        bothWays((me, them) -> {
            for (String foreign : List.of(them.ownUserId(), them.sharedUserId())) {
                ScimClient.Response create = me.scim().post("Groups", "{\"displayName\":\"Poach " + foreign
                        + "\",\"members\":[{\"value\":\"" + me.ownUserId() + "\"},{\"value\":\"" + foreign + "\"}]}");
                assertScimError(create, 400, "invalidValue");
                assertTrue(create.json().getString("detail").contains(foreign), create.toString());
            }
            ScimClient.Response nested = me.scim().post("Groups", "{\"displayName\":\"Poach group\",\"members\":[{\"value\":\""
                    + them.groupId() + "\",\"type\":\"Group\"}]}");
            assertScimError(nested, 400, "invalidValue");

            ScimClient.Response replace = put(me.scim(), "Groups/" + me.groupId(), "{\"displayName\":\"" + me.groupName()
                    + "\",\"externalId\":\"" + me.groupExternalId() + "\",\"members\":[{\"value\":\"" + me.ownUserId()
                    + "\"},{\"value\":\"" + them.sharedUserId() + "\"}]}");
            assertScimError(replace, 400, "invalidValue");
            ScimClient.Response replaceNested = put(me.scim(), "Groups/" + me.sharedGroupId(),
                    "{\"displayName\":\"Everyone\",\"externalId\":\"everyone\",\"members\":[{\"value\":\""
                            + them.sharedGroupId() + "\",\"type\":\"Group\"}]}");
            assertScimError(replaceNested, 400, "invalidValue");
        });
        assertEquals(Set.of(beta.groupId(), beta.sharedGroupId()), groupIds(beta.scim().get("Users/" + beta.sharedUserId())
                .json()), "beta's shared user is only in beta's groups");
    }

    @Test
    void sameNamesInBothEnterprisesAreIndependentRecords() {
        Map<String, Object> betaBefore = state(beta);

        ScimClient.Response renamed = put(alpha.scim(), "Users/" + alpha.sharedUserId(),
                "{\"userName\":\"renamed.person@example.com\",\"externalId\":\"same-ext\"}");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(201, alpha.scim().post("Users", "{\"userName\":\"" + beta.ownUserName() + "\",\"externalId\":\""
                + beta.ownExternalId() + "\"}").status(), "uniqueness is per enterprise");
        assertEquals(201, alpha.scim().post("Groups", "{\"displayName\":\"" + beta.groupName() + "\",\"externalId\":\""
                + beta.groupExternalId() + "\"}").status());
        assertEquals(204, delete(alpha.scim(), "Groups/" + alpha.sharedGroupId()).status());
        assertEquals(204, delete(alpha.scim(), "Users/" + alpha.sharedUserId()).status());

        assertEquals(betaBefore, state(beta), "beta's look-alike user and group are untouched");
        assertEquals(List.of(beta.sharedUserId()), ids(filter(beta.scim(), "Users", "userName eq \"same.person@example.com\"")));
        assertEquals(List.of(beta.ownUserId()), ids(filter(beta.scim(), "Users",
                "userName eq \"" + beta.ownUserName() + "\"")));
        assertTrue(memberIds(beta.scim().get("Groups/" + beta.sharedGroupId()).json()).contains(beta.sharedUserId()));
    }
}
