package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Backup export from the console: the downloads behind the session parse as JSON and CSV. */
@ExtendWith(RollcallServer.class)
class ExportUiIT {
    private final Tenant tenant = TestTenants.create("Export");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void downloadsParseAndNeedTheConsoleSession() throws Exception {
        String userId = TestTenants.manualUser(tenant, "export-me@example.com", "export-me@example.com", "E-7", true);
        ScimClient scim = ScimClient.forTenant(tenant);
        ScimClient.Response created = scim.post("Groups", "{\"displayName\":\"Exporters, Inc.\",\"externalId\":\"ext-9\","
                + "\"members\":[{\"value\":\"" + userId + "\"}]}");
        assertEquals(201, created.status(), created.toString());
        String groupId = created.json().getString("id");
        long stores = TestTenants.subAccount(tenant, "Stores");
        long mappingId = TestTenants.mapGroup(tenant, groupId, "Editor", stores).getJsonNumber("id").longValue();
        long editorId = TestTenants.roleId(tenant, "Editor");
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/export.xhtml");
            ui.screenshot("export");
            String cookies = ui.browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));

            HttpResponse<String> json = get(ui.visible("download-json").getAttribute("href"), cookies);
            assertEquals(200, json.statusCode());
            String disposition = json.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.matches("attachment; filename=\"rollcall-[a-z0-9-]+-backup-\\d{8}T\\d{6}Z\\.json\""),
                    disposition);
            JsonObject backup = Json.createReader(new StringReader(json.body())).readObject();
            assertEquals(List.of("formatVersion", "exportedAt", "enterprise", "users", "groups", "roles", "mappings"),
                    List.copyOf(backup.keySet()));
            assertEquals(2, backup.getInt("formatVersion"));
            assertTrue(disposition.contains(backup.getString("exportedAt").replace("-", "").replace(":", "")),
                    "the same time in the name and the document: " + disposition + " " + backup.getString("exportedAt"));
            assertEquals(1, backup.getJsonArray("users").size());
            assertEquals(userId, backup.getJsonArray("users").getJsonObject(0).getString("id"));
            assertEquals(1, backup.getJsonArray("groups").size());
            assertEquals(groupId, backup.getJsonArray("groups").getJsonObject(0).getString("id"));
            assertEquals(List.of(userId), backup.getJsonArray("groups").getJsonObject(0).getJsonArray("members")
                    .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            assertEquals(7, backup.getJsonArray("roles").size(), "the built-in roles");
            assertEquals(1, backup.getJsonArray("mappings").size());
            assertEquals(Long.toString(mappingId), backup.getJsonArray("mappings").getJsonObject(0).getString("id"));

            HttpResponse<String> csv = get(ui.visible("download-csv-users").getAttribute("href"), cookies);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            List<String> lines = csv.body().lines().toList();
            assertEquals("id,userName,externalId,active,source,givenName,familyName,middleName,formattedName,displayName,"
                    + "title,employeeNumber,department,emails,createdAt,lastModified", lines.get(0));
            assertEquals(2, lines.size());
            List<String> cells = List.of(lines.get(1).split(",", -1));
            assertEquals(userId, cells.get(0));
            assertEquals("export-me@example.com", cells.get(1));
            assertEquals("MANUAL", cells.get(4));
            assertEquals("E-7", cells.get(11));

            List<String> groups = csv(ui, "groups", cookies);
            assertEquals("id,displayName,externalId,memberCount,members,memberUserNames,memberGroups,createdAt,lastModified",
                    groups.get(0));
            assertEquals(2, groups.size(), "one group: " + groups);
            assertTrue(groups.get(1).startsWith(groupId + ",\"Exporters, Inc.\",ext-9,1," + userId + ",export-me@example.com,,"),
                    "members by id and by userName: " + groups.get(1));

            List<String> roles = csv(ui, "roles", cookies);
            assertEquals("id,code,name,scope,groupManager,fullAccess,consumesLicense,builtIn,permissions", roles.get(0));
            assertEquals(8, roles.size(), "the seven built-in roles: " + roles);
            assertTrue(roles.contains(editorId + ",EDITOR,Editor,SUB_ACCOUNT,false,false,true,true,"
                    + "CREATE_CONTENT;EDIT_CONTENT;PUBLISH_CONTENT;VIEW_REPORTS"), roles.toString());

            List<String> mappings = csv(ui, "mappings", cookies);
            assertEquals(List.of("id,groupId,groupDisplayName,level,subAccountId,subAccountName,roleId,roleCode,roleName",
                    mappingId + "," + groupId + ",\"Exporters, Inc.\",SUB_ACCOUNT," + stores + ",Stores," + editorId
                            + ",EDITOR,Editor"), mappings);

            HttpResponse<String> anonymous = get(ui.base + "console/export/download?format=json", "");
            assertFalse(anonymous.body().contains(userId), "no data without the console session");
            HttpResponse<String> bad = get(ui.base + "console/export/download?format=xml", cookies);
            assertEquals(400, bad.statusCode());
        }
    }

    /** The lines of one CSV download, checked to be a 200 of text/csv. */
    private List<String> csv(ConsoleUi ui, String kind, String cookies) throws Exception {
        HttpResponse<String> response = get(ui.visible("download-csv-" + kind).getAttribute("href"), cookies);
        assertEquals(200, response.statusCode(), kind);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), kind);
        return response.body().lines().toList();
    }

    private HttpResponse<String> get(String url, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
