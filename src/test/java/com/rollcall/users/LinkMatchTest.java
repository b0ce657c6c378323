package com.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.enterprise.IdentifierRule;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which identifier the USER_LINKED event names: the enterprise's identifier first, then what the IdP's lookup used. */
class LinkMatchTest {
    private static final String MANUAL = "{\"userName\":\"ann.local\",\"externalId\":\"x-1\","
            + "\"emails\":[{\"value\":\"Ann@Example.com\",\"type\":\"work\"}],"
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\" E-7 \"}}";

    static Stream<Arguments> rows() {
        return Stream.of(
                // rule, the IdP's version of the user, expected attribute, expected value
                Arguments.of(IdentifierRule.EMAIL, "{\"userName\":\"ann@example.com\","
                        + "\"emails\":[{\"value\":\"ANN@example.com\"}]}", "email", "ann@example.com"),
                Arguments.of(IdentifierRule.EMAIL, "{\"userName\":\"ann@example.com\"}", "email", "ann@example.com"),
                Arguments.of(IdentifierRule.EMPLOYEE_ID, "{\"userName\":\"ann@example.com\","
                        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"e-7\"}}",
                        "employeeNumber", "E-7"),
                // the enterprise's identifier is preferred over the userName both share
                Arguments.of(IdentifierRule.EMPLOYEE_ID, "{\"userName\":\"ANN.LOCAL\",\"emails\":[{\"value\":\"ann@example.com\"}],"
                        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"E-7\"}}",
                        "employeeNumber", "E-7"),
                // Entra's default lookup: userName; the write changed the rule's identifier
                Arguments.of(IdentifierRule.EMAIL, "{\"userName\":\"Ann.Local\",\"emails\":[{\"value\":\"new@example.com\"}]}",
                        "userName", "ann.local"),
                Arguments.of(IdentifierRule.EMPLOYEE_ID, "{\"userName\":\"someone\",\"externalId\":\"x-1\"}",
                        "externalId", "x-1"),
                // the other identifier, when neither the rule's nor userName nor externalId is shared
                Arguments.of(IdentifierRule.EMPLOYEE_ID, "{\"userName\":\"someone\",\"emails\":[{\"value\":\"ann@example.com\"}]}",
                        "email", "ann@example.com"),
                Arguments.of(IdentifierRule.EMAIL, "{\"userName\":\"someone\","
                        + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"E-7\"}}",
                        "employeeNumber", "E-7"),
                // every identifier changed by the write: the IdP addressed the record by its id
                Arguments.of(IdentifierRule.EMAIL, "{\"userName\":\"someone\"}", "id", "the-scim-id"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void namesTheIdentifierTheManualUserAndTheIdpShare(IdentifierRule rule, String idp, String attribute, String value) {
        LinkMatch match = LinkMatch.between(rule, "the-scim-id", attributes(MANUAL), attributes(idp));
        assertEquals(new LinkMatch(attribute, value), match);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void theAuditJsonCarriesTheClientTheRequestAndTheMatch(IdentifierRule rule, String idp, String attribute, String value) {
        JsonObject json = LinkMatch.between(rule, "the-scim-id", attributes(MANUAL), attributes(idp))
                .toJson("Entra", "PATCH", rule);
        assertEquals(Json.createObjectBuilder().add("client", "Entra").add("request", "PATCH")
                .add("identifierRule", rule.name()).add("matchedBy", attribute).add("value", value).build(), json);
    }

    private static UserAttributes attributes(String json) {
        return UserScimMapper.fromJson(Json.createReader(new StringReader(json)).readObject());
    }
}
