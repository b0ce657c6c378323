package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
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
        try (ConsoleUi ui = ConsoleUi.signIn(tenant.adminLogin(), tenant.adminPassword())) {
            ui.open("console/export.xhtml");
            ui.screenshot("export");
            String cookies = ui.browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));

            HttpResponse<String> json = get(ui.visible("download-json").getAttribute("href"), cookies);
            assertEquals(200, json.statusCode());
            assertTrue(json.headers().firstValue("Content-Disposition").orElse("").contains("rollcall-backup.json"));
            JsonObject backup = Json.createReader(new StringReader(json.body())).readObject();
            assertEquals(userId, backup.getJsonArray("users").getJsonObject(0).getString("id"));
            assertTrue(backup.containsKey("groups") && backup.containsKey("roles") && backup.containsKey("mappings"));
            assertTrue(backup.getJsonArray("roles").size() >= 7, "the built-in roles");

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

            for (String kind : List.of("groups", "roles", "mappings")) {
                HttpResponse<String> other = get(ui.visible("download-csv-" + kind).getAttribute("href"), cookies);
                assertEquals(200, other.statusCode(), kind);
                assertFalse(other.body().isBlank(), kind);
            }

            HttpResponse<String> anonymous = get(ui.base + "console/export/download?format=json", "");
            assertFalse(anonymous.body().contains(userId), "no data without the console session");
            HttpResponse<String> bad = get(ui.base + "console/export/download?format=xml", cookies);
            assertEquals(400, bad.statusCode());
        }
    }

    private HttpResponse<String> get(String url, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
