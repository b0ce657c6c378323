package com.rollcall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.ServerProcess;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What scripts/run.sh does: the embedded default database (H2 in a data directory, no database
 * configured), the demo enterprise bootstrapped with the given token, and data that survives a restart; the
 * demo enterprise's license limit follows ROLLCALL_BOOTSTRAP_LICENSES (the only way it changes until the
 * operator API exists).
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

            // effective roles on H2: a mapping and a SCIM membership change recompute in the request
            ScimClient admin = new ScimClient(first.scimUrl().replace("scim/v2/", "api/admin/v1/"), token);
            String group = scim.post("Groups", "{\"displayName\":\"Embedded admins\"}").json().getString("id");
            long enterpriseAdmin = admin.get("roles").json().getJsonArray("roles").stream()
                    .map(r -> r.asJsonObject()).filter(r -> r.getString("name").equals("Enterprise Admin"))
                    .findFirst().orElseThrow().getJsonNumber("id").longValue();
            ScimClient.Response mapped = admin.send(admin.request("groups/" + group + "/mappings")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"roleId\":" + enterpriseAdmin + "}")));
            assertEquals(201, mapped.status(), mapped.toString());
            ScimClient.Response joined = scim.send(scim.request("Groups/" + group)
                    .header("Content-Type", "application/scim+json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                            "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id
                                    + "\"}]}]}")));
            assertEquals(204, joined.status(), joined.toString());
            assertEquals("Enterprise Admin", admin.get("users/" + id + "/effective-access").json()
                    .getJsonObject("enterpriseLevel").getJsonObject("role").getString("name"));
        }

        Map<String, String> restarted = new java.util.HashMap<>(env);
        restarted.put("ROLLCALL_BOOTSTRAP_LICENSES", "7");
        try (ServerProcess second = ServerProcess.start("embedded-second", restarted)) {
            ScimClient scim = new ScimClient(second.scimUrl(), token);
            ScimClient admin = new ScimClient(second.scimUrl().replace("scim/v2/", "api/admin/v1/"), token);
            assertEquals(7, admin.get("license").json().getInt("limit"),
                    "ROLLCALL_BOOTSTRAP_LICENSES is the demo enterprise's limit at every start");
            ScimClient.Response read = scim.get("Users/" + id);
            assertEquals(200, read.status(), read.toString());
            assertEquals("Survivor", read.json().getString("title"));
            // the demo enterprise was not created twice: its userName is still taken in the same tenant
            assertEquals(409, scim.post("Users", "{\"userName\":\"PERSISTED@example.com\"}").status());
        }
    }
}
