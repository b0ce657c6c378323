package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.AttributeDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every string attribute a user stores is read within the length its schema definition declares (the one place a
 * limit is written, also shown on /Schemas): exactly the limit is accepted, one more is 400 invalidValue naming it.
 */
class UserScimMapperTest {
    /** (where: "core", "extension" or a complex core attribute, attribute name, its limit from the schema). */
    static Stream<Arguments> limitedAttributes() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (String name : new String[] {"userName", "externalId", "displayName", "nickName", "profileUrl", "title",
            "userType", "preferredLanguage", "locale", "timezone"}) {
            rows.add(Arguments.of("core", name, limit(ScimSchemas.USER.attribute(name).orElseThrow())));
        }
        for (String sub : new String[] {"formatted", "familyName", "givenName", "middleName", "honorificPrefix",
            "honorificSuffix"}) {
            rows.add(Arguments.of("name", sub, limit(ScimSchemas.USER.attribute("name").orElseThrow().subAttribute(sub)
                    .orElseThrow())));
        }
        for (String name : new String[] {"employeeNumber", "costCenter", "organization", "division", "department"}) {
            rows.add(Arguments.of("extension", name, limit(ScimSchemas.ENTERPRISE_USER.attribute(name).orElseThrow())));
        }
        for (String sub : new String[] {"value", "display", "type"}) {
            rows.add(Arguments.of("emails", sub, limit(ScimSchemas.USER.attribute("emails").orElseThrow().subAttribute(sub)
                    .orElseThrow())));
        }
        for (String sub : new String[] {"formatted", "streetAddress", "locality", "region", "postalCode", "country"}) {
            rows.add(Arguments.of("addresses", sub, limit(ScimSchemas.USER.attribute("addresses").orElseThrow()
                    .subAttribute(sub).orElseThrow())));
        }
        return rows.build();
    }

    private static int limit(AttributeDefinition definition) {
        assertTrue(definition.maxLength() > 0, definition.name() + " declares its length limit");
        assertTrue(definition.description().endsWith("(up to " + definition.maxLength() + " characters)."),
                "/Schemas says the limit: " + definition.description());
        return definition.maxLength();
    }

    @ParameterizedTest(name = "{0} {1}: {2} characters")
    @MethodSource("limitedAttributes")
    void readsEachAttributeWithinTheLengthItsDefinitionDeclares(String where, String attribute, int limit) {
        UserScimMapper.fromJson(user(where, attribute, "x".repeat(limit)));
        ScimException tooLong = assertThrows(ScimException.class,
                () -> UserScimMapper.fromJson(user(where, attribute, "x".repeat(limit + 1))));
        assertEquals(ScimErrorType.INVALID_VALUE, tooLong.type());
        assertTrue(tooLong.detail().contains(attribute) && tooLong.detail().contains(Integer.toString(limit)),
                tooLong.detail());
    }

    private static JsonObject user(String where, String attribute, String value) {
        JsonObjectBuilder user = ScimJson.object().add("userName", "someone@example.com");
        switch (where) {
            case "core" -> user.add(attribute, value);
            case "extension" -> user.add(Urns.ENTERPRISE_USER, ScimJson.object().add(attribute, value));
            case "name" -> user.add("name", ScimJson.object().add(attribute, value));
            default -> user.add(where, ScimJson.array().add(ScimJson.object().add(attribute, value)));
        }
        return user.build();
    }
}
