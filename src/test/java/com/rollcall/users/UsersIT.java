package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.TestDatabase;
import com.rollcall.testing.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The minimal SCIM round trip: POST /Users then GET /Users/{id}, through service, JPA and MariaDB. */
@ExtendWith(RollcallServer.class)
class UsersIT {
    private final ScimClient scim = ScimClient.forTenant(TestTenants.create("Users"));

    private static final String ANN = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"Ann.Lee@Example.com","externalId":"ann-0001","active":true,
             "name":{"givenName":"Ann","familyName":"Lee","formatted":"Ann Lee"},
             "displayName":"Ann Lee","title":"Engineer","preferredLanguage":"en-GB",
             "emails":[{"value":"Ann.Lee@Example.com","type":"work","primary":true},{"value":"ann@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+44 20 7946 0000","type":"work"}],
             "addresses":[{"type":"work","streetAddress":"1 Main St","locality":"London","postalCode":"N1","country":"GB","primary":true}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-1","department":"R&D",
                 "manager":{"value":"mgr-1"}},
             "password":"Secret123!"}""";

    @Test
    void createReturns201WithLocationEtagAndTheStoredResource() {
        ScimClient.Response created = scim.post("Users", ANN);

        assertEquals(201, created.status(), created.toString());
        JsonObject user = created.json();
        String id = user.getString("id");
        assertTrue(created.header("Location").orElseThrow().endsWith("/scim/v2/Users/" + id));
        assertEquals(user.getJsonObject("meta").getString("version"), created.header("ETag").orElseThrow());
        assertTrue(created.contentType().startsWith("application/scim+json"));
        assertEquals("Ann.Lee@Example.com", user.getString("userName"), "stored exactly as sent");
        assertEquals("ann-0001", user.getString("externalId"));
        assertEquals("Lee", user.getJsonObject("name").getString("familyName"));
        assertEquals(2, user.getJsonArray("emails").size());
        assertEquals("London", user.getJsonArray("addresses").getJsonObject(0).getString("locality"));
        JsonObject enterprise = user.getJsonObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertEquals("E-1", enterprise.getString("employeeNumber"));
        assertEquals("mgr-1", enterprise.getJsonObject("manager").getString("value"));
        assertEquals("User", user.getJsonObject("meta").getString("resourceType"));
        assertFalse(created.text().contains("Secret123!"), "a password is never echoed");
    }

    @Test
    void getReturnsWhatCreateReturned() {
        JsonObject created = scim.post("Users", ANN.replace("Ann.Lee@", "Ann.Get@").replace("ann-0001", "ann-get")).json();

        ScimClient.Response read = scim.get("Users/" + created.getString("id"));

        assertEquals(200, read.status(), read.toString());
        assertEquals(created, read.json());
        assertEquals(created.getJsonObject("meta").getString("version"), read.header("ETag").orElseThrow());
    }

    @Test
    void passwordIsNeverStored() throws SQLException {
        JsonObject created = scim.post("Users", ANN.replace("Ann.Lee@", "Ann.Pw@").replace("ann-0001", "ann-pw")).json();
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT * FROM user_account WHERE scim_id = ?")) {
            s.setString(1, created.getString("id"));
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertFalse(String.valueOf(rs.getObject(i)).contains("Secret123!"), rs.getMetaData().getColumnName(i));
                }
            }
        }
    }

    @Test
    void userNameIsUniqueCaseInsensitively() {
        assertEquals(201, scim.post("Users", Json.createObjectBuilder().add("userName", "dup@example.com").build()).status());

        ScimClient.Response duplicate = scim.post("Users", Json.createObjectBuilder().add("userName", "DUP@Example.COM").build());

        assertEquals(409, duplicate.status(), duplicate.toString());
        assertEquals("uniqueness", duplicate.json().getString("scimType"));
    }

    @Test
    void externalIdIsCaseExactOnMariaDb() {
        assertEquals(201, scim.post("Users", "{\"userName\":\"case1@example.com\",\"externalId\":\"abc-Case\"}").status());
        assertEquals(201, scim.post("Users", "{\"userName\":\"case2@example.com\",\"externalId\":\"ABC-case\"}").status());
        ScimClient.Response same = scim.post("Users", "{\"userName\":\"case3@example.com\",\"externalId\":\"abc-Case\"}");
        assertEquals(409, same.status(), same.toString());
        assertEquals("uniqueness", same.json().getString("scimType"));
    }

    @Test
    void entraBooleanStringsAreAccepted() {
        ScimClient.Response created = scim.post("Users", "{\"userName\":\"inactive@example.com\",\"active\":\"False\"}");
        assertEquals(201, created.status(), created.toString());
        assertFalse(created.json().getBoolean("active"));
    }

    @Test
    void unknownIdIs404ScimError() {
        ScimClient.Response missing = scim.get("Users/00000000-0000-0000-0000-000000000000");
        assertEquals(404, missing.status());
        assertEquals("404", missing.json().getString("status"));
    }

    @Test
    void malformedInputIs400WithTheRightScimTypeAndWritesNothing() throws SQLException {
        long before = countUsers();
        assertError(scim.post("Users", "{\"userName\": "), 400, "invalidSyntax");
        assertError(scim.post("Users", "[]"), 400, "invalidSyntax");
        assertError(scim.post("Users", "{\"displayName\":\"no userName\"}"), 400, "invalidValue");
        assertError(scim.post("Users", "{\"userName\":\"x@example.com\",\"active\":\"maybe\"}"), 400, "invalidValue");
        assertError(scim.post("Users", "{\"userName\":[\"x\"]}"), 400, "invalidValue");
        assertError(scim.post("Users", "{\"userName\":\"" + "x".repeat(301) + "\"}"), 400, "invalidValue");
        assertEquals(before, countUsers(), "no failed request writes anything");
    }

    private static void assertError(ScimClient.Response response, int status, String scimType) {
        assertEquals(status, response.status(), response.toString());
        assertEquals(Integer.toString(status), response.json().getString("status"));
        assertEquals(scimType, response.json().getString("scimType"));
        assertFalse(response.json().getString("detail").contains("Exception"), response.toString());
    }

    private static long countUsers() throws SQLException {
        try (Connection c = TestDatabase.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM user_account")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
