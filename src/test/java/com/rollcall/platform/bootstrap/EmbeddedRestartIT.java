package com.rollcall.platform.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What scripts/run.sh does: the embedded default database (H2 in a data directory, no database
 * configured), the demo enterprise bootstrapped with the given token, and data that survives a restart.
 */
class EmbeddedRestartIT {
    @Test
    void embeddedDefaultBootstrapsTheDemoAndKeepsDataAcrossRestarts() {
        String token = ApiTokens.generate();
        Path data = Path.of(System.getProperty("user.dir"), "target", "it-data", "embedded-" + System.nanoTime());
        Map<String, String> env = Map.of(
                "ROLLCALL_DATA", data.toString(),
                "ROLLCALL_DEMO", "true",
                "ROLLCALL_BOOTSTRAP_TOKEN", token,
                "ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD", "demo-password-1",
                "ROLLCALL_BOOTSTRAP_LICENSES", "25");

        String id;
        try (ServerProcess first = ServerProcess.start("embedded-first", env)) {
            ScimClient scim = new ScimClient(first.scimUrl(), token);
            ScimClient.Response created = scim.post("Users", "{\"userName\":\"persisted@example.com\",\"title\":\"Survivor\"}");
            assertEquals(201, created.status(), created.toString());
            id = created.json().getString("id");
        }

        try (ServerProcess second = ServerProcess.start("embedded-second", env)) {
            ScimClient scim = new ScimClient(second.scimUrl(), token);
            ScimClient.Response read = scim.get("Users/" + id);
            assertEquals(200, read.status(), read.toString());
            assertEquals("Survivor", read.json().getString("title"));
            // the demo enterprise was not created twice: its userName is still taken in the same tenant
            assertEquals(409, scim.post("Users", "{\"userName\":\"PERSISTED@example.com\"}").status());
        }
    }
}
