package com.rollcall.scim.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.Literal;
import com.rollcall.scim.filter.Operator;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PatchPathParserTest {
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static Stream<Arguments> patchPaths() {
        return Stream.of(
                arguments("members", PatchPath.of(AttributePath.of("members"))),
                arguments("  members  ", PatchPath.of(AttributePath.of("members"))),
                arguments("displayName", PatchPath.of(AttributePath.of("displayName"))),
                arguments("name.familyName", PatchPath.of(AttributePath.of("name", "familyName"))),
                arguments("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
                        new PatchPath(AttributePath.of("members"), eq("value", "2819c223-7f76-453a-919d-413861904646"), null)),
                arguments("emails[type eq \"work\"].value",
                        new PatchPath(AttributePath.of("emails"), eq("type", "work"), "value")),
                arguments("emails[type eq \"work\"]", new PatchPath(AttributePath.of("emails"), eq("type", "work"), null)),
                arguments("addresses[type eq \"work\"].streetAddress",
                        new PatchPath(AttributePath.of("addresses"), eq("type", "work"), "streetAddress")),
                arguments("phoneNumbers[type eq \"mobile\"].value",
                        new PatchPath(AttributePath.of("phoneNumbers"), eq("type", "mobile"), "value")),
                arguments("emails[type eq \"work\" and primary eq true]",
                        new PatchPath(AttributePath.of("emails"),
                                new Filter.And(eq("type", "work"),
                                        new Filter.Comparison(AttributePath.of("primary"), Operator.EQ, new Literal.BooleanLiteral(true))),
                                null)),
                arguments("emails[not (type eq \"home\")].display",
                        new PatchPath(AttributePath.of("emails"), new Filter.Not(eq("type", "home")), "display")),
                arguments("emails[type eq \"work\" or (type eq \"home\" and value pr)]",
                        new PatchPath(AttributePath.of("emails"),
                                new Filter.Or(eq("type", "work"),
                                        new Filter.And(eq("type", "home"), new Filter.Present(AttributePath.of("value")))),
                                null)),
                arguments("members[value eq \"a]b\"]", new PatchPath(AttributePath.of("members"), eq("value", "a]b"), null)),
                arguments("members[value eq \"quote\\\"]\"]", new PatchPath(AttributePath.of("members"), eq("value", "quote\"]"), null)),
                arguments("members[value eq 2819c223]", new PatchPath(AttributePath.of("members"), eq("value", "2819c223"), null)),
                arguments("Emails[Type EQ \"work\"].Value", new PatchPath(AttributePath.of("Emails"), eq("Type", "work"), "Value")),
                arguments("x509Certificates[value pr]",
                        new PatchPath(AttributePath.of("x509Certificates"), new Filter.Present(AttributePath.of("value")), null)),
                arguments(ENTERPRISE + ":manager", PatchPath.of(new AttributePath(ENTERPRISE, "manager", null))),
                arguments(ENTERPRISE + ":manager.value", PatchPath.of(new AttributePath(ENTERPRISE, "manager", "value"))),
                arguments(ENTERPRISE + ":employeeNumber", PatchPath.of(new AttributePath(ENTERPRISE, "employeeNumber", null))),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0User:employeeNumber",
                        PatchPath.of(new AttributePath(ENTERPRISE, "employeeNumber", null))),
                arguments(CORE_USER + ":emails[type eq \"work\"].value",
                        new PatchPath(new AttributePath(CORE_USER, "emails", null), eq("type", "work"), "value")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchPaths")
    void parsesEveryPatchPathForm(String text, PatchPath expected) {
        assertEquals(expected, PatchPathParser.parse(text));
        assertEquals(expected, PatchPath.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchPaths")
    void rendersPatchPathsAsTextThatParsesBack(String text, PatchPath expected) {
        assertEquals(expected, PatchPathParser.parse(PatchPathParser.parse(text).toString()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "members                                     | members",
            "name.familyName                             | name.familyName",
            "emails[Type Eq \"work\"].value              | emails[Type eq \"work\"].value",
            "members[value eq 2819c223]                  | members[value eq \"2819c223\"]",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0User:manager | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"})
    void rendersCanonicalPatchPathText(String text, String canonical) {
        assertEquals(canonical, PatchPathParser.parse(text).toString());
    }

    /** (path, position, scimType, what the detail says before " at position"). */
    static Stream<Arguments> malformedPatchPaths() {
        return Stream.of(
                arguments("", 0, ScimErrorType.INVALID_PATH, "The path is empty"),
                arguments("[value eq \"x\"]", 0, ScimErrorType.INVALID_PATH, "Expected an attribute name"),
                arguments(".members", 0, ScimErrorType.INVALID_PATH, "Expected an attribute name"),
                arguments("members.", 8, ScimErrorType.INVALID_PATH, "Expected a sub-attribute name"),
                arguments(ENTERPRISE + ":", 59, ScimErrorType.INVALID_PATH, "Expected an attribute name"),
                arguments("members value", 7, ScimErrorType.INVALID_PATH, "Expected '[' or the end of the path"),
                arguments("userName eq \"x\"", 8, ScimErrorType.INVALID_PATH, "Expected '[' or the end of the path"),
                arguments("members(value eq \"x\")", 7, ScimErrorType.INVALID_PATH, "Expected '[' or the end of the path"),
                arguments("members[value eq \"x\"", 20, ScimErrorType.INVALID_PATH, "Expected ']'"),
                arguments("members[value eq \"x\"]value", 21, ScimErrorType.INVALID_PATH, "Expected '.' or the end of the path"),
                arguments("members[value eq \"x\"]]", 21, ScimErrorType.INVALID_PATH, "Expected '.' or the end of the path"),
                arguments("emails[type eq \"work\"][value eq \"x\"]", 22, ScimErrorType.INVALID_PATH, "Expected '.' or the end of the path"),
                arguments("emails[type eq \"work\"].", 23, ScimErrorType.INVALID_PATH, "Expected a sub-attribute name"),
                arguments("emails[type eq \"work\"].1", 23, ScimErrorType.INVALID_PATH, "Expected a sub-attribute name"),
                arguments("emails[type eq \"work\"].value.x", 28, ScimErrorType.INVALID_PATH, "Expected the end of the path"),
                arguments("emails[type eq \"work\"].value eq \"x\"", 28, ScimErrorType.INVALID_PATH, "Expected the end of the path"),
                arguments("name.familyName[value eq \"x\"]", 15, ScimErrorType.INVALID_PATH, "A value filter cannot follow a sub-attribute"),
                arguments("a.b.c", 3, ScimErrorType.INVALID_PATH, "Expected the end of the attribute path"),
                arguments("foo:members", 0, ScimErrorType.INVALID_PATH, "Expected an attribute name or a schema URN starting with 'urn:'"),
                arguments("members[", 8, ScimErrorType.INVALID_FILTER, "Expected an attribute name, '(' or 'not'"),
                arguments("members[]", 8, ScimErrorType.INVALID_FILTER, "Expected an attribute name, '(' or 'not'"),
                arguments("members[value xx \"x\"]", 14, ScimErrorType.INVALID_FILTER, "Expected an operator"),
                arguments("members[value eq]", 16, ScimErrorType.INVALID_FILTER, "Expected a value"),
                arguments("members[value eq \"x\" extra]", 21, ScimErrorType.INVALID_FILTER, "Expected 'and', 'or' or ']'"),
                arguments("members[value eq \"x\")]", 20, ScimErrorType.INVALID_FILTER, "Unexpected ')'"),
                arguments("members[value eq \"unterminated]", 17, ScimErrorType.INVALID_FILTER, "Unterminated string starting"),
                arguments("emails[type[value eq \"x\"]]", 11, ScimErrorType.INVALID_FILTER, "Value filters cannot be nested"),
                arguments("members[(value eq \"x\"]", 21, ScimErrorType.INVALID_FILTER, "Expected 'and', 'or' or ')'"));
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @MethodSource("malformedPatchPaths")
    void rejectsMalformedPatchPathsNamingWhatAndWhere(String text, int position, ScimErrorType type, String what) {
        ScimException e = assertThrows(ScimException.class, () -> PatchPathParser.parse(text));
        assertEquals(400, e.status());
        assertEquals(type, e.type());
        assertEquals(what + " at position " + position, e.detail());
    }

    @Test
    void limitsValueFilterNestingInPatchPathsToo() {
        String ok = "emails[" + "(".repeat(31) + "type pr" + ")".repeat(31) + "]";
        assertEquals(new Filter.Present(AttributePath.of("type")), PatchPathParser.parse(ok).valueFilter());
        String deep = "emails[" + "(".repeat(32) + "type pr" + ")".repeat(32) + "]";
        ScimException e = assertThrows(ScimException.class, () -> PatchPathParser.parse(deep));
        assertEquals("The filter is nested deeper than 32 levels at position 38", e.detail());
    }

    @Test
    void refusesInconsistentPatchPathsWhenBuiltDirectly() {
        Filter filter = eq("type", "work");
        assertThrows(IllegalArgumentException.class, () -> new PatchPath(AttributePath.of("name", "givenName"), filter, null));
        assertThrows(IllegalArgumentException.class, () -> new PatchPath(AttributePath.of("emails"), null, "value"));
        assertThrows(NullPointerException.class, () -> new PatchPath(null, null, null));
    }

    @Test
    void rejectsNullAndOverlongPatchPaths() {
        assertEquals("The path is empty at position 0",
                assertThrows(ScimException.class, () -> PatchPathParser.parse(null)).detail());
        String overlong = "a".repeat(PatchPathParser.MAX_LENGTH + 1);
        ScimException e = assertThrows(ScimException.class, () -> PatchPathParser.parse(overlong));
        assertEquals(ScimErrorType.INVALID_PATH, e.type());
        assertEquals("The path is longer than 4096 characters at position 4096", e.detail());
    }

    /** ENTRA.md Q8: a path that is only the misspelt enterprise URN targets the enterprise extension. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0User",
            "' URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0USER '",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"})
    void parsesAPathThatIsOnlyTheEnterpriseUrnEvenMisspelt(String text) {
        assertEquals(PatchPath.of(new AttributePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0", "User", null)),
                PatchPathParser.parse(text));
    }

    private static Filter eq(String name, String value) {
        return new Filter.Comparison(AttributePath.of(name), Operator.EQ, new Literal.StringLiteral(value));
    }
}
