package com.rollcall.scim.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Resources in the exact JSON form of UserScimMapper / GroupScimMapper, and small JSON builders for expectations. */
public final class PatchFixtures {
    public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String MANAGER_ID = "26118915-6090-4610-87e4-49d8ca9f808d";
    public static final String BABS_ID = "2819c223-7f76-453a-919d-413861904646";
    public static final String MANDY_ID = "902c246b-6245-4190-8e05-00816be7344a";

    /** A stored user with every kind of attribute, as UserScimMapper.toJson writes it. */
    public static final JsonObject BJENSEN = json("""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "id": "2819c223-7f76-453a-919d-413861904646",
              "externalId": "bjensen",
              "userName": "bjensen@example.com",
              "name": {"formatted": "Ms. Barbara J Jensen III", "familyName": "Jensen", "givenName": "Barbara"},
              "displayName": "Babs Jensen",
              "title": "Tour Guide",
              "active": true,
              "emails": [
                {"value": "bjensen@example.com", "type": "work", "primary": true},
                {"value": "babs@jensen.org", "type": "home"}
              ],
              "phoneNumbers": [{"value": "555-555-8377", "type": "work"}],
              "addresses": [
                {"streetAddress": "100 Universal City Plaza", "locality": "Hollywood", "region": "CA",
                 "postalCode": "91608", "country": "USA", "type": "work", "primary": true}
              ],
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "701984",
                "department": "Tour Operations",
                "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d",
                            "$ref": "https://rollcall.example/scim/v2/Users/26118915-6090-4610-87e4-49d8ca9f808d"}
              },
              "meta": {"resourceType": "User", "created": "2026-01-23T04:56:22Z",
                       "lastModified": "2026-05-13T04:42:34Z",
                       "location": "https://rollcall.example/scim/v2/Users/2819c223-7f76-453a-919d-413861904646",
                       "version": "W/\\"3\\""}
            }
            """);

    /** A user as Entra creates one: no name, no emails, no enterprise extension. */
    public static final JsonObject NEWCOMER = json("""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "id": "6c5bb468-14b2-4183-baf2-06d523e03bd3",
              "userName": "pat.doe@contoso.example",
              "active": true,
              "meta": {"resourceType": "User", "created": "2026-05-13T04:42:34Z",
                       "lastModified": "2026-05-13T04:42:34Z",
                       "location": "https://rollcall.example/scim/v2/Users/6c5bb468-14b2-4183-baf2-06d523e03bd3",
                       "version": "W/\\"1\\""}
            }
            """);

    /** A group with members, as GroupScimMapper.toJson writes it when members are loaded. */
    public static final JsonObject TOUR_GUIDES = json("""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
              "id": "e9e30dba-f08f-4109-8486-d5c6a331660a",
              "externalId": "tour-guides",
              "displayName": "Tour Guides",
              "members": [
                {"value": "2819c223-7f76-453a-919d-413861904646",
                 "$ref": "https://rollcall.example/scim/v2/Users/2819c223-7f76-453a-919d-413861904646",
                 "type": "User", "display": "Babs Jensen"},
                {"value": "902c246b-6245-4190-8e05-00816be7344a",
                 "$ref": "https://rollcall.example/scim/v2/Users/902c246b-6245-4190-8e05-00816be7344a",
                 "type": "User", "display": "Mandy Pepperidge"}
              ],
              "meta": {"resourceType": "Group", "created": "2026-01-23T04:56:22Z",
                       "lastModified": "2026-05-13T04:42:34Z",
                       "location": "https://rollcall.example/scim/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a",
                       "version": "W/\\"7\\""}
            }
            """);

    private PatchFixtures() {
    }

    public static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Any JSON value: an object, an array, a string, a number, a literal. */
    public static JsonValue value(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static JsonArray array(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }

    /** A JSON object read from the test class path, e.g. {@code /scim/entra/q1-capitalised-ops.json}. */
    public static JsonObject resource(String path) {
        try (InputStream in = PatchFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operations of a PATCH body whose {@code Operations} array is {@code operationsJson}. */
    public static List<PatchOperation> ops(String operationsJson) {
        return PatchRequest.parse(Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
                .add("Operations", array(operationsJson))
                .build());
    }

    /** A builder holding a copy of {@code object}, to write the expected result of a patch. */
    public static JsonObjectBuilder copy(JsonObject object) {
        return Json.createObjectBuilder(object);
    }

    public static JsonObject enterprise(JsonObject user) {
        return user.getJsonObject(ENTERPRISE);
    }

    public static JsonArrayBuilder arrayOf(JsonValue... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonValue value : values) {
            array.add(value);
        }
        return array;
    }

    public static ScimException assertScimError(ScimErrorType type, Executable executable) {
        ScimException e = assertThrows(ScimException.class, executable);
        assertEquals(400, e.status(), e.detail());
        assertEquals(type, e.type(), e.detail());
        return e;
    }
}
