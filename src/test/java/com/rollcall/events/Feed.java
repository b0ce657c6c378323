package com.rollcall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.testing.JsonClient;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/** The tests' reader of a tenant's change feed and writer of SCIM changes. */
final class Feed {
    private Feed() {
    }

    /** Every event of the tenant's feed (from the oldest kept), following cursors. */
    static List<JsonObject> all(Tenant tenant) {
        return after(tenant, null);
    }

    static List<JsonObject> after(Tenant tenant, String cursor) {
        List<JsonObject> events = new ArrayList<>();
        JsonClient admin = JsonClient.admin(tenant);
        while (true) {
            ScimClient.Response page = admin.get("events?limit=500" + (cursor == null ? "" : "&after=" + cursor));
            assertEquals(200, page.status(), page.toString());
            page.json().getJsonArray("events").forEach(e -> events.add(e.asJsonObject()));
            cursor = page.json().getString("cursor");
            if (!page.json().getBoolean("hasMore")) {
                return events;
            }
        }
    }

    static List<String> types(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("type")).toList();
    }

    static String cursor(Tenant tenant) {
        ScimClient.Response answer = JsonClient.admin(tenant).get("events/cursor");
        assertEquals(200, answer.status(), answer.toString());
        return answer.json().getString("cursor");
    }

    static ScimClient.Response patch(ScimClient scim, String path, String body) {
        return scim.send(scim.request(path).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    static ScimClient.Response delete(ScimClient scim, String path) {
        return scim.send(scim.request(path).DELETE());
    }

    static String user(ScimClient scim, String userName) {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"" + userName + "\",\"active\":true}");
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }
}
