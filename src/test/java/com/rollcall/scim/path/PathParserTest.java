package com.rollcall.scim.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PathParserTest {
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    // ---- attribute paths -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "userName,                                                                    -, userName,       -",
            "name.givenName,                                                              -, name,           givenName",
            "emails,                                                                      -, emails,         -",
            "emails.value,                                                                -, emails,         value",
            "members.$ref,                                                                -, members,        $ref",
            "x509Certificates,                                                            -, x509Certificates, -",
            "user_name-2,                                                                 -, user_name-2,    -",
            "'  userName  ',                                                              -, userName,       -",
            "Name.GivenName,                                                              -, Name,           GivenName",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName,   urn:ietf:params:scim:schemas:core:2.0:User, userName, -",
            "urn:ietf:params:scim:schemas:core:2.0:User:name.familyName, urn:ietf:params:scim:schemas:core:2.0:User, name, familyName",
            "urn:ietf:params:scim:schemas:core:2.0:Group:displayName, urn:ietf:params:scim:schemas:core:2.0:Group, displayName, -",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber, urn:ietf:params:scim:schemas:extension:enterprise:2.0:User, employeeNumber, -",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value, urn:ietf:params:scim:schemas:extension:enterprise:2.0:User, manager, value",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME, URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER, USERNAME, -",
            "urn:example:custom:1.0:Badge:badge-number,  urn:example:custom:1.0:Badge, badge-number, -"})
    void splitsAttributePathsIntoUrnNameAndSubAttribute(String text, String urn, String name, String subAttribute) {
        assertEquals(new AttributePath(urn, name, subAttribute), PathParser.parseAttributePath(text));
    }

    /** ENTRA.md Q8: the enterprise URN typo is accepted and normalised, whatever its case. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:employeeNumber, employeeNumber, -",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:manager.value,  manager,        value",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0USER:department,     department,     -"})
    void normalisesTheEnterpriseUrnTypoToTheRealUrn(String text, String name, String subAttribute) {
        AttributePath path = PathParser.parseAttributePath(text);
        assertEquals(new AttributePath(ENTERPRISE, name, subAttribute), path);
        assertEquals(ENTERPRISE + ":" + name + (subAttribute == null ? "" : "." + subAttribute), path.toString());
    }

    static Stream<Arguments> malformedAttributePaths() {
        return Stream.of(
                arguments("", 0, "The path is empty"),
                arguments("   ", 0, "The path is empty"),
                arguments(".name", 0, "Expected an attribute name"),
                arguments("1name", 0, "Expected an attribute name"),
                arguments("name.", 5, "Expected a sub-attribute name"),
                arguments("name..x", 5, "Expected a sub-attribute name"),
                arguments("name.1x", 5, "Expected a sub-attribute name"),
                arguments("a.b.c", 3, "Expected the end of the attribute path"),
                arguments("user name", 4, "Unexpected character ' '"),
                arguments("na#me", 2, "Unexpected character '#'"),
                arguments("name.given$Name", 10, "Unexpected character '$'"),
                arguments("userName[", 8, "Unexpected character '['"),
                arguments("emails[type eq \"work\"]", 6, "Unexpected character '['"),
                arguments("foo:bar", 0, "Expected an attribute name or a schema URN starting with 'urn:'"),
                arguments("urn:bar", 0, "Expected an attribute name or a schema URN starting with 'urn:'"),
                arguments(":bar", 0, "Expected an attribute name or a schema URN starting with 'urn:'"),
                arguments("urn::x", 4, "Expected a URN segment"),
                arguments("urn:a::x", 6, "Expected a URN segment"),
                arguments("urn:a b:c", 5, "Unexpected character ' '"),
                arguments("urn:a:b:", 8, "Expected an attribute name"),
                arguments(CORE_USER + ":", 43, "Expected an attribute name"),
                arguments(ENTERPRISE + ":manager.value.x", 72, "Expected the end of the attribute path"));
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @MethodSource("malformedAttributePaths")
    void rejectsMalformedAttributePathsNamingWhatAndWhere(String text, int position, String what) {
        ScimException e = assertThrows(ScimException.class, () -> PathParser.parseAttributePath(text));
        assertEquals(400, e.status());
        assertEquals(ScimErrorType.INVALID_PATH, e.type());
        assertEquals(what + " at position " + position, e.detail());
    }

    @Test
    void rejectsNullAndOverlongPaths() {
        assertEquals("The path is empty at position 0",
                assertThrows(ScimException.class, () -> PathParser.parseAttributePath(null)).detail());
        String overlong = "a".repeat(PathParser.MAX_LENGTH + 1);
        ScimException e = assertThrows(ScimException.class, () -> PathParser.parseAttributePath(overlong));
        assertEquals(ScimErrorType.INVALID_PATH, e.type());
        assertEquals("The path is longer than 4096 characters at position 4096", e.detail());
        assertEquals(AttributePath.of("a".repeat(PathParser.MAX_LENGTH)),
                PathParser.parseAttributePath("a".repeat(PathParser.MAX_LENGTH)));
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "name.givenName,       NAME.GIVENNAME",
            "userName,             username",
            "emails.value,         Emails.Value",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber, URN:IETF:params:scim:schemas:extension:ENTERPRISE:2.0:user:EMPLOYEENUMBER",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:manager, urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:Manager"})
    void comparesPathsIgnoringCase(String one, String other) {
        AttributePath a = PathParser.parseAttributePath(one);
        AttributePath b = PathParser.parseAttributePath(other);
        assertTrue(a.sameAs(b));
        assertTrue(b.sameAs(a));
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource({
            "name,                 name.givenName",
            "name.givenName,       name.familyName",
            "emails,               phoneNumbers",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName, userName",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager, manager"})
    void tellsDifferentPathsApart(String one, String other) {
        AttributePath a = PathParser.parseAttributePath(one);
        AttributePath b = PathParser.parseAttributePath(other);
        assertFalse(a.sameAs(b));
        assertFalse(b.sameAs(a));
        assertFalse(a.sameAs(null));
    }

    @Test
    void keepsEqualsExactWhileSameAsIgnoresCase() {
        assertFalse(AttributePath.of("userName").equals(AttributePath.of("USERNAME")));
        assertTrue(AttributePath.of("userName").sameAs(AttributePath.of("USERNAME")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "userName",
            "name.givenName",
            "members.$ref",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"})
    void rendersTheCanonicalTextForm(String text) {
        assertEquals(text, PathParser.parseAttributePath(text).toString());
        assertEquals(text, AttributePath.parse(text).toString());
    }

    @Test
    void refusesEmptyPartsWhenBuiltDirectly() {
        assertThrows(IllegalArgumentException.class, () -> AttributePath.of(""));
        assertThrows(IllegalArgumentException.class, () -> AttributePath.of("name", ""));
        assertThrows(IllegalArgumentException.class, () -> new AttributePath("", "name", null));
        assertThrows(NullPointerException.class, () -> AttributePath.of(null));
    }
}
