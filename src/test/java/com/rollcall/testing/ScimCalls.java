package com.rollcall.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The requests and checks the IdP-replay tests share: writes with If-Match, filters, SCIM error shape. */
public final class ScimCalls {
    /** Exception class names, Java packages or stack frames: never in an error body (ENTRA.md). */
    private static final Pattern LEAK = Pattern.compile(
            "[A-Za-z]+(Exception|Error)\\b|\\b(java|javax|jakarta|sun|org|com)\\.[a-z0-9_]+\\.[A-Za-z]|\\.java:\\d+\\)|\\tat ");

    private ScimCalls() {
    }

    public static ScimClient.Response put(ScimClient scim, String path, String json, String ifMatch) {
        return write(scim, path, "PUT", json, ifMatch);
    }

    public static ScimClient.Response patch(ScimClient scim, String path, String json, String ifMatch) {
        return write(scim, path, "PATCH", json, ifMatch);
    }

    public static ScimClient.Response put(ScimClient scim, String path, String json) {
        return put(scim, path, json, null);
    }

    public static ScimClient.Response patch(ScimClient scim, String path, String json) {
        return patch(scim, path, json, null);
    }

    public static ScimClient.Response delete(ScimClient scim, String path, String ifMatch) {
        HttpRequest.Builder request = scim.request(path).DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return scim.send(request);
    }

    public static ScimClient.Response delete(ScimClient scim, String path) {
        return delete(scim, path, null);
    }

    private static ScimClient.Response write(ScimClient scim, String path, String method, String json, String ifMatch) {
        HttpRequest.Builder request = scim.request(path).header("Content-Type", "application/scim+json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return scim.send(request);
    }

    /** {@code GET /{resource}?filter=...} (plus optional extra query, e.g. {@code excludedAttributes=members}); must be 200. */
    public static JsonObject filter(ScimClient scim, String resource, String filter, String extraQuery) {
        String query = (extraQuery == null ? "" : extraQuery + "&") + "filter=" + encode(filter);
        ScimClient.Response response = scim.get(resource + "?" + query);
        assertEquals(200, response.status(), filter + " -> " + response);
        assertListResponse(response.json());
        return response.json();
    }

    public static JsonObject filter(ScimClient scim, String resource, String filter) {
        return filter(scim, resource, filter, null);
    }

    /** The ids of a ListResponse's resources, in order. */
    public static List<String> ids(JsonObject listResponse) {
        JsonArray resources = listResponse.getJsonArray("Resources");
        return resources == null ? List.of() : resources.stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    /** The member ids of a group document (none when it has no members attribute). */
    public static Set<String> memberIds(JsonObject group) {
        Set<String> ids = new LinkedHashSet<>();
        JsonArray members = group.containsKey("members") ? group.getJsonArray("members") : null;
        if (members != null) {
            members.forEach(m -> ids.add(m.asJsonObject().getString("value")));
        }
        return ids;
    }

    /** The group ids a user document lists in its read-only {@code groups}. */
    public static Set<String> groupIds(JsonObject user) {
        Set<String> ids = new LinkedHashSet<>();
        if (user.containsKey("groups")) {
            user.getJsonArray("groups").forEach(g -> ids.add(g.asJsonObject().getString("value")));
        }
        return ids;
    }

    public static void assertListResponse(JsonObject list) {
        assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", list.getJsonArray("schemas").getString(0));
        int returned = list.containsKey("Resources") ? list.getJsonArray("Resources").size() : 0;
        assertEquals(returned, list.getInt("itemsPerPage"), "itemsPerPage is the number returned");
        assertTrue(list.getInt("totalResults") >= returned, list.toString());
    }

    /**
     * A SCIM error as ENTRA.md's table wants it: the status, {@code status} as a string, the scimType
     * (when one is expected), {@code application/scim+json}, and no exception text.
     */
    public static void assertScimError(ScimClient.Response response, int status, String scimType) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.contentType().startsWith("application/scim+json"), "Content-Type of " + response);
        assertScimErrorBody(response.text(), status, scimType);
    }

    public static void assertScimErrorBody(String text, int status, String scimType) {
        JsonObject body;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            body = reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON error body: " + text, e);
        }
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0), text);
        assertEquals(JsonValue.ValueType.STRING, body.get("status").getValueType(), "status is a string: " + text);
        assertEquals(Integer.toString(status), body.getString("status"), text);
        if (scimType != null) {
            assertEquals(scimType, body.getString("scimType", null), text);
        }
        assertFalse(LEAK.matcher(text).find(), "exception text in the error body: " + text);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
