package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestTenants;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lists and filters as Entra (matching) and Okta (paging) use them, computed in the database. */
@ExtendWith(RollcallServer.class)
class FilterAndPagingIT {
    private ScimClient scim;
    private String annId;

    @BeforeEach
    void tenantWithUsers() {
        scim = ScimClient.forTenant(TestTenants.create("Filters"));
        annId = create("""
                {"userName":"Ann.Lee@Example.com","externalId":"ext-Ann","title":"Engineer","active":true,
                 "name":{"givenName":"Ann","familyName":"Lee"},
                 "emails":[{"value":"Ann.Lee@Example.com","type":"work","primary":true},{"value":"ann@home.example","type":"home"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-100","department":"R&D"}}""");
        create("""
                {"userName":"bob@example.com","externalId":"ext-bob","title":"Manager","active":false,
                 "emails":[{"value":"bob@example.com","type":"work"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-200"}}""");
        create("{\"userName\":\"carol_100%@example.com\",\"title\":\"Engineering Manager\"}");
    }

    private String create(String json) {
        ScimClient.Response created = scim.post("Users", json);
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    private JsonObject list(String query) {
        ScimClient.Response response = scim.get("Users?" + query);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private JsonObject filter(String filter) {
        return list("filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    }

    private static List<String> userNames(JsonObject list) {
        return list.getJsonArray("Resources").stream().map(v -> v.asJsonObject().getString("userName")).toList();
    }

    @Test
    void entraTestConnectionGetsAnEmptyListResponse() {
        JsonObject empty = filter("userName eq \"" + UUID.randomUUID() + "\"");
        assertEquals(0, empty.getInt("totalResults"));
        assertEquals(0, empty.getInt("itemsPerPage"));
        assertEquals(1, empty.getInt("startIndex"));
        assertEquals(0, empty.getJsonArray("Resources").size());
        assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", empty.getJsonArray("schemas").getString(0));
    }

    @Test
    void entraMatchingAttributesFindTheUser() {
        assertEquals(List.of("Ann.Lee@Example.com"), userNames(filter("userName eq \"ann.lee@example.com\"")));
        assertEquals(List.of("Ann.Lee@Example.com"), userNames(filter("externalId eq \"ext-Ann\"")));
        assertEquals(0, filter("externalId eq \"EXT-ANN\"").getInt("totalResults"), "externalId is case-exact");
        assertEquals(List.of("Ann.Lee@Example.com"), userNames(filter("emails[type eq \"work\"].value eq \"ANN.LEE@example.com\"")));
        assertEquals(0, filter("emails[type eq \"work\"].value eq \"ann@home.example\"").getInt("totalResults"),
                "type and value must hold for the same email");
        assertEquals(List.of("Ann.Lee@Example.com"), userNames(filter(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"E-100\"")));
        assertEquals(List.of("Ann.Lee@Example.com"), userNames(filter("userName eq \"ann.lee@example.com\" and externalId eq \"ext-Ann\"")));
        assertEquals(List.of("Ann.Lee@Example.com"), userNames(filter("externalId eq ext-Ann")), "unquoted legacy value");
    }

    @Test
    void theFullGrammarRunsInTheDatabase() {
        assertEquals(List.of("Ann.Lee@Example.com", "carol_100%@example.com"), userNames(filter("title sw \"eng\"")));
        assertEquals(List.of("bob@example.com", "carol_100%@example.com"), userNames(filter("title co \"manager\"")));
        assertEquals(List.of("Ann.Lee@Example.com", "carol_100%@example.com"),
                userNames(filter("(title co \"manager\" or title eq \"engineer\") and active eq true")), "bob is inactive");
        assertEquals(List.of("bob@example.com", "carol_100%@example.com"), userNames(filter("not (name.givenName eq \"Ann\")")));
        assertEquals(List.of("Ann.Lee@Example.com", "bob@example.com"), userNames(filter("emails pr")));
        assertEquals(List.of("Ann.Lee@Example.com", "bob@example.com"), userNames(filter("emails.type eq \"work\"")));
        assertEquals(List.of("bob@example.com"), userNames(filter("active eq \"False\"")));
        assertEquals(3, filter("meta.lastModified gt \"2020-01-01T00:00:00Z\"").getInt("totalResults"));
        assertEquals(0, filter("meta.created lt \"2020-01-01T00:00:00Z\"").getInt("totalResults"));
        assertEquals(List.of("Ann.Lee@Example.com"), userNames(filter("id eq \"" + annId + "\"")));
    }

    @Test
    void likeWildcardsInValuesAreLiteral() {
        assertEquals(List.of("carol_100%@example.com"), userNames(filter("userName co \"_100%\"")));
        assertEquals(0, filter("userName co \"%\" and userName sw \"bob\" and userName ew \"%\"").getInt("totalResults"));
        assertEquals(0, filter("title co \"!\"").getInt("totalResults"));
    }

    @Test
    void unsupportedOrMalformedFiltersAre400AndNeverAnUnfilteredList() {
        for (String bad : List.of("password eq \"x\"", "nosuchattribute eq \"x\"", "userName eq", "userName xx \"a\"",
                "active gt true", "meta.created gt \"yesterday\"", "(userName eq \"a\"", "emails[value eq \"x\"")) {
            ScimClient.Response response = scim.get("Users?filter=" + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertEquals(400, response.status(), bad + " -> " + response);
            assertEquals("invalidFilter", response.json().getString("scimType"), bad);
        }
    }

    @Test
    void oktaPagingReportsTotalItemsPerPageAndStartIndex() {
        JsonObject first = list("startIndex=1&count=2");
        assertEquals(3, first.getInt("totalResults"));
        assertEquals(2, first.getInt("itemsPerPage"));
        assertEquals(1, first.getInt("startIndex"));
        JsonObject second = list("startIndex=3&count=2");
        assertEquals(1, second.getInt("itemsPerPage"));
        assertEquals(3, second.getInt("startIndex"));
        assertEquals(3, second.getInt("totalResults"), "a last page that is not full tells the total");
        JsonObject exact = list("startIndex=2&count=2");
        assertEquals(2, exact.getInt("itemsPerPage"));
        assertEquals(3, exact.getInt("totalResults"), "a full page that ends exactly at the last match");
        assertEquals(3, list("startIndex=1&count=3").getInt("totalResults"), "a full first page holding every match");
        JsonObject beyond = list("startIndex=10&count=2");
        assertEquals(3, beyond.getInt("totalResults"));
        assertEquals(0, beyond.getJsonArray("Resources").size());
        JsonObject onlyTotal = list("count=0");
        assertEquals(3, onlyTotal.getInt("totalResults"));
        assertEquals(0, onlyTotal.getInt("itemsPerPage"));
        assertEquals(1, list("startIndex=0&count=1").getInt("startIndex"), "startIndex below 1 counts as 1");
        assertEquals(3, list("count=100000").getInt("itemsPerPage"), "count above maxResults is capped, not refused");
        ScimClient.Response bad = scim.get("Users?count=many");
        assertEquals(400, bad.status());
    }

    @Test
    void sortingIsStableAndHonoursDirection() {
        assertEquals(List.of("carol_100%@example.com", "bob@example.com", "Ann.Lee@Example.com"),
                userNames(list("sortBy=userName&sortOrder=descending")));
        assertEquals(List.of("Ann.Lee@Example.com", "bob@example.com", "carol_100%@example.com"),
                userNames(list("sortBy=userName")));
        assertEquals(400, scim.get("Users?sortBy=emails").status());
    }

    @Test
    void pagesPastTheFirstKeepTheOrderTheFilterAndTheTenant() {
        // a page past the first is read as ids, then rows: both steps must keep the sort, the filter and the tenant
        ScimClient.forTenant(TestTenants.create("Paging other")).post("Users", "{\"userName\":\"aaa@example.com\"}");
        for (String sort : List.of("sortBy=userName&sortOrder=descending", "sortBy=userName", "")) {
            List<String> whole = userNames(list(sort));
            List<String> paged = new java.util.ArrayList<>();
            for (int start = 1; start <= 4; start++) {
                paged.addAll(userNames(list(sort + "&startIndex=" + start + "&count=1")));
            }
            assertEquals(3, whole.size());
            assertEquals(whole, paged, sort);
        }
        JsonObject second = list("filter=" + URLEncoder.encode("title sw \"eng\"", StandardCharsets.UTF_8)
                + "&sortBy=userName&startIndex=2&count=1");
        assertEquals(2, second.getInt("totalResults"));
        assertEquals(List.of("carol_100%@example.com"), userNames(second));
    }

    @Test
    void searchByPostTakesTheSameQueryInItsBody() {
        ScimClient.Response found = scim.post("Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"title sw \\"eng\\"","sortBy":"userName","startIndex":1,"count":1,"attributes":["userName"]}""");
        assertEquals(200, found.status(), found.toString());
        assertEquals(2, found.json().getInt("totalResults"));
        JsonObject only = found.json().getJsonArray("Resources").getJsonObject(0);
        assertEquals("Ann.Lee@Example.com", only.getString("userName"));
        assertFalse(only.containsKey("title"), "attributes from the body apply");
    }

    @Test
    void listsNeverShowAnotherEnterprisesUsers() {
        ScimClient other = ScimClient.forTenant(TestTenants.create("Filters other"));
        other.post("Users", "{\"userName\":\"ann.lee@example.com\"}");
        assertEquals(1, filter("userName eq \"ann.lee@example.com\"").getInt("totalResults"));
        assertEquals(3, list("").getInt("totalResults"));
    }

    @Test
    void usersShowTheGroupsTheyBelongTo() {
        String group = scim.post("Groups", "{\"displayName\":\"Readers\",\"members\":[{\"value\":\"" + annId + "\"}]}")
                .json().getString("id");
        JsonObject ann = scim.get("Users/" + annId).json();
        assertEquals(group, ann.getJsonArray("groups").getJsonObject(0).getString("value"));
        assertEquals(List.of("Ann.Lee@Example.com"), userNames(filter("groups.value eq \"" + group + "\"")));
        assertTrue(filter("groups pr").getInt("totalResults") == 1);
    }
}
