package com.rollcall.idp;

import static com.rollcall.testing.ScimCalls.filter;
import static com.rollcall.testing.ScimCalls.groupIds;
import static com.rollcall.testing.ScimCalls.ids;
import static com.rollcall.testing.ScimCalls.memberIds;
import static com.rollcall.testing.ScimCalls.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Payloads;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimCalls;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TenantSnapshot;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Okta's way (ENTRA.md Q14), with Okta's payloads ({@code src/test/resources/scim/okta/}): it pages
 * with {@code startIndex}/{@code count}, looks users up by userName, updates and deactivates with
 * {@code PUT} (full replace), and pushes groups with {@code POST} then {@code PUT} of the member list.
 */
@ExtendWith(RollcallServer.class)
class OktaLifecycleIT {
    private static final String PASSWORD = "1mz050nq-Okta";

    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.forTenant(TestTenants.create("Okta"));
    }

    private static Map<String, String> person(String userName, String givenName, String familyName, String externalId) {
        return Map.of("userName", userName, "givenName", givenName, "familyName", familyName, "externalId", externalId);
    }

    private JsonObject createUser(String userName, String givenName, String familyName, String externalId) {
        ScimClient.Response created = scim.post("Users",
                Payloads.read("okta/create-user.json", person(userName, givenName, familyName, externalId)));
        assertEquals(201, created.status(), created.toString());
        assertFalse(created.text().contains(PASSWORD), "a password is never echoed");
        return created.json();
    }

    private JsonObject page(String query) {
        ScimClient.Response response = scim.get("Users?" + query);
        assertEquals(200, response.status(), response.toString());
        ScimCalls.assertListResponse(response.json());
        return response.json();
    }

    private Map<String, String> replacement(JsonObject user, String givenName, String familyName) {
        Map<String, String> values = new java.util.HashMap<>(person(user.getString("userName"), givenName, familyName,
                user.getString("externalId")));
        values.put("id", user.getString("id"));
        return values;
    }

    @Test
    void pagingWithStartIndexAndCountReportsTotalResultsItemsPerPageAndStartIndex() {
        Set<String> all = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            all.add(createUser("okta.page" + i + "@okta.local", "Page", "User" + i, "00upage" + i).getString("id"));
        }

        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= 5; start += 2) {
            JsonObject page = page("startIndex=" + start + "&count=2");
            assertEquals(5, page.getInt("totalResults"), page.toString());
            assertEquals(start, page.getInt("startIndex"));
            assertEquals(start == 5 ? 1 : 2, page.getInt("itemsPerPage"), page.toString());
            seen.addAll(ids(page));
        }
        assertEquals(5, seen.size(), "no user on two pages: " + seen);
        assertEquals(all, new HashSet<>(seen), "every user on exactly one page");

        JsonObject past = page("startIndex=6&count=2");
        assertEquals(5, past.getInt("totalResults"));
        assertEquals(0, past.getInt("itemsPerPage"));
        assertEquals(6, past.getInt("startIndex"));

        JsonObject oktaImport = page("startIndex=1&count=100");
        assertEquals(5, oktaImport.getInt("itemsPerPage"));
        assertEquals(all, new HashSet<>(ids(oktaImport)));
    }

    @Test
    void lookupByUserNameFindsNothingThenCreateThenFindsTheUser() {
        String lookup = "userName eq \"isaiah.langer@okta.local\"";
        assertEquals(0, filter(scim, "Users", lookup, "startIndex=1&count=100").getInt("totalResults"));

        JsonObject user = createUser("isaiah.langer@okta.local", "Isaiah", "Langer", "00ujl29u0le5T6Aj10h7");

        JsonObject found = filter(scim, "Users", lookup, "startIndex=1&count=100");
        assertEquals(List.of(user.getString("id")), ids(found));
        assertEquals("Isaiah", user.getJsonObject("name").getString("givenName"));
        assertEquals("en-US", user.getString("locale"));
        assertTrue(user.getBoolean("active"));
        assertFalse(user.containsKey("password"));
        assertFalse(user.containsKey("groups"), "the read-only groups Okta sends are not taken: " + user);
    }

    @Test
    void putWithOktasFullPayloadReplacesTheUserAndKeepsItsGroupMemberships() {
        JsonObject user = createUser("lidia.holloway@okta.local", "Lidia", "Holloway", "00ulidia1");
        String id = user.getString("id");
        String group = scim.post("Groups", "{\"displayName\":\"Okta Everyone\",\"members\":[{\"value\":\"" + id + "\"}]}")
                .json().getString("id");

        ScimClient.Response replaced = put(scim, "Users/" + id,
                Payloads.read("okta/replace-user.json", replacement(user, "Lidia-Ann", "Holloway-Smith")));

        assertEquals(200, replaced.status(), replaced.toString());
        JsonObject after = replaced.json();
        assertEquals(id, after.getString("id"));
        assertEquals("Lidia-Ann", after.getJsonObject("name").getString("givenName"));
        assertEquals("Holloway-Smith", after.getJsonObject("name").getString("familyName"));
        assertEquals("Lidia-Ann Holloway-Smith", after.getString("displayName"));
        assertTrue(after.getBoolean("active"));
        assertNotEquals(user.getJsonObject("meta").getString("version"), after.getJsonObject("meta").getString("version"));
        assertFalse(replaced.text().contains(PASSWORD));
        assertEquals(after, scim.get("Users/" + id).json());
        assertEquals(Set.of(group), groupIds(after), "\"groups\": [] in a PUT never removes memberships");
        assertEquals(Set.of(id), memberIds(scim.get("Groups/" + group).json()));
    }

    @Test
    void putWithActiveFalseDeactivatesAndPutWithActiveTrueReactivatesTheSameUser() {
        JsonObject user = createUser("diego.siciliani@okta.local", "Diego", "Siciliani", "00udiego1");
        String id = user.getString("id");
        String group = scim.post("Groups", "{\"displayName\":\"Okta Sales\",\"members\":[{\"value\":\"" + id + "\"}]}")
                .json().getString("id");

        ScimClient.Response off = put(scim, "Users/" + id,
                Payloads.read("okta/deactivate-user.json", replacement(user, "Diego", "Siciliani")));

        assertEquals(200, off.status(), off.toString());
        assertFalse(off.json().getBoolean("active"));
        assertFalse(scim.get("Users/" + id).json().getBoolean("active"));
        assertEquals(List.of(id), ids(filter(scim, "Users", "userName eq \"diego.siciliani@okta.local\"")),
                "a deactivated user is still found, so Okta never re-creates it");
        assertEquals(List.of(id), ids(filter(scim, "Users", "active eq false")));
        assertEquals(Set.of(id), memberIds(scim.get("Groups/" + group).json()), "memberships are kept");

        ScimClient.Response on = put(scim, "Users/" + id,
                Payloads.read("okta/replace-user.json", replacement(user, "Diego", "Siciliani")));

        assertEquals(200, on.status(), on.toString());
        assertTrue(on.json().getBoolean("active"));
        assertEquals(id, on.json().getString("id"));
        assertEquals(Set.of(group), groupIds(scim.get("Users/" + id).json()));
        assertEquals(0, filter(scim, "Users", "active eq false").getInt("totalResults"));
    }

    @Test
    void groupPushCreatesTheGroupThenPutReplacesItsNameAndMembers() {
        JsonObject ann = createUser("ann.push@okta.local", "Ann", "Push", "00uann");
        JsonObject bob = createUser("bob.push@okta.local", "Bob", "Push", "00ubob");
        JsonObject cat = createUser("cat.push@okta.local", "Cat", "Push", "00ucat");

        ScimClient.Response created = scim.post("Groups",
                Payloads.read("okta/create-group.json", Map.of("displayName", "Okta Push Group")));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().getString("id");
        assertTrue(created.header("Location").orElseThrow().endsWith("/Groups/" + id));

        ScimClient.Response two = put(scim, "Groups/" + id, Payloads.read("okta/replace-group.json", Map.of(
                "id", id, "displayName", "Okta Push Group", "member1", ann.getString("id"), "member1Display", "Ann Push",
                "member2", bob.getString("id"), "member2Display", "Bob Push")));
        assertEquals(200, two.status(), two.toString());
        assertEquals(Set.of(ann.getString("id"), bob.getString("id")), memberIds(two.json()));
        assertEquals(2, TenantSnapshot.memberCount(id));
        assertEquals(Set.of(id), groupIds(scim.get("Users/" + ann.getString("id")).json()));

        ScimClient.Response one = put(scim, "Groups/" + id, Payloads.read("okta/replace-group-one-member.json", Map.of(
                "id", id, "displayName", "Okta Push Group (renamed)", "member", cat.getString("id"),
                "memberDisplay", "Cat Push")));
        assertEquals(200, one.status(), one.toString());
        JsonObject read = scim.get("Groups/" + id).json();
        assertEquals("Okta Push Group (renamed)", read.getString("displayName"));
        assertEquals(Set.of(cat.getString("id")), memberIds(read));
        assertEquals(1, TenantSnapshot.memberCount(id));
        assertEquals(Set.of(), groupIds(scim.get("Users/" + ann.getString("id")).json()), "Ann left the group");
        assertEquals(Set.of(), groupIds(scim.get("Users/" + bob.getString("id")).json()));
        assertEquals(200, scim.get("Users/" + ann.getString("id")).status(), "leaving a group never deletes the user");
        assertEquals(List.of(id), ids(filter(scim, "Groups", "displayName eq \"Okta Push Group (renamed)\"")));
    }

    @Test
    void groupsPageLikeUsers() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, scim.post("Groups", Payloads.read("okta/create-group.json",
                    Map.of("displayName", "Okta Paged " + i))).status());
        }
        ScimClient.Response first = scim.get("Groups?startIndex=1&count=2");
        assertEquals(200, first.status(), first.toString());
        assertEquals(3, first.json().getInt("totalResults"));
        assertEquals(2, first.json().getInt("itemsPerPage"));
        ScimClient.Response second = scim.get("Groups?startIndex=3&count=2");
        assertEquals(1, second.json().getInt("itemsPerPage"));
        assertEquals(3, second.json().getInt("startIndex"));
        Set<String> seen = new HashSet<>(ids(first.json()));
        seen.addAll(ids(second.json()));
        assertEquals(3, seen.size());
    }
}
