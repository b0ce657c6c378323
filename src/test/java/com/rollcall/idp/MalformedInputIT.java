package com.rollcall.idp;

import static com.rollcall.testing.ScimCalls.assertScimErrorBody;
import static com.rollcall.testing.ScimCalls.delete;
import static com.rollcall.testing.ScimCalls.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RawHttp;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TenantSnapshot;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The negative suite: every row is one bad request (method, path, content type, body, expected status
 * and scimType). For each: the status; a SCIM error body with {@code status} as a string and the
 * scimType of ENTRA.md's table; {@code application/scim+json}; no exception names or stack frames;
 * and nothing changed, neither in this enterprise (rows, versions, audit events, by SQL) nor in the
 * fixture resources (re-read and compared) nor in the other enterprise whose ids some rows use.
 * Path and body may use the fixture placeholders {@code {{userId}}}, {@code {{groupId}}}, ...
 */
@ExtendWith(RollcallServer.class)
class MalformedInputIT {
    private static final String SCIM_JSON = "application/scim+json";
    private static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static Tenant tenant;
    private static Tenant foreign;
    private static ScimClient scim;
    private static final Map<String, String> FIXTURE = new LinkedHashMap<>();

    @BeforeAll
    static void fixture() {
        tenant = TestTenants.create("Malformed");
        foreign = TestTenants.create("Malformed foreign");
        scim = ScimClient.forTenant(tenant);
        ScimClient other = ScimClient.forTenant(foreign);
        FIXTURE.put("userId", created(scim, "Users", "{\"userName\":\"fixture.user@example.com\",\"externalId\":\"fixture-ext-1\","
                + "\"title\":\"Fixture\",\"emails\":[{\"value\":\"fixture.user@example.com\",\"type\":\"work\",\"primary\":true}],"
                + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"F-1\"}}"));
        FIXTURE.put("otherUserId", created(scim, "Users", "{\"userName\":\"other.user@example.com\",\"externalId\":\"other-ext-1\"}"));
        FIXTURE.put("deletedUserId", created(scim, "Users", "{\"userName\":\"deleted.user@example.com\"}"));
        assertEquals(204, delete(scim, "Users/" + FIXTURE.get("deletedUserId")).status());
        FIXTURE.put("groupId", created(scim, "Groups", "{\"displayName\":\"Fixture Group\",\"externalId\":\"fixture-group-ext\","
                + "\"members\":[{\"value\":\"" + FIXTURE.get("userId") + "\"}]}"));
        FIXTURE.put("otherGroupId", created(scim, "Groups", "{\"displayName\":\"Other Group\"}"));
        FIXTURE.put("foreignUserId", created(other, "Users", "{\"userName\":\"foreign.user@example.com\"}"));
        FIXTURE.put("foreignGroupId", created(other, "Groups", "{\"displayName\":\"Foreign Group\",\"members\":[{\"value\":\""
                + FIXTURE.get("foreignUserId") + "\"}]}"));
    }

    private static String created(ScimClient client, String path, String json) {
        ScimClient.Response response = client.post(path, json);
        assertEquals(201, response.status(), response.toString());
        return response.json().getString("id");
    }

    /** One bad request and what it must get. {@code overSocket}: sent by hand on a socket (see {@link RawHttp}). */
    record Case(String label, String method, String path, String contentType, String body, Map<String, String> headers,
            int status, String scimType, String detailContains, boolean overSocket) {
        Case type(String newContentType) {
            return new Case(label, method, path, newContentType, body, headers, status, scimType, detailContains, overSocket);
        }

        Case header(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Case(label, method, path, contentType, body, all, status, scimType, detailContains, overSocket);
        }

        Case detail(String text) {
            return new Case(label, method, path, contentType, body, headers, status, scimType, text, overSocket);
        }

        Case sentOverASocket() {
            return new Case(label, method, path, contentType, body, headers, status, scimType, detailContains, true);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static Case request(String label, String method, String path, String body, int status, String scimType) {
        return new Case(label, method, path, body == null ? null : SCIM_JSON, body, Map.of(), status, scimType, null, false);
    }

    private static Case get(String label, String path, int status, String scimType) {
        return request(label, "GET", path, null, status, scimType);
    }

    private static Case post(String label, String path, String body, int status, String scimType) {
        return request(label, "POST", path, body, status, scimType);
    }

    private static Case put(String label, String path, String body, int status, String scimType) {
        return request(label, "PUT", path, body, status, scimType);
    }

    private static Case del(String label, String path, int status) {
        return request(label, "DELETE", path, null, status, null);
    }

    private static Case filter(String resource, String filter) {
        return get(resource + " filter: " + filter, resource + "?filter=" + encode(filter), 400, "invalidFilter");
    }

    private static String longText(int length) {
        return "x".repeat(length);
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        String validUser = "{\"userName\":\"fixture.user@example.com\",\"title\":\"Changed\"}";
        String validGroup = "{\"displayName\":\"Fixture Group\",\"externalId\":\"changed\",\"members\":[]}";

        // Malformed JSON: invalidSyntax.
        all.add(post("POST /Users, truncated JSON", "Users", "{\"userName\": ", 400, "invalidSyntax"));
        all.add(post("POST /Users, trailing comma", "Users", "{\"userName\":\"new.a@example.com\",}", 400, "invalidSyntax"));
        all.add(post("POST /Users, single quotes", "Users", "{'userName':'new.b@example.com'}", 400, "invalidSyntax"));
        all.add(post("POST /Users, NaN", "Users", "{\"userName\":\"new.c@example.com\",\"x\":NaN}", 400, "invalidSyntax"));
        all.add(post("POST /Users, comment", "Users", "{\"userName\":\"new.d@example.com\" /* hi */}", 400, "invalidSyntax"));
        all.add(post("POST /Users, empty body", "Users", "", 400, "invalidSyntax"));
        all.add(post("POST /Users, whitespace body", "Users", "  \n ", 400, "invalidSyntax"));
        all.add(post("POST /Groups, unquoted key", "Groups", "{displayName:\"New\"}", 400, "invalidSyntax"));
        all.add(put("PUT /Users/{id}, truncated JSON", "Users/{{userId}}", "{\"userName\":\"fixture.user@exa", 400,
                "invalidSyntax"));
        all.add(put("PUT /Groups/{id}, truncated JSON", "Groups/{{groupId}}", "{\"displayName\":", 400, "invalidSyntax"));
        all.add(post("POST /Users/.search, truncated JSON", "Users/.search", "{\"filter\":\"userName eq ", 400,
                "invalidSyntax"));
        all.add(post("POST /.search, truncated JSON", ".search", "{\"count\":", 400, "invalidSyntax"));

        // JSON of the wrong type: invalidSyntax.
        for (String body : List.of("[]", "[{\"userName\":\"new.e@example.com\"}]", "\"userName\"", "42", "true", "null")) {
            all.add(post("POST /Users, body " + body, "Users", body, 400, "invalidSyntax"));
        }
        for (String body : List.of("[]", "\"Sales\"", "7")) {
            all.add(post("POST /Groups, body " + body, "Groups", body, 400, "invalidSyntax"));
        }
        all.add(put("PUT /Users/{id}, array body", "Users/{{userId}}", "[" + validUser + "]", 400, "invalidSyntax"));
        all.add(put("PUT /Groups/{id}, string body", "Groups/{{groupId}}", "\"Fixture Group\"", 400, "invalidSyntax"));
        all.add(post("POST /Groups/.search, array body", "Groups/.search", "[]", 400, "invalidSyntax"));

        // Attributes of the wrong type: invalidValue.
        all.add(post("userName as object", "Users", "{\"userName\":{\"value\":\"new.f@example.com\"}}", 400, "invalidValue"));
        all.add(post("userName as array", "Users", "{\"userName\":[\"new.g@example.com\"]}", 400, "invalidValue"));
        all.add(post("userName as boolean", "Users", "{\"userName\":true}", 400, "invalidValue"));
        all.add(post("active as \"maybe\"", "Users", "{\"userName\":\"new.h@example.com\",\"active\":\"maybe\"}", 400,
                "invalidValue"));
        all.add(post("active as 1", "Users", "{\"userName\":\"new.i@example.com\",\"active\":1}", 400, "invalidValue"));
        all.add(post("active as object", "Users", "{\"userName\":\"new.j@example.com\",\"active\":{\"value\":true}}", 400,
                "invalidValue"));
        all.add(post("emails as string", "Users", "{\"userName\":\"new.k@example.com\",\"emails\":\"new.k@example.com\"}",
                400, "invalidValue"));
        all.add(post("emails as single object", "Users",
                "{\"userName\":\"new.l@example.com\",\"emails\":{\"value\":\"new.l@example.com\"}}", 400, "invalidValue"));
        all.add(post("emails items as strings", "Users",
                "{\"userName\":\"new.m@example.com\",\"emails\":[\"new.m@example.com\"]}", 400, "invalidValue"));
        all.add(post("emails value as object", "Users",
                "{\"userName\":\"new.n@example.com\",\"emails\":[{\"value\":{\"address\":\"x\"}}]}", 400, "invalidValue"));
        all.add(post("emails primary as \"maybe\"", "Users",
                "{\"userName\":\"new.o@example.com\",\"emails\":[{\"value\":\"o@example.com\",\"primary\":\"maybe\"}]}",
                400, "invalidValue"));
        all.add(post("name as string", "Users", "{\"userName\":\"new.p@example.com\",\"name\":\"Ann Lee\"}", 400,
                "invalidValue"));
        all.add(post("name.givenName as array", "Users",
                "{\"userName\":\"new.q@example.com\",\"name\":{\"givenName\":[\"Ann\"]}}", 400, "invalidValue"));
        all.add(post("enterprise extension as string", "Users",
                "{\"userName\":\"new.r@example.com\",\"" + ENTERPRISE + "\":\"E-1\"}", 400, "invalidValue"));
        all.add(post("manager as boolean", "Users",
                "{\"userName\":\"new.s@example.com\",\"" + ENTERPRISE + "\":{\"manager\":true}}", 400, "invalidValue"));
        all.add(put("PUT: active as \"maybe\"", "Users/{{userId}}",
                "{\"userName\":\"fixture.user@example.com\",\"active\":\"maybe\"}", 400, "invalidValue"));
        all.add(put("PUT: emails as string", "Users/{{userId}}",
                "{\"userName\":\"fixture.user@example.com\",\"emails\":\"x@example.com\"}", 400, "invalidValue"));
        all.add(post("group displayName as object", "Groups", "{\"displayName\":{\"en\":\"Sales\"}}", 400, "invalidValue"));
        all.add(post("group members as string", "Groups", "{\"displayName\":\"New 1\",\"members\":\"{{userId}}\"}", 400,
                "invalidValue"));
        all.add(post("group members items as strings", "Groups",
                "{\"displayName\":\"New 2\",\"members\":[\"{{userId}}\"]}", 400, "invalidValue"));
        all.add(post("group member without value", "Groups",
                "{\"displayName\":\"New 3\",\"members\":[{\"display\":\"Fixture\"}]}", 400, "invalidValue"));
        all.add(put("PUT: group members as object", "Groups/{{groupId}}",
                "{\"displayName\":\"Fixture Group\",\"members\":{\"value\":\"{{userId}}\"}}", 400, "invalidValue"));

        // Too long values: invalidValue.
        all.add(post("externalId of 301 characters", "Users",
                "{\"userName\":\"new.t@example.com\",\"externalId\":\"" + longText(301) + "\"}", 400, "invalidValue"));
        all.add(post("title of 301 characters", "Users",
                "{\"userName\":\"new.u@example.com\",\"title\":\"" + longText(301) + "\"}", 400, "invalidValue"));
        all.add(post("name.givenName of 201 characters", "Users",
                "{\"userName\":\"new.v@example.com\",\"name\":{\"givenName\":\"" + longText(201) + "\"}}", 400, "invalidValue"));
        all.add(post("email of 701 characters", "Users",
                "{\"userName\":\"new.w@example.com\",\"emails\":[{\"value\":\"" + longText(701) + "\"}]}", 400, "invalidValue"));
        all.add(post("employeeNumber of 201 characters", "Users",
                "{\"userName\":\"new.x@example.com\",\"" + ENTERPRISE + "\":{\"employeeNumber\":\"" + longText(201) + "\"}}",
                400, "invalidValue"));
        all.add(put("PUT: userName of 301 characters", "Users/{{userId}}",
                "{\"userName\":\"" + longText(301) + "\"}", 400, "invalidValue"));
        all.add(post("group displayName of 301 characters", "Groups",
                "{\"displayName\":\"" + longText(301) + "\"}", 400, "invalidValue"));
        all.add(post("group externalId of 301 characters", "Groups",
                "{\"displayName\":\"New 4\",\"externalId\":\"" + longText(301) + "\"}", 400, "invalidValue"));
        all.add(put("PUT: group displayName of 301 characters", "Groups/{{groupId}}",
                "{\"displayName\":\"" + longText(301) + "\"}", 400, "invalidValue"));

        // Missing required attributes: invalidValue.
        all.add(post("no userName", "Users", "{\"name\":{\"givenName\":\"Nobody\"}}", 400, "invalidValue"));
        all.add(post("userName null", "Users", "{\"userName\":null}", 400, "invalidValue"));
        all.add(post("userName empty", "Users", "{\"userName\":\"\"}", 400, "invalidValue"));
        all.add(post("userName blank", "Users", "{\"userName\":\"   \"}", 400, "invalidValue"));
        all.add(post("empty object", "Users", "{}", 400, "invalidValue"));
        all.add(post("no displayName", "Groups", "{\"members\":[]}", 400, "invalidValue"));
        all.add(post("displayName empty", "Groups", "{\"displayName\":\"\"}", 400, "invalidValue"));
        all.add(put("PUT group without displayName", "Groups/{{groupId}}", "{\"externalId\":\"x\",\"members\":[]}", 400,
                "invalidValue"));

        // Uniqueness: 409.
        all.add(post("userName taken (other case)", "Users", "{\"userName\":\"FIXTURE.User@Example.COM\"}", 409,
                "uniqueness"));
        all.add(post("externalId taken", "Users", "{\"userName\":\"new.y@example.com\",\"externalId\":\"fixture-ext-1\"}",
                409, "uniqueness"));
        all.add(put("PUT to a taken userName", "Users/{{otherUserId}}", "{\"userName\":\"Fixture.User@example.com\"}", 409,
                "uniqueness"));
        all.add(put("PUT to a taken externalId", "Users/{{otherUserId}}",
                "{\"userName\":\"other.user@example.com\",\"externalId\":\"fixture-ext-1\"}", 409, "uniqueness"));
        // (A group's displayName need not be unique, as in RFC 7643 and Entra: no 409 for it. Its externalId is.)
        all.add(post("group externalId taken", "Groups", "{\"displayName\":\"New 5\",\"externalId\":\"fixture-group-ext\"}",
                409, "uniqueness"));
        all.add(put("PUT group to a taken externalId", "Groups/{{otherGroupId}}",
                "{\"displayName\":\"Other Group\",\"externalId\":\"fixture-group-ext\"}", 409, "uniqueness"));

        // Unknown, deleted, wrong-type and foreign ids: 404.
        for (String id : List.of(UNKNOWN_ID, "{{deletedUserId}}", "{{groupId}}", "{{foreignUserId}}", "not-a-uuid")) {
            all.add(get("GET /Users/" + id, "Users/" + id, 404, null));
            all.add(put("PUT /Users/" + id, "Users/" + id, "{\"userName\":\"deleted.user@example.com\"}", 404, null));
            all.add(del("DELETE /Users/" + id, "Users/" + id, 404));
        }
        for (String id : List.of(UNKNOWN_ID, "{{userId}}", "{{foreignGroupId}}")) {
            all.add(get("GET /Groups/" + id, "Groups/" + id, 404, null));
            all.add(put("PUT /Groups/" + id, "Groups/" + id, "{\"displayName\":\"Foreign Group\"}", 404, null));
            all.add(del("DELETE /Groups/" + id, "Groups/" + id, 404));
        }
        all.add(del("DELETE /Users/{id} with If-Match *, foreign", "Users/{{foreignUserId}}", 404).header("If-Match", "*"));

        // Bad filters: invalidFilter, never an unfiltered list.
        for (String bad : List.of("userName eq \"a\" and", "userName eq \"a\" or", "userName eq \"unterminated",
                "urn:unknown:Schema:attr eq \"x\"", "name eq \"Ann\"", "userName eq \"a\" and (externalId eq \"b\"",
                "emails[type eq \"work\"].value eq", "userName eq \"x\")", "active eq \"maybe\"", "\"x\" eq userName",
                "userName regex \".*\"", "emails[]", "and", "()")) {
            all.add(filter("Users", bad));
        }
        for (String bad : List.of("displayName eq", "userName eq \"fixture.user@example.com\"", "members.nosuch eq \"x\"",
                "members[value eq \"x\"", "displayName eq \"a\" and or")) {
            all.add(filter("Groups", bad));
        }
        all.add(post("POST /Users/.search, bad filter", "Users/.search", "{\"filter\":\"userName eq\"}", 400, "invalidFilter"));
        all.add(post("POST /Groups/.search, bad filter", "Groups/.search", "{\"filter\":\"displayName xx \\\"a\\\"\"}", 400,
                "invalidFilter"));
        all.add(post("POST /.search, bad filter", ".search", "{\"filter\":\"userName eq \\\"x\\\" and\"}", 400,
                "invalidFilter"));

        // Bad paging and sorting: invalidValue.
        for (String query : List.of("count=1.5", "count=0x10", "count=ten", "startIndex=first", "startIndex=99999999999",
                "sortOrder=up", "sortOrder=desc")) {
            all.add(get("GET /Users?" + query, "Users?" + query, 400, "invalidValue"));
        }
        for (String query : List.of("count=abc", "startIndex=1e3", "sortOrder=downwards")) {
            all.add(get("GET /Groups?" + query, "Groups?" + query, 400, "invalidValue"));
        }
        all.add(post("POST /Users/.search, count as string", "Users/.search", "{\"count\":\"x\"}", 400, "invalidValue"));
        all.add(post("POST /Users/.search, count as boolean", "Users/.search", "{\"count\":true}", 400, "invalidValue"));
        all.add(post("POST /Users/.search, startIndex as object", "Users/.search", "{\"startIndex\":{}}", 400,
                "invalidValue"));
        all.add(post("POST /Users/.search, bad sortOrder", "Users/.search", "{\"sortOrder\":\"sideways\"}", 400,
                "invalidValue"));
        all.add(post("POST /.search, count as words", ".search", "{\"count\":\"many\"}", 400, "invalidValue"));

        // If-Match mismatch: 412.
        for (String etag : List.of("W/\"999\"", "\"999\"", "not-an-etag")) {
            all.add(put("PUT /Users/{id}, If-Match " + etag, "Users/{{userId}}", validUser, 412, null).header("If-Match", etag));
        }
        all.add(del("DELETE /Users/{id}, stale If-Match", "Users/{{userId}}", 412).header("If-Match", "W/\"999\""));
        all.add(put("PUT /Groups/{id}, stale If-Match", "Groups/{{groupId}}", validGroup, 412, null)
                .header("If-Match", "W/\"999\""));
        all.add(del("DELETE /Groups/{id}, stale If-Match", "Groups/{{groupId}}", 412).header("If-Match", "W/\"999\""));

        // Wrong methods: 405.
        all.add(del("DELETE /Users", "Users", 405));
        all.add(put("PUT /Users", "Users", validUser, 405, null));
        all.add(request("PATCH /Users", "PATCH", "Users",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[]}", 405, null));
        all.add(post("POST /Users/{id}", "Users/{{userId}}", validUser, 405, null));
        all.add(del("DELETE /Groups", "Groups", 405));
        all.add(put("PUT /Groups", "Groups", validGroup, 405, null));
        all.add(post("POST /Groups/{id}", "Groups/{{groupId}}", validGroup, 405, null));
        all.add(get("GET /.search", ".search", 405, null));
        all.add(put("PUT /.search", ".search", "{}", 405, null));
        all.add(post("POST /ServiceProviderConfig", "ServiceProviderConfig", "{}", 405, null));
        all.add(del("DELETE /Schemas", "Schemas", 405));
        all.add(put("PUT /ResourceTypes", "ResourceTypes", "{}", 405, null));

        // Media types: 415 for bodies we cannot read, 406 for answers we cannot give.
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            all.add(post("POST /Users as " + type, "Users", "{\"userName\":\"new.z@example.com\"}", 415, null).type(type));
        }
        all.add(put("PUT /Users/{id} as text/plain", "Users/{{userId}}", validUser, 415, null).type("text/plain"));
        all.add(post("POST /Groups as text/xml", "Groups", "<group name=\"x\"/>", 415, null).type("text/xml"));
        all.add(put("PUT /Groups/{id} as text/plain", "Groups/{{groupId}}", validGroup, 415, null).type("text/plain"));
        all.add(post("POST /Users/.search as text/plain", "Users/.search", "{}", 415, null).type("text/plain"));
        all.add(post("POST /.search as text/plain", ".search", "{}", 415, null).type("text/plain"));
        all.add(get("GET /Users, Accept application/xml", "Users", 406, null).header("Accept", "application/xml"));
        all.add(get("GET /Users/{id}, Accept text/html", "Users/{{userId}}", 406, null).header("Accept", "text/html"));
        all.add(get("GET /Groups/{id}, Accept text/csv", "Groups/{{groupId}}", 406, null).header("Accept", "text/csv"));
        all.add(post("POST /Users (valid), Accept text/csv", "Users", "{\"userName\":\"accept.csv@example.com\"}", 406, null)
                .header("Accept", "text/csv"));
        all.add(put("PUT /Users/{id} (valid), Accept application/xml", "Users/{{userId}}", validUser, 406, null)
                .header("Accept", "application/xml"));

        // Bodies over the limits: 413.
        String overUserLimit = "{\"userName\":\"big@example.com\",\"displayName\":\"" + longText(1_100_000) + "\"}";
        String overGroupLimit = "{\"displayName\":\"Big\",\"externalId\":\"" + longText(8_500_000) + "\"}";
        all.add(post("POST /Users over 1 MiB", "Users", overUserLimit, 413, null));
        all.add(put("PUT /Users/{id} over 1 MiB", "Users/{{userId}}", overUserLimit, 413, null));
        all.add(post("POST /Users/.search over 1 MiB", "Users/.search", "{\"filter\":\"" + longText(1_100_000) + "\"}", 413,
                null));
        all.add(post("POST /Groups over 8 MiB", "Groups", overGroupLimit, 413, null));
        all.add(put("PUT /Groups/{id} over 8 MiB", "Groups/{{groupId}}", overGroupLimit, 413, null));

        // Members that do not exist here: 400 invalidValue naming them.
        all.add(post("POST /Groups, unknown member", "Groups",
                "{\"displayName\":\"New 6\",\"members\":[{\"value\":\"ghost-member-1\"}]}", 400, "invalidValue")
                .detail("ghost-member-1"));
        all.add(post("POST /Groups, one known and one unknown member", "Groups",
                "{\"displayName\":\"New 7\",\"members\":[{\"value\":\"{{userId}}\"},{\"value\":\"ghost-member-2\"}]}", 400,
                "invalidValue").detail("ghost-member-2"));
        all.add(post("POST /Groups, deleted user as member", "Groups",
                "{\"displayName\":\"New 8\",\"members\":[{\"value\":\"{{deletedUserId}}\"}]}", 400, "invalidValue")
                .detail("{{deletedUserId}}"));
        all.add(post("POST /Groups, foreign user as member", "Groups",
                "{\"displayName\":\"New 9\",\"members\":[{\"value\":\"{{foreignUserId}}\"}]}", 400, "invalidValue")
                .detail("{{foreignUserId}}"));
        all.add(post("POST /Groups, foreign group as member", "Groups",
                "{\"displayName\":\"New 10\",\"members\":[{\"value\":\"{{foreignGroupId}}\",\"type\":\"Group\"}]}", 400,
                "invalidValue").detail("{{foreignGroupId}}"));
        all.add(put("PUT /Groups/{id}, unknown member among known ones", "Groups/{{groupId}}",
                "{\"displayName\":\"Fixture Group\",\"members\":[{\"value\":\"{{userId}}\"},{\"value\":\"{{otherUserId}}\"},"
                        + "{\"value\":\"ghost-member-3\"}]}", 400, "invalidValue").detail("ghost-member-3"));
        all.add(put("PUT /Groups/{id}, itself as member", "Groups/{{groupId}}",
                "{\"displayName\":\"Fixture Group\",\"members\":[{\"value\":\"{{groupId}}\",\"type\":\"Group\"}]}", 400,
                "invalidValue"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badRequestIsAScimErrorAndChangesNothing(Case c) {
        check(c);
    }

    /**
     * Numbers the server would have to expand (an exponent of two billion is twelve characters) or parse at
     * length: each is a 400 naming the number, answered at once (no allocation in proportion to the number), and
     * the requests after it (the fixture re-reads of {@link #check}) still succeed.
     */
    static Stream<Case> hugeNumbers() {
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";
        String manyDigits = "1" + "0".repeat(300);
        List<Case> all = new ArrayList<>();
        for (String number : List.of("1e2000000000", "1e300000000", "-1e-2000000000", "1E+999999999", manyDigits,
                "0.5e2147483647")) {
            all.add(filter("Users", "userName eq " + number).detail("out of range"));
        }
        all.add(filter("Users", "title gt 1e2000000000").detail("out of range"));
        all.add(filter("Users", "emails[value eq 1e2000000000]").detail("out of range"));
        all.add(filter("Groups", "displayName eq 1e2000000000").detail("out of range"));
        all.add(post("POST /Users/.search, filter with 1e2000000000", "Users/.search",
                "{\"filter\":\"userName eq 1e2000000000\"}", 400, "invalidFilter").detail("out of range"));
        all.add(post("POST /Users/.search, startIndex 1e2000000000", "Users/.search", "{\"startIndex\":1e2000000000}", 400,
                "invalidValue").detail("out of range"));
        all.add(post("POST /.search, count 1e999999999", ".search", "{\"count\":1e999999999}", 400, "invalidValue")
                .detail("out of range"));
        all.add(post("POST /Users, title 1e2000000000", "Users",
                "{\"userName\":\"huge.a@example.com\",\"title\":1e2000000000}", 400, "invalidValue").detail("out of range"));
        all.add(post("POST /Users, employeeNumber of 300 digits", "Users", "{\"userName\":\"huge.b@example.com\",\""
                + ENTERPRISE + "\":{\"employeeNumber\":" + manyDigits + "}}", 400, "invalidValue").detail("out of range"));
        all.add(request("PATCH /Users, value 1e2000000000", "PATCH", "Users/{{userId}}",
                patch + "{\"op\":\"replace\",\"path\":\"title\",\"value\":1e2000000000}]}", 400, "invalidValue")
                .detail("out of range"));
        all.add(request("PATCH /Groups, member value 1e2000000000", "PATCH", "Groups/{{groupId}}",
                patch + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":1e2000000000}]}]}", 400, "invalidValue")
                .detail("out of range"));
        all.add(request("PATCH /Groups, members[value eq 1e2000000000]", "PATCH", "Groups/{{groupId}}",
                patch + "{\"op\":\"remove\",\"path\":\"members[value eq 1e2000000000]\"}]}", 400, "invalidFilter")
                .detail("out of range"));
        all.add(get("GET /Users?count=1e2000000000", "Users?count=1e2000000000", 400, "invalidValue"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeNumbers")
    void aHugeNumberIsRefusedAtOnceAndTheServerStaysWell(Case c) {
        Duration answered = check(c);
        assertTrue(answered.compareTo(Duration.ofSeconds(2)) < 0, c.label() + " took " + answered);
    }

    /**
     * Sends the case, checks the answer, and that this enterprise, its fixture and the other enterprise are
     * unchanged; returns how long the answer took.
     */
    private static Duration check(Case c) {
        Map<String, String> mine = TenantSnapshot.of(tenant);
        Map<String, String> theirs = TenantSnapshot.of(foreign);
        JsonObject user = scim.get("Users/" + FIXTURE.get("userId")).json();
        JsonObject otherUser = scim.get("Users/" + FIXTURE.get("otherUserId")).json();
        JsonObject group = scim.get("Groups/" + FIXTURE.get("groupId")).json();
        JsonObject otherGroup = scim.get("Groups/" + FIXTURE.get("otherGroupId")).json();

        long start = System.nanoTime();
        Answer answer = send(c);
        Duration answered = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(c.status(), answer.status(), c.label() + " -> " + answer);
        assertTrue(answer.contentType().startsWith("application/scim+json"), c.label() + " -> " + answer);
        assertScimErrorBody(answer.text(), c.status(), c.scimType());
        if (c.detailContains() != null) {
            String expected = fill(c.detailContains());
            assertTrue(answer.text().contains(expected), "detail should name " + expected + ": " + answer);
        }
        assertEquals(mine, TenantSnapshot.of(tenant), c.label() + ": nothing may change in the enterprise");
        assertEquals(theirs, TenantSnapshot.of(foreign), c.label() + ": nothing may change in the other enterprise");
        assertEquals(user, scim.get("Users/" + FIXTURE.get("userId")).json(), c.label());
        assertEquals(otherUser, scim.get("Users/" + FIXTURE.get("otherUserId")).json(), c.label());
        assertEquals(group, scim.get("Groups/" + FIXTURE.get("groupId")).json(), c.label());
        assertEquals(otherGroup, scim.get("Groups/" + FIXTURE.get("otherGroupId")).json(), c.label());
        return answered;
    }

    record Answer(int status, String contentType, String text) {
        @Override
        public String toString() {
            return status + " [" + contentType + "] " + (text.length() > 500 ? text.substring(0, 500) + "..." : text);
        }
    }

    private static Answer send(Case c) {
        String path = fill(c.path());
        String body = c.body() == null ? null : fill(c.body());
        if (c.overSocket()) {
            Map<String, String> headers = new LinkedHashMap<>(c.headers());
            if (c.contentType() != null) {
                headers.put("Content-Type", c.contentType());
            }
            RawHttp.Response response = RawHttp.send(c.method(), path, tenant, headers, body);
            return new Answer(response.status(), response.header("Content-Type"), response.text());
        }
        HttpRequest.Builder request = scim.request(path).method(c.method(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (body != null && body.length() > 1024 * 1024) {
            // Over-limit bodies go over HTTP/1.1, as IdPs send them: on the shared HTTP/2 (h2c) connection a
            // second refused upload stalls (see overLimitBodiesAreRefusedEvenTwiceOnOneHttp2Connection).
            request.version(HttpClient.Version.HTTP_1_1);
        }
        c.headers().forEach(request::header);
        ScimClient.Response response = scim.send(request);
        return new Answer(response.status(), response.contentType(), response.text());
    }

    private static String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> value : FIXTURE.entrySet()) {
            filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return filled;
    }

    @Test
    void aNumberForAStringAttributeIsTakenAsItsText() {
        ScimClient.Response created = scim.post("Users", "{\"userName\":12345,\"externalId\":67890}");
        assertEquals(201, created.status(), created.toString());
        assertEquals("12345", created.json().getString("userName"));
        assertEquals("67890", created.json().getString("externalId"));
        assertEquals(204, delete(scim, "Users/" + created.json().getString("id")).status());
    }

    @Test
    void unknownQueryParametersAndPlainJsonWithACharsetAreAccepted() {
        ScimClient.Response list = scim.get("Users?aadOptscim062020&foo=bar&count=1");
        assertEquals(200, list.status(), list.toString());
        ScimClient.Response created = scim.send(scim.request("Users").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"charset@example.com\"}")));
        assertEquals(201, created.status(), created.toString());
        assertEquals(204, delete(scim, "Users/" + created.json().getString("id")).status());
    }

    // ---- Rows the product fails today: each documents the contract and is disabled with the bug. ----

    @Test
    void deeplyNestedJsonIs400InvalidSyntax() {
        String deep = "[".repeat(1_500) + "]".repeat(1_500);
        check(post("POST /Users, arrays nested 1500 deep", "Users", "{\"userName\":\"deep@example.com\",\"x\":" + deep + "}",
                400, "invalidSyntax"));
        check(post("POST /Groups, objects nested 1500 deep", "Groups",
                "{\"displayName\":\"Deep\",\"x\":" + "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500) + "}", 400,
                "invalidSyntax"));
    }

    @Test
    void trailingContentAfterTheJsonDocumentIs400InvalidSyntax() {
        check(post("POST /Users, trailing garbage", "Users", "{\"userName\":\"trailing.a@example.com\"} xyz", 400,
                "invalidSyntax"));
        check(post("POST /Users, two documents", "Users", "{\"userName\":\"trailing.b@example.com\"}{}", 400,
                "invalidSyntax"));
    }

    @Test
    void invalidUtf8InTheBodyIs400InvalidSyntax() {
        byte[] head = "{\"userName\":\"bad".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "utf8@example.com\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xFF;
        body[head.length + 1] = (byte) 0xFE;
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);
        Map<String, String> before = TenantSnapshot.of(tenant);
        ScimClient.Response response = scim.send(scim.request("Users").header("Content-Type", SCIM_JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(400, response.status(), response.toString());
        assertScimErrorBody(response.text(), 400, "invalidSyntax");
        assertEquals(before, TenantSnapshot.of(tenant));
    }

    @Test
    void getOnDotSearchIs405() {
        check(get("GET /Users/.search", "Users/.search", 405, null));
        check(get("GET /Groups/.search", "Groups/.search", 405, null));
    }

    @Test
    void malformedContentTypeHeaderIsAScimError() {
        for (String type : List.of("garbage", "application/", "/json")) {
            Answer answer = send(post("POST /Users as " + type, "Users", "{\"userName\":\"ct@example.com\"}", 415, null)
                    .type(type).sentOverASocket());
            assertTrue(Set.of(400, 415).contains(answer.status()), type + " -> " + answer);
            assertTrue(answer.contentType().startsWith("application/scim+json"), type + " -> " + answer);
            assertScimErrorBody(answer.text(), answer.status(), null);
        }
    }

    /** Found by FuzzIT: two Content-Type headers were answered by the container's HTML error page. */
    @Test
    void repeatedContentTypeHeadersAreAScimErrorAndChangeNothing() {
        Map<String, String> before = TenantSnapshot.of(tenant);
        for (String second : List.of(SCIM_JSON, "application/json;;", "text/plain")) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", SCIM_JSON);
            headers.put("content-type", second);
            RawHttp.Response response = RawHttp.send("POST", "Users", tenant, headers, "{\"userName\":\"twice@example.com\"}");
            assertEquals(415, response.status(), second + " -> " + response);
            assertTrue(response.header("Content-Type").startsWith(SCIM_JSON), second + " -> " + response);
            assertScimErrorBody(response.text(), 415, null);
            assertTrue(response.text().contains("more than one Content-Type"), response.text());
        }
        assertEquals(before, TenantSnapshot.of(tenant));
    }

    /** Found by FuzzIT: OPTIONS and /application.wadl were answered with Jersey's WADL (XML). */
    @Test
    void optionsIsNoContentWithAllowAndNoWadlIsServed() {
        for (String path : List.of("Users", "Groups/{{groupId}}", "Schemas", ".search")) {
            RawHttp.Response options = RawHttp.send("OPTIONS", fill(path), tenant, Map.of(), null);
            assertEquals(204, options.status(), path + " -> " + options);
            assertTrue(options.text().isEmpty(), path + " -> " + options);
            assertTrue(options.header("Allow").contains("GET") || options.header("Allow").contains("POST"), options.toString());
        }
        for (String path : List.of("application.wadl", "Users/application.wadl")) {
            ScimClient.Response wadl = scim.get(path);
            assertEquals(404, wadl.status(), path + " -> " + wadl);
            assertScimErrorBody(wadl.text(), 404, null);
        }
    }

    /**
     * TRACE on the paths FuzzIT sends it to, beyond ConformanceDetailsIT's: the APIs refuse it with their own error body,
     * every other path with a 405, and nothing ever echoes the request (its cookies, its token), whatever the path
     * looks like before the container normalises it.
     */
    @Test
    void traceIsRefusedOnEveryPathAndNeverEchoed() throws java.io.IOException {
        RawHttp.Response scimTrace = RawHttp.send("TRACE", "Users", tenant, Map.of("Cookie", "secret=crumb"), null);
        assertEquals(405, scimTrace.status(), scimTrace.toString());
        assertTrue(scimTrace.header("Content-Type").startsWith(SCIM_JSON), scimTrace.toString());
        assertScimErrorBody(scimTrace.text(), 405, null);
        for (String path : List.of("/", "/health/ready", "/login.xhtml", "/no/such/file.css", "/api/ping", "/scim/x",
                "/api/admin/v1/license", "/scim/v2/../no/such/file.css", "/scim/v2/%2e%2e/login.xhtml",
                "/api/admin/v1/../../health/ready", "/scim/v2/Users/..;/../../no/such/file.css")) {
            RawHttp.Response response = RawHttp.exchange("TRACE " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + tenant.token() + "\r\nCookie: secret=crumb\r\nConnection: close\r\n",
                    new byte[0], Duration.ofSeconds(30));
            assertTrue(response.status() == 405 || response.status() == 400 || response.status() == 404, path + " -> " + response);
            assertFalse(response.text().contains("crumb") || response.text().contains(tenant.token()), path + " -> " + response);
        }
    }

    /**
     * Known limitation (docs/operations.md), found by FuzzIT: Payara refuses these with an empty 400 before Rollcall
     * runs, so they cannot get a SCIM error body without turning its checks off: a header value with a byte outside
     * visible ASCII (Grizzly's strict header-value validation, a request-smuggling defence), and a backslash, an encoded
     * NUL or a percent-escape that is not UTF-8 in the path (the container's URI checks). No IdP sends either. Pinned
     * here so that a Payara upgrade that changes the answer is noticed: refused, before Rollcall (no request id),
     * nothing written.
     */
    @Test
    void whatPayaraRefusesBeforeRollcallRunsChangesNothing() throws java.io.IOException {
        Map<String, String> before = TenantSnapshot.of(tenant);
        String body = "{\"userName\":\"refused.early@example.com\"}";
        String headers = "Host: localhost\r\nAuthorization: Bearer " + tenant.token() + "\r\nContent-Type: " + SCIM_JSON
                + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n";
        List<String> heads = List.of(
                "POST /scim/v2/Users HTTP/1.1\r\n" + headers + "Content-Language: fran\u00e7ais\r\n",
                "POST /scim/v2/Users HTTP/1.1\r\n" + headers + "User-Agent: \u00ff\r\n",
                "POST /scim/v2/Users HTTP/1.1\r\n" + headers + "X-Note: a\u0001b\r\n",
                "POST /scim/v2/Users/a%5Cb HTTP/1.1\r\n" + headers,
                "POST /scim/v2/Users/a\\b HTTP/1.1\r\n" + headers,
                "POST /scim/v2/Users/a%00b HTTP/1.1\r\n" + headers,
                "POST /scim/v2/Users/a%FFb HTTP/1.1\r\n" + headers);
        for (String head : heads) {
            RawHttp.Response response = RawHttp.exchange(head, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Duration.ofSeconds(30));
            String line = head.substring(0, head.indexOf('\r'));
            assertEquals(400, response.status(), line + " -> " + response);
            assertEquals("", response.header("X-Request-Id"), "Rollcall never saw " + line + ": " + response);
        }
        assertEquals(before, TenantSnapshot.of(tenant));
    }

    @Test
    @Disabled("BUG: a malformed percent-escape in the path (/Users/%ZZ) is answered 200 with an empty body, even without a token")
    void malformedPercentEscapeInThePathIsAScimError() {
        for (String target : List.of("Users/%ZZ", "Groups/%E0%A4%A", "Users/%ZZ?filter=x")) {
            RawHttp.Response withToken = RawHttp.send("GET", target, tenant, Map.of(), null);
            assertTrue(Set.of(400, 404).contains(withToken.status()), target + " -> " + withToken);
            assertTrue(withToken.header("Content-Type").startsWith("application/scim+json"), target + " -> " + withToken);
            assertScimErrorBody(withToken.text(), withToken.status(), null);
            RawHttp.Response anonymous = RawHttp.send("GET", target, null, Map.of(), null);
            assertTrue(anonymous.status() >= 400, "never 2xx without a token: " + target + " -> " + anonymous);
        }
    }

    @Test
    @Disabled("BUG: over HTTP/2 (h2c), after one over-limit body is refused with 413, the next large upload on the same "
            + "connection stalls until the idle timeout instead of getting 413")
    void overLimitBodiesAreRefusedEvenTwiceOnOneHttp2Connection() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        String body = "{\"userName\":\"big@example.com\",\"displayName\":\"" + longText(3_000_000) + "\"}";
        Map<String, String> before = TenantSnapshot.of(tenant);
        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpResponse<String> response = h2.send(scim.request("Users").timeout(Duration.ofSeconds(15))
                    .header("Content-Type", SCIM_JSON).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), "attempt " + attempt + " over " + response.version());
            assertScimErrorBody(response.body(), 413, null);
        }
        assertEquals(before, TenantSnapshot.of(tenant));
    }

    @Test
    void anOverlongRequestLineIsAScimError() {
        String filter = "userName eq \"" + "a".repeat(9_000) + "\"";
        // HTTP/1.1 on purpose: over HTTP/2 this request breaks the connection (see the test below).
        ScimClient.Response response = scim.send(scim.request("Users?filter=" + encode(filter))
                .version(HttpClient.Version.HTTP_1_1));
        assertTrue(Set.of(400, 414).contains(response.status()), response.toString());
        assertTrue(response.contentType().startsWith("application/scim+json"), response.toString());
        assertScimErrorBody(response.text(), response.status(), null);
    }

    @Test
    @Disabled("BUG: over HTTP/2 (h2c), after one request with oversized headers is reset, every later request on that "
            + "connection fails (431 or 200 with an empty body): the header compression state is lost")
    void anOverlongRequestDoesNotBreakTheHttp2ConnectionForTheRequestsAfterIt() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        String base = com.rollcall.testing.RollcallServer.get().scimUrl();
        String overlong = "Users?filter=" + encode("userName eq \"" + "a".repeat(9_000) + "\"");
        for (String path : List.of("Users?count=0", overlong, "Users?count=0", "Users?count=0", "Groups?count=0")) {
            HttpResponse<String> response;
            try {
                response = h2.send(HttpRequest.newBuilder(java.net.URI.create(base + path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + tenant.token()).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException reset) {
                assertTrue(path.equals(overlong), "only the overlong request may be refused: " + reset);
                continue;
            }
            if (!path.equals(overlong)) {
                assertEquals(200, response.statusCode(), path + " after the overlong request -> " + response.body());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"));
                assertEquals(0, jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject()
                        .getJsonArray("Resources").size());
            }
        }
    }
}
