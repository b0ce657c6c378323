package com.rollcall.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.scim.filter.Literal.BooleanLiteral;
import com.rollcall.scim.filter.Literal.NullLiteral;
import com.rollcall.scim.filter.Literal.StringLiteral;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterEvaluatorTest {
    /** The enterprise user of RFC 7643 §8.3, trimmed, plus a number, an empty string, a null and an empty array. */
    private static final JsonObject BJENSEN = json("""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "id": "2819c223-7f76-453a-919d-413861904646",
              "externalId": "701984",
              "userName": "bjensen@example.com",
              "name": {"formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen", "givenName": "Barbara"},
              "displayName": "Babs Jensen",
              "nickName": "Babs",
              "title": "Tour Guide",
              "userType": "Employee",
              "preferredLanguage": "",
              "locale": null,
              "active": true,
              "loginCount": 42,
              "emails": [
                {"value": "bjensen@example.com", "type": "work", "primary": true},
                {"value": "babs@jensen.org", "type": "home"}
              ],
              "phoneNumbers": [{"value": "555-555-5555", "type": "work"}, {"value": "555-555-4444", "type": "mobile"}],
              "ims": [{"value": "someaimhandle", "type": "aim"}],
              "x509Certificates": [],
              "meta": {
                "resourceType": "User",
                "created": "2010-01-23T04:56:22Z",
                "lastModified": "2011-05-13T04:42:34Z",
                "version": "W/\\"3694e05e9dff591\\""
              },
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "701984",
                "costCenter": "4130",
                "department": "Tour Operations",
                "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith"}
              }
            }
            """);

    private final FilterEvaluator evaluator = new FilterEvaluator(CaseExactness.defaults());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "userName eq \"bjensen@example.com\"                                  | true",
            "userName eq \"other@example.com\"                                    | false",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"bjensen\"    | true",
            "name.familyName co \"ens\"                                           | true",
            "name.familyName sw \"J\"                                             | true",
            "name.familyName ew \"sen\"                                           | true",
            "name.familyName ew \"Jen\"                                           | false",
            "name.familyName eq \"Jensen\" and name.givenName eq \"Barbara\"        | true",
            "name.familyName eq \"Jensen\" and name.givenName eq \"Anna\"           | false",
            "title pr and userType eq \"Employee\"                                 | true",
            "title pr or userType eq \"Intern\"                                    | true",
            "userType eq \"Intern\" or nickName eq \"Babs\"                          | true",
            "userType eq \"Intern\" or nickName eq \"Bobby\"                         | false",
            "not (userType eq \"Intern\")                                          | true",
            "not (userType eq \"Employee\")                                        | false",
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\" | true",
            "schemas eq \"urn:example:other\"                                      | false",
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\") | true",
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\") | false",
            "userType eq \"Employee\" and (emails.type eq \"work\")                  | true",
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"] | true",
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"] | true",
            "ims[type eq \"xmpp\"]                                                 | false"})
    void evaluatesTheRfcExamplesAgainstTheRfcUser(String filter, boolean expected) {
        assertEquals(expected, matches(filter));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "emails.type eq \"home\"                                               | true",
            "emails.type eq \"other\"                                              | false",
            "emails.value ew \"@jensen.org\"                                       | true",
            "emails co \"jensen.org\"                                              | true",
            "emails eq \"babs@jensen.org\"                                         | true",
            "emails[type eq \"home\" and value co \"@example.com\"]                  | false",
            "emails.type eq \"home\" and emails.value co \"@example.com\"            | true",
            "emails[type eq \"work\"].value eq \"bjensen@example.com\"               | true",
            "emails[type eq \"work\"].value eq \"babs@jensen.org\"                   | false",
            "emails[type eq \"work\"].value eq \"BJensen@Example.COM\"               | true",
            "emails[primary eq true].value eq \"bjensen@example.com\"              | true",
            "emails[primary eq true].value eq \"babs@jensen.org\"                  | false",
            "emails[type eq \"work\" or type eq \"other\"]                           | true",
            "emails[not (type eq \"work\")]                                        | true",
            "emails[not (type pr)]                                                | false",
            "emails[primary pr]                                                   | true",
            "ims[primary pr]                                                      | false",
            "phoneNumbers[type eq \"mobile\"].value sw \"555-555-44\"                | true",
            "emails.type ne \"work\"                                               | true",
            "ims.type ne \"aim\"                                                   | false",
            "name[givenName eq \"Barbara\"]                                        | true"})
    void matchesMultiValuedAttributesWhenAnyValueMatches(String filter, boolean expected) {
        assertEquals(expected, matches(filter));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "title pr                 | true",
            "name pr                  | true",
            "emails pr                | true",
            "emails.value pr          | true",
            "active pr                | true",
            "loginCount pr            | true",
            "preferredLanguage pr     | false",
            "locale pr                | false",
            "timezone pr              | false",
            "x509Certificates pr      | false",
            "name.middleName pr       | false",
            "emails.display pr        | false",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager pr | true",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division pr | false"})
    void treatsNullEmptyStringAndEmptyArrayAsNotPresent(String filter, boolean expected) {
        assertEquals(expected, matches(filter));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"  | true",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"1\"       | false",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:EMPLOYEENUMBER eq \"701984\"  | true",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:employeeNumber eq \"701984\"   | true",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\" | true",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"] | true",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\" | true",
            "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName eq \"barbara\" | true",
            "urn:example:unknown:1.0:Thing:employeeNumber pr                      | false",
            "employeeNumber eq \"701984\"                                          | false"})
    void looksUpUrnQualifiedPathsInTheirExtensionObject(String filter, boolean expected) {
        assertEquals(expected, matches(filter));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "userName eq \"BJENSEN@EXAMPLE.COM\"                 | true",
            "USERNAME Eq \"bjensen@example.com\"                 | true",
            "title eq \"tour guide\"                             | true",
            "title sw \"TOUR\"                                   | true",
            "title gt \"TOUR\"                                   | true",
            "title ge \"TOUR GUIDE\"                             | true",
            "title lt \"tour guidf\"                             | true",
            "title le \"Tour Guid\"                              | false",
            "displayName lt \"babs jensen\"                      | false",
            "id eq \"2819c223-7f76-453a-919d-413861904646\"      | true",
            "id eq \"2819C223-7F76-453A-919D-413861904646\"      | false",
            "externalId eq \"701984\"                            | true",
            "externalId sw \"70\"                                | true",
            "meta.version eq \"W/\\\"3694e05e9dff591\\\"\"        | true",
            "meta.version eq \"W/\\\"3694E05E9DFF591\\\"\"        | false"})
    void comparesStringsIgnoringCaseUnlessCaseExact(String filter, boolean expected) {
        assertEquals(expected, matches(filter));
    }

    @Test
    void honoursTheSuppliedCaseExactness() {
        FilterEvaluator userNameExact = new FilterEvaluator(path -> path.sameAs(AttributePath.of("userName")));
        assertTrue(userNameExact.matches(FilterParser.parse("userName eq \"bjensen@example.com\""), BJENSEN));
        assertFalse(userNameExact.matches(FilterParser.parse("userName eq \"BJENSEN@example.com\""), BJENSEN));
        assertTrue(userNameExact.matches(FilterParser.parse("id eq \"2819C223-7F76-453A-919D-413861904646\""), BJENSEN));
    }

    @Test
    void asksCaseExactnessAboutAbsolutePathsInsideValueFilters() {
        List<String> asked = new ArrayList<>();
        FilterEvaluator recording = new FilterEvaluator(path -> {
            asked.add(path.toString());
            return false;
        });
        recording.matches(FilterParser.parse(
                "emails[type eq \"work\"].value eq \"x\" or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"y\"]"),
                BJENSEN);
        assertTrue(asked.contains("emails.type"), asked.toString());
        assertTrue(asked.contains("emails.value"), asked.toString());
        assertTrue(asked.contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"), asked.toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "meta.lastModified gt \"2011-05-13T04:42:33Z\"         | true",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"         | false",
            "meta.lastModified ge \"2011-05-13T04:42:34Z\"         | true",
            "meta.lastModified lt \"2011-05-13T04:42:34Z\"         | false",
            "meta.lastModified le \"2011-05-13T04:42:34Z\"         | true",
            "meta.lastModified lt \"2012-01-01T00:00:00Z\"         | true",
            "meta.lastModified eq \"2011-05-13T04:42:34.000Z\"     | true",
            "meta.lastModified eq \"2011-05-13T06:42:34+02:00\"    | true",
            "meta.lastModified gt \"2011-05-13T05:42:34+02:00\"    | true",
            "meta.lastModified lt \"2011-05-13T05:00:00\"          | true",
            "meta.lastModified ge \"2011-05-13T04:42:34.001Z\"     | false",
            "meta.lastModified gt \"2011\"                         | true",
            "meta.created lt \"2011-05-13T04:42:34Z\" and meta.lastModified gt \"2010-01-23T04:56:22Z\" | true"})
    void comparesDateTimesAsInstants(String filter, boolean expected) {
        assertEquals(expected, matches(filter));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "loginCount eq 42             | true",
            "loginCount eq 42.0           | true",
            "loginCount eq 4.2e1          | true",
            "loginCount ne 42             | false",
            "loginCount gt 40             | true",
            "loginCount gt 100            | false",
            "loginCount ge 42             | true",
            "loginCount lt 9              | false",
            "loginCount le 42             | true",
            "loginCount eq \"42\"         | true",
            "loginCount eq \"many\"       | false",
            "loginCount ne \"many\"       | true",
            "externalId eq 701984         | true",
            "externalId gt 7              | true",
            "externalId eq 701984.0       | false"})
    void comparesNumbersNumericallyAndStringAttributesAsText(String filter, boolean expected) {
        assertEquals(expected, matches(filter));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "active eq true           | true",
            "active eq false          | false",
            "active ne false          | true",
            "active eq True           | true",
            "active eq \"true\"       | true",
            "active eq \"False\"      | false",
            "active eq \"yes\"        | false",
            "active eq 1              | false",
            "userName eq true         | false",
            "userName ne true         | true"})
    void comparesBooleansWithEqAndNe(String filter, boolean expected) {
        assertEquals(expected, matches(filter));
    }

    /** ENTRA.md Q2: a resource can hold Entra's boolean strings. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "active eq false    | true",
            "active eq true     | false",
            "active ne true     | true",
            "active eq \"false\" | true"})
    void readsEntraBooleanStringsInTheResourceAsBooleans(String filter, boolean expected) {
        JsonObject entraUser = json("{\"userName\": \"ann\", \"active\": \"False\"}");
        assertEquals(expected, evaluator.matches(FilterParser.parse(filter), entraUser));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "timezone eq null                | true",
            "locale eq null                  | true",
            "title eq null                   | false",
            "title ne null                   | true",
            "timezone ne null                | false",
            "x509Certificates eq null        | true",
            "emails.display eq null          | true",
            "emails.type eq null             | false",
            "timezone eq \"x\"               | false",
            "timezone ne \"x\"               | false",
            "not (timezone eq \"x\")         | true"})
    void matchesAbsentAttributesOnlyWithEqNullOrNot(String filter, boolean expected) {
        assertEquals(expected, matches(filter));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "active gt \"a\"              | The operator 'gt' cannot compare a boolean (attribute 'active').",
            "active sw \"t\"              | The operator 'sw' cannot compare a boolean (attribute 'active').",
            "loginCount co 4              | The operator 'co' cannot compare a number (attribute 'loginCount').",
            "emails[primary lt \"x\"]     | The operator 'lt' cannot compare a boolean (attribute 'emails.primary')."})
    void rejectsOperatorsThatCannotCompareTheAttributeType(String filter, String detail) {
        ScimException e = assertThrows(ScimException.class, () -> matches(filter));
        assertEquals(ScimErrorType.INVALID_FILTER, e.type());
        assertEquals(detail, e.detail());
    }

    @Test
    void rejectsOrderingAgainstBooleanOrNullBuiltWithoutTheParser() {
        Filter booleanGt = new Filter.Comparison(AttributePath.of("active"), Operator.GT, new BooleanLiteral(true));
        Filter nullLt = new Filter.Comparison(AttributePath.of("title"), Operator.LT, NullLiteral.INSTANCE);
        assertEquals(ScimErrorType.INVALID_FILTER, assertThrows(ScimException.class, () -> evaluator.matches(booleanGt, BJENSEN)).type());
        assertEquals(ScimErrorType.INVALID_FILTER, assertThrows(ScimException.class, () -> evaluator.matches(nullLt, BJENSEN)).type());
    }

    @Test
    void selectsTheValuesAPatchValueFilterTargets() {
        JsonObject group = json("""
                {"members": [{"value": "2819c223", "display": "Babs"}, {"value": "902c246b", "display": "Mandy"}]}
                """);
        AttributePath members = AttributePath.of("members");
        Filter filter = FilterParser.parse("value eq \"902c246b\"");
        List<String> selected = new ArrayList<>();
        for (JsonValue member : group.getJsonArray("members")) {
            if (evaluator.matchesValue(members, filter, member)) {
                selected.add(member.asJsonObject().getString("display"));
            }
        }
        assertEquals(List.of("Mandy"), selected);
        assertFalse(evaluator.matchesValue(members, filter, Json.createValue("902c246b")));
        assertFalse(evaluator.matchesValue(members, filter, null));
    }

    @Test
    void matchesEmptyResourcesOnlyWhereAbsenceMatches() {
        JsonObject empty = JsonValue.EMPTY_JSON_OBJECT;
        assertFalse(evaluator.matches(FilterParser.parse("userName eq \"x\""), empty));
        assertFalse(evaluator.matches(FilterParser.parse("emails[type eq \"work\"]"), empty));
        assertTrue(evaluator.matches(FilterParser.parse("userName eq null"), empty));
        assertTrue(evaluator.matches(new Filter.Not(new Filter.Present(AttributePath.of("userName"))), empty));
        assertFalse(evaluator.matches(new Filter.Comparison(AttributePath.of("userName"), Operator.EQ, new StringLiteral("")), empty));
    }

    private boolean matches(String filter) {
        return evaluator.matches(FilterParser.parse(filter), BJENSEN);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
