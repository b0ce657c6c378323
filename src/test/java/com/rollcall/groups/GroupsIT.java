package com.rollcall.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /Groups: create (Entra creates empty, then adds members), read with and without members, delete. */
@ExtendWith(RollcallServer.class)
class GroupsIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Groups"));

    private String user(String userName) {
        return scim.post("Users", "{\"userName\":\"" + userName + "\",\"displayName\":\"" + userName + "\"}")
                .json().getString("id");
    }

    @Test
    void entraCreatesAnEmptyGroupAndFindsItWithoutMembers() {
        ScimClient.Response created = scim.post("Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\","
                + "\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\"],"
                + "\"displayName\":\"Sales EMEA\",\"externalId\":\"8aa1a0c0\",\"members\":[]}");

        assertEquals(201, created.status(), created.toString());
        JsonObject group = created.json();
        assertEquals("Sales EMEA", group.getString("displayName"));
        assertEquals("8aa1a0c0", group.getString("externalId"));
        assertEquals(0, group.getJsonArray("members").size());
        assertTrue(created.header("Location").orElseThrow().endsWith("/scim/v2/Groups/" + group.getString("id")));
        assertEquals(group.getJsonObject("meta").getString("version"), created.header("ETag").orElseThrow());

        ScimClient.Response read = scim.get("Groups/" + group.getString("id") + "?excludedAttributes=members");
        assertEquals(200, read.status());
        assertFalse(read.json().containsKey("members"), read.toString());
        assertEquals("Sales EMEA", read.json().getString("displayName"));
    }

    @Test
    void createWithMembersReturnsThemAndTheMemberCountIsKept() throws SQLException {
        String ann = user("ann.g@example.com");
        String bob = user("bob.g@example.com");
        String nested = scim.post("Groups", "{\"displayName\":\"Nested\"}").json().getString("id");

        ScimClient.Response created = scim.post("Groups", "{\"displayName\":\"Engineering\",\"members\":["
                + "{\"value\":\"" + ann + "\"},{\"value\":\"" + bob + "\"},{\"value\":\"" + bob + "\"},"
                + "{\"value\":\"" + nested + "\",\"type\":\"Group\"}]}");

        assertEquals(201, created.status(), created.toString());
        Set<String> members = new HashSet<>();
        created.json().getJsonArray("members").forEach(m -> members.add(m.asJsonObject().getString("value")));
        assertEquals(Set.of(ann, bob, nested), members);
        JsonObject read = scim.get("Groups/" + created.json().getString("id")).json();
        assertEquals(3, read.getJsonArray("members").size());
        assertEquals("User", read.getJsonArray("members").getJsonObject(0).getString("type"));
        assertEquals(3, memberCount(created.json().getString("id")));
    }

    @Test
    void unknownMemberIdIs400NamingItAndCreatesNothing() {
        String ann = user("ann.unknown@example.com");
        ScimClient.Response refused = scim.post("Groups", "{\"displayName\":\"Bad members\",\"members\":["
                + "{\"value\":\"" + ann + "\"},{\"value\":\"no-such-id\"}]}");

        assertEquals(400, refused.status(), refused.toString());
        assertEquals("invalidValue", refused.json().getString("scimType"));
        assertTrue(refused.json().getString("detail").contains("no-such-id"));
        assertEquals(201, scim.post("Groups", "{\"displayName\":\"Bad members\"}").status(), "the failed create left nothing");
    }

    /**
     * Two groups may share a displayName (RFC 7643 §8.7.1 "uniqueness": "none"; Entra allows it across OUs), and the
     * lookup finds both. The externalId stays unique: its 409 is {@code uniqueness}, and the filter an IdP matching on
     * externalId uses finds the holder.
     */
    @Test
    void twoGroupsMayShareADisplayNameButNotAnExternalId() {
        String first = scim.post("Groups", "{\"displayName\":\"Marketing\",\"externalId\":\"ou-1-marketing\"}")
                .json().getString("id");
        ScimClient.Response second = scim.post("Groups", "{\"displayName\":\"MARKETING\",\"externalId\":\"ou-2-marketing\"}");
        assertEquals(201, second.status(), second.toString());

        Set<String> found = new HashSet<>();
        scim.get("Groups?excludedAttributes=members&filter=" + java.net.URLEncoder.encode("displayName eq \"marketing\"",
                java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("Resources")
                .forEach(r -> found.add(r.asJsonObject().getString("id")));
        assertEquals(Set.of(first, second.json().getString("id")), found);

        ScimClient.Response clash = scim.post("Groups", "{\"displayName\":\"Marketing 3\",\"externalId\":\"ou-1-marketing\"}");
        assertEquals(409, clash.status(), clash.toString());
        assertEquals("uniqueness", clash.json().getString("scimType"));
        assertTrue(clash.json().getString("detail").contains("externalId"), clash.toString());
        JsonObject holder = scim.get("Groups?filter=" + java.net.URLEncoder.encode("externalId eq \"ou-1-marketing\"",
                java.nio.charset.StandardCharsets.UTF_8)).json();
        assertEquals(1, holder.getInt("totalResults"));
        assertEquals(first, holder.getJsonArray("Resources").getJsonObject(0).getString("id"), "the IdP finds the holder");
    }

    @Test
    void deleteRemovesTheGroupButNotItsUsers() {
        String ann = user("ann.del@example.com");
        String id = scim.post("Groups", "{\"displayName\":\"Temp\",\"members\":[{\"value\":\"" + ann + "\"}]}")
                .json().getString("id");

        assertEquals(204, scim.send(scim.request("Groups/" + id).DELETE()).status());

        assertEquals(404, scim.get("Groups/" + id).status());
        assertEquals(200, scim.get("Users/" + ann).status());
        assertEquals(404, scim.send(scim.request("Groups/" + id).DELETE()).status());
    }

    @Test
    void anotherEnterprisesGroupAndUsersAreInvisible() {
        ScimClient other = ScimClient.forTenant(TestTenants.create("Groups other"));
        String theirUser = other.post("Users", "{\"userName\":\"theirs@example.com\"}").json().getString("id");
        String theirGroup = other.post("Groups", "{\"displayName\":\"Theirs\"}").json().getString("id");

        assertEquals(404, scim.get("Groups/" + theirGroup).status());
        ScimClient.Response foreignMember = scim.post("Groups",
                "{\"displayName\":\"Mine\",\"members\":[{\"value\":\"" + theirUser + "\"}]}");
        assertEquals(400, foreignMember.status(), "a foreign user id is not a member id here");
    }

    @Test
    void putReplacesNameExternalIdAndMembers() throws SQLException {
        String ann = user("ann.put@example.com");
        String bob = user("bob.put@example.com");
        String carol = user("carol.put@example.com");
        JsonObject group = scim.post("Groups", "{\"displayName\":\"Before\",\"members\":[{\"value\":\"" + ann
                + "\"},{\"value\":\"" + bob + "\"}]}").json();
        String id = group.getString("id");

        ScimClient.Response replaced = scim.send(scim.request("Groups/" + id).header("Content-Type", "application/scim+json")
                .header("If-Match", group.getJsonObject("meta").getString("version"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"displayName\":\"After\",\"externalId\":\"x-1\","
                        + "\"members\":[{\"value\":\"" + bob + "\"},{\"value\":\"" + carol + "\"}]}")));

        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals("After", replaced.json().getString("displayName"));
        Set<String> members = new HashSet<>();
        replaced.json().getJsonArray("members").forEach(m -> members.add(m.asJsonObject().getString("value")));
        assertEquals(Set.of(bob, carol), members);
        assertEquals(2, memberCount(id));
        ScimClient.Response stale = scim.send(scim.request("Groups/" + id).header("Content-Type", "application/scim+json")
                .header("If-Match", group.getJsonObject("meta").getString("version"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Again\"}")));
        assertEquals(412, stale.status(), "the old ETag no longer matches");
        assertEquals("After", scim.get("Groups/" + id).json().getString("displayName"));
    }

    private static int memberCount(String scimId) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT member_count FROM user_group WHERE scim_id = ?")) {
            s.setString(1, scimId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
