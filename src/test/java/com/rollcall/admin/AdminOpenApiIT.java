package com.rollcall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile OpenAPI (Payara) documents the admin API at /openapi. */
@ExtendWith(RollcallServer.class)
class AdminOpenApiIT {
    @Test
    void openApiListsTheAdminPaths() {
        ScimClient http = new ScimClient(RollcallServer.get().baseUrl(), null);
        ScimClient.Response response = http.send(http.request("openapi").header("Accept", "application/json").GET());
        assertEquals(200, response.status(), response.toString());
        for (String path : List.of("/api/admin/v1/api-clients", "/api/admin/v1/api-clients/{id}", "/api/admin/v1/audit-events",
                "/api/admin/v1/migration-readiness", "/api/admin/v1/export")) {
            assertTrue(response.text().contains("\"" + path + "\""), path + " in " + response.text());
        }
        assertTrue(response.text().contains("Create an API client"), "operations carry their summaries");
    }
}
