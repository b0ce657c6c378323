package com.rollcall.admin;

import static com.rollcall.testing.JsonClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /api/admin/v1/export: users, groups, roles, mappings as JSON and RFC 4180 CSV; tenant-scoped. */
@ExtendWith(RollcallServer.class)
class AdminExportIT {
    private static Tenant tenant;
    private static JsonClient admin;
    private static String annId;
    private static String groupId;
    private static long stores;

    @BeforeAll
    static void data() {
        tenant = TestTenants.create("AdminExport");
        admin = JsonClient.admin(tenant);
        ScimClient scim = ScimClient.forTenant(tenant);
        annId = scim.post("Users", "{\"userName\":\"ann@export.test\",\"name\":{\"givenName\":\"Ann, \\\"the\\\" first\","
                + "\"familyName\":\"Lee\"},\"emails\":[{\"value\":\"ann@export.test\",\"type\":\"work\",\"primary\":true},"
                + "{\"value\":\"ann@home.test\"}],\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"employeeNumber\":\"E-1\"}}").json().getString("id");
        TestTenants.manualUser(tenant, "manual.bob", "bob@export.test", null, true);
        groupId = scim.post("Groups", "{\"displayName\":\"Sales\",\"members\":[{\"value\":\"" + annId + "\"}]}").json().getString("id");
        stores = TestTenants.subAccount(tenant, "Stores");
        TestTenants.mapGroup(tenant, groupId, "Editor", stores);
        Tenant other = TestTenants.create("AdminExportOther");
        ScimClient.forTenant(other).post("Users", "{\"userName\":\"stranger@export.test\"}");
    }

    @Test
    void jsonHoldsAllFourKinds() {
        ScimClient.Response response = admin.get("export");
        assertEquals(200, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertTrue(response.header("Content-Disposition").orElse("")
                .matches("attachment; filename=\"rollcall-[a-z0-9-]+-backup-\\d{8}T\\d{6}Z\\.json\""),
                "the enterprise and the UTC time in the name: " + response.header("Content-Disposition"));
        JsonObject backup = response.json();
        assertEquals(2, backup.getInt("formatVersion"));
        assertTrue(java.time.Instant.parse(backup.getString("exportedAt")).isAfter(java.time.Instant.now().minusSeconds(600)));
        assertEquals(Long.toString(tenant.enterpriseId()), backup.getJsonObject("enterprise").getString("id"));
        List<JsonObject> users = backup.getJsonArray("users").getValuesAs(JsonObject.class);
        assertEquals(2, users.size(), "only this enterprise's users: " + users);
        JsonObject ann = users.stream().filter(u -> u.getString("id").equals(annId)).findFirst().orElseThrow();
        assertEquals("ann@export.test", ann.getString("userName"));
        assertEquals("Ann, \"the\" first", ann.getString("givenName"));
        assertEquals("E-1", ann.getString("employeeNumber"));
        assertEquals("SCIM", ann.getString("source"));
        assertTrue(ann.getBoolean("active"));
        assertEquals(2, ann.getJsonArray("emails").size());
        assertTrue(ann.getJsonArray("emails").getJsonObject(0).getBoolean("primary"));
        assertTrue(users.stream().anyMatch(u -> u.getString("source").equals("MANUAL")));

        JsonObject group = backup.getJsonArray("groups").getJsonObject(0);
        assertEquals("Sales", group.getString("displayName"));
        assertEquals(List.of(annId), group.getJsonArray("members").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(List.of("ann@export.test"), group.getJsonArray("memberUserNames").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());

        List<JsonObject> roles = backup.getJsonArray("roles").getValuesAs(JsonObject.class);
        JsonObject editor = roles.stream().filter(r -> "EDITOR".equals(r.getString("code", null))).findFirst().orElseThrow();
        assertTrue(editor.getBoolean("builtIn"));
        assertTrue(editor.getJsonArray("permissions").toString().contains("PUBLISH_CONTENT"));

        JsonObject mapping = backup.getJsonArray("mappings").getJsonObject(0);
        assertEquals(groupId, mapping.getString("groupId"));
        assertEquals("SUB_ACCOUNT", mapping.getString("level"));
        assertEquals(Long.toString(stores), mapping.getString("subAccountId"));
        assertEquals("Stores", mapping.getString("subAccountName"));
        assertEquals("EDITOR", mapping.getString("roleCode"));
    }

    @Test
    void jsonOfOneKind() {
        JsonObject only = admin.get("export?format=json&what=mappings").json();
        assertEquals(List.of("formatVersion", "exportedAt", "enterprise", "mappings"), List.copyOf(only.keySet()));
    }

    @Test
    void csvUsersHasAHeaderAndRfc4180Quoting() {
        ScimClient.Response response = admin.get("export?format=csv&what=users");
        assertEquals(200, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        String[] lines = response.text().split("\r\n");
        assertEquals("id,userName,externalId,active,source,givenName,familyName,middleName,formattedName,displayName,"
                + "title,employeeNumber,department,emails,createdAt,lastModified", lines[0]);
        assertEquals(3, lines.length, response.text());
        String annLine = List.of(lines).stream().filter(l -> l.startsWith(annId)).findFirst().orElseThrow();
        assertTrue(annLine.startsWith(annId + ",ann@export.test,,true,SCIM,\"Ann, \"\"the\"\" first\",Lee,"), annLine);
        assertTrue(annLine.contains(",E-1,,ann@export.test;ann@home.test,"), annLine);
        assertFalse(response.text().contains("stranger"));
    }

    @Test
    void csvOfGroupsRolesAndMappings() {
        String groups = admin.get("export?format=csv&what=groups").text();
        assertTrue(groups.startsWith("id,displayName,externalId,memberCount,members,memberUserNames,memberGroups,createdAt,lastModified\r\n"), groups);
        assertTrue(groups.contains(groupId + ",Sales,,1," + annId + ",ann@export.test,"), groups);
        assertTrue(admin.get("export?format=csv&what=roles").text().contains("Enterprise Admin"));
        assertTrue(admin.get("export?format=CSV&what=Mappings").text().contains(groupId + ",Sales,SUB_ACCOUNT," + stores + ",Stores,"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"format=xml", "format=csv", "what=passwords", "format=csv&what=everything"})
    void badParametersAre400(String query) {
        assertError(admin.get("export?" + query), 400, "invalid_request");
    }

    @Test
    void scimOnlyTokenIsForbidden() {
        Tenant scimOnly = TestTenants.create("ExportScimOnly", 10, "scim");
        assertError(JsonClient.admin(scimOnly.token()).get("export"), 403, "forbidden");
    }

    @Test
    void anEmptyEnterpriseExportsOnlyTheBuiltInRoles() {
        Tenant empty = TestTenants.create("ExportEmpty");
        JsonObject backup = JsonClient.admin(empty).get("export").json();
        assertEquals(0, backup.getJsonArray("users").size());
        assertEquals(0, backup.getJsonArray("groups").size());
        assertEquals(0, backup.getJsonArray("mappings").size());
        assertTrue(backup.getJsonArray("roles").getValuesAs(JsonObject.class).stream()
                .allMatch(r -> r.getBoolean("builtIn")), backup.toString());
        String csv = JsonClient.admin(empty).get("export?format=csv&what=users").text();
        assertEquals(1, csv.lines().collect(Collectors.toList()).size(), csv);
    }
}
