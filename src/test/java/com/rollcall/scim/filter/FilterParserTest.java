package com.rollcall.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.filter.Filter.And;
import com.rollcall.scim.filter.Filter.Comparison;
import com.rollcall.scim.filter.Filter.Not;
import com.rollcall.scim.filter.Filter.Or;
import com.rollcall.scim.filter.Filter.Present;
import com.rollcall.scim.filter.Filter.ValuePath;
import com.rollcall.scim.filter.Literal.BooleanLiteral;
import com.rollcall.scim.filter.Literal.NullLiteral;
import com.rollcall.scim.filter.Literal.NumberLiteral;
import com.rollcall.scim.filter.Literal.StringLiteral;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    // ---- accepted filters --------------------------------------------------------------------

    /** Every example of RFC 7644 §3.4.2.2, in order. */
    static Stream<Arguments> rfc7644Examples() {
        return Stream.of(
                arguments("userName eq \"bjensen\"", eq("userName", "bjensen")),
                arguments("name.familyName co \"O'Malley\"", cmp(path("name", "familyName"), Operator.CO, str("O'Malley"))),
                arguments("userName sw \"J\"", cmp(path("userName"), Operator.SW, str("J"))),
                arguments("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
                        cmp(new AttributePath(CORE_USER, "userName", null), Operator.SW, str("J"))),
                arguments("title pr", pr("title")),
                arguments("meta.lastModified gt \"2011-05-13T04:42:34Z\"",
                        cmp(path("meta", "lastModified"), Operator.GT, str("2011-05-13T04:42:34Z"))),
                arguments("meta.lastModified ge \"2011-05-13T04:42:34Z\"",
                        cmp(path("meta", "lastModified"), Operator.GE, str("2011-05-13T04:42:34Z"))),
                arguments("meta.lastModified lt \"2011-05-13T04:42:34Z\"",
                        cmp(path("meta", "lastModified"), Operator.LT, str("2011-05-13T04:42:34Z"))),
                arguments("meta.lastModified le \"2011-05-13T04:42:34Z\"",
                        cmp(path("meta", "lastModified"), Operator.LE, str("2011-05-13T04:42:34Z"))),
                arguments("title pr and userType eq \"Employee\"", and(pr("title"), eq("userType", "Employee"))),
                arguments("title pr or userType eq \"Intern\"", or(pr("title"), eq("userType", "Intern"))),
                arguments("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", eq("schemas", ENTERPRISE)),
                arguments("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(eq("userType", "Employee"),
                                or(cmp(path("emails"), Operator.CO, str("example.com")),
                                        cmp(path("emails", "value"), Operator.CO, str("example.org"))))),
                arguments("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(cmp(path("userType"), Operator.NE, str("Employee")),
                                not(or(cmp(path("emails"), Operator.CO, str("example.com")),
                                        cmp(path("emails", "value"), Operator.CO, str("example.org")))))),
                arguments("userType eq \"Employee\" and (emails.type eq \"work\")",
                        and(eq("userType", "Employee"), cmp(path("emails", "type"), Operator.EQ, str("work")))),
                arguments("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                        and(eq("userType", "Employee"),
                                valuePath("emails", and(eq("type", "work"), cmp(path("value"), Operator.CO, str("@example.com")))))),
                arguments("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
                        or(valuePath("emails", and(eq("type", "work"), cmp(path("value"), Operator.CO, str("@example.com")))),
                                valuePath("ims", and(eq("type", "xmpp"), cmp(path("value"), Operator.CO, str("@foo.com")))))),
                arguments("userName Eq \"john\"", eq("userName", "john")),
                arguments("Username eq \"john\"", eq("Username", "john")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc7644Examples")
    void parsesEveryRfc7644ExampleToItsTree(String filter, Filter expected) {
        assertEquals(expected, FilterParser.parse(filter));
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                arguments("a pr or b pr and c pr", or(pr("a"), and(pr("b"), pr("c")))),
                arguments("a pr and b pr or c pr", or(and(pr("a"), pr("b")), pr("c"))),
                arguments("a pr and b pr and c pr", and(and(pr("a"), pr("b")), pr("c"))),
                arguments("a pr or b pr or c pr", or(or(pr("a"), pr("b")), pr("c"))),
                arguments("a pr or b pr and c pr or d pr", or(or(pr("a"), and(pr("b"), pr("c"))), pr("d"))),
                arguments("not (a pr) and b pr", and(not(pr("a")), pr("b"))),
                arguments("not (a pr) or b pr and c pr", or(not(pr("a")), and(pr("b"), pr("c")))),
                arguments("a pr and not (b pr) or c pr", or(and(pr("a"), not(pr("b"))), pr("c"))),
                arguments("not (a pr or b pr) and c pr", and(not(or(pr("a"), pr("b"))), pr("c"))),
                arguments("a pr and (b pr or c pr)", and(pr("a"), or(pr("b"), pr("c")))),
                arguments("(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))),
                arguments("a pr and (b pr and c pr)", and(pr("a"), and(pr("b"), pr("c")))),
                arguments("((a pr))", pr("a")),
                arguments("not (not (a pr))", not(not(pr("a")))),
                arguments("emails[type eq \"work\" or primary eq true] and a pr",
                        and(valuePath("emails", or(eq("type", "work"), cmp(path("primary"), Operator.EQ, bool(true)))), pr("a"))),
                arguments("emails[type eq \"work\" or type eq \"home\" and primary eq true]",
                        valuePath("emails", or(eq("type", "work"), and(eq("type", "home"), cmp(path("primary"), Operator.EQ, bool(true)))))),
                arguments("emails[not (type eq \"work\") and value co \"x\"]",
                        valuePath("emails", and(not(eq("type", "work")), cmp(path("value"), Operator.CO, str("x"))))),
                arguments("emails[(type eq \"work\" or type eq \"home\") and value pr]",
                        valuePath("emails", and(or(eq("type", "work"), eq("type", "home")), pr("value")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void bindsNotTighterThanAndTighterThanOrLeftToRight(String filter, Filter expected) {
        assertEquals(expected, FilterParser.parse(filter));
    }

    static Stream<Arguments> caseInsensitivity() {
        return Stream.of(
                arguments("userName EQ \"x\"", eq("userName", "x")),
                arguments("userName eQ \"x\"", eq("userName", "x")),
                arguments("USERNAME eq \"x\"", eq("USERNAME", "x")),
                arguments("title PR", pr("title")),
                arguments("title Pr", pr("title")),
                arguments("a pr AND b pr", and(pr("a"), pr("b"))),
                arguments("a pr Or b pr", or(pr("a"), pr("b"))),
                arguments("NOT (a pr)", not(pr("a"))),
                arguments("Not(a pr)", not(pr("a"))),
                arguments("active eq TRUE", cmp(path("active"), Operator.EQ, bool(true))),
                arguments("active Eq False", cmp(path("active"), Operator.EQ, bool(false))),
                arguments("manager eq NULL", cmp(path("manager"), Operator.EQ, NullLiteral.INSTANCE)),
                arguments("meta.lastModified GT \"2011-05-13T04:42:34Z\"",
                        cmp(path("meta", "lastModified"), Operator.GT, str("2011-05-13T04:42:34Z"))),
                arguments("title NE \"x\" AND title CO \"y\" OR title SW \"z\" or title EW \"w\"",
                        or(or(and(cmp(path("title"), Operator.NE, str("x")), cmp(path("title"), Operator.CO, str("y"))),
                                cmp(path("title"), Operator.SW, str("z"))), cmp(path("title"), Operator.EW, str("w")))),
                arguments("loginCount Ge 1 and loginCount LE 9 and loginCount lT 8 and loginCount gt 2",
                        and(and(and(cmp(path("loginCount"), Operator.GE, num("1")), cmp(path("loginCount"), Operator.LE, num("9"))),
                                cmp(path("loginCount"), Operator.LT, num("8"))), cmp(path("loginCount"), Operator.GT, num("2")))),
                arguments("EMAILS[TYPE EQ \"work\"]", valuePath("EMAILS", eq("TYPE", "work"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseInsensitivity")
    void readsKeywordsInAnyCaseAndKeepsAttributeNamesAsWritten(String filter, Filter expected) {
        assertEquals(expected, FilterParser.parse(filter));
    }

    /** ENTRA.md lifecycle step 2 and Q10. */
    static Stream<Arguments> entraForms() {
        return Stream.of(
                arguments("userName eq \"2b9a1f62-6fa1-4b85-9f6a-7ed0e1d4c1a3\"", eq("userName", "2b9a1f62-6fa1-4b85-9f6a-7ed0e1d4c1a3")),
                arguments("externalId eq \"0f0a3c9b\"", eq("externalId", "0f0a3c9b")),
                arguments("displayName eq \"Sales EMEA\"", eq("displayName", "Sales EMEA")),
                arguments("userName eq \"ann@example.com\" and externalId eq \"17\"",
                        and(eq("userName", "ann@example.com"), eq("externalId", "17"))),
                arguments("emails[type eq \"work\"].value eq \"ann@example.com\"",
                        valuePath("emails", and(eq("type", "work"), eq("value", "ann@example.com")))),
                arguments("emails[type eq \"work\"].value pr", valuePath("emails", and(eq("type", "work"), pr("value")))),
                arguments("emails[type eq \"work\"].value eq \"ann@example.com\" and userName eq \"ann\"",
                        and(valuePath("emails", and(eq("type", "work"), eq("value", "ann@example.com"))), eq("userName", "ann"))),
                arguments("emails[type eq \"work\" and primary eq true].value eq \"a@b.c\"",
                        valuePath("emails", and(and(eq("type", "work"), cmp(path("primary"), Operator.EQ, bool(true))), eq("value", "a@b.c")))),
                arguments("emails[type eq \"work\"].value   EQ   \"x\"", valuePath("emails", and(eq("type", "work"), eq("value", "x")))),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
                        cmp(new AttributePath(ENTERPRISE, "employeeNumber", null), Operator.EQ, str("701984"))),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0User:employeeNumber eq \"701984\"",
                        cmp(new AttributePath(ENTERPRISE, "employeeNumber", null), Operator.EQ, str("701984"))),
                arguments("externalId eq jyoung", eq("externalId", "jyoung")),
                arguments("userName eq jyoung@example.com and active eq true",
                        and(eq("userName", "jyoung@example.com"), cmp(path("active"), Operator.EQ, bool(true)))),
                arguments("(externalId eq jyoung)", eq("externalId", "jyoung")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entraForms")
    void acceptsEntraFormsIncludingValuePathSubAttributeAndUnquotedValues(String filter, Filter expected) {
        assertEquals(expected, FilterParser.parse(filter));
    }

    static Stream<Arguments> urnPaths() {
        return Stream.of(
                arguments("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"Jensen\"",
                        cmp(new AttributePath(CORE_USER, "name", "familyName"), Operator.EQ, str("Jensen"))),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"",
                        cmp(new AttributePath(ENTERPRISE, "manager", "value"), Operator.EQ, str("26118915"))),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"26118915\"]",
                        new ValuePath(new AttributePath(ENTERPRISE, "manager", null), eq("value", "26118915"))),
                arguments("urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"x\"",
                        cmp(new AttributePath("urn:ietf:params:scim:schemas:core:2.0:Group", "displayName", null), Operator.EQ, str("x"))),
                arguments("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME pr",
                        new Present(new AttributePath("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER", "USERNAME", null))),
                arguments("urn:example:custom:1.0:Badge:badge-number gt 10",
                        cmp(new AttributePath("urn:example:custom:1.0:Badge", "badge-number", null), Operator.GT, num("10"))),
                arguments("members.$ref eq \"https://example.com/v2/Users/1\"",
                        cmp(path("members", "$ref"), Operator.EQ, str("https://example.com/v2/Users/1"))),
                arguments("(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter eq \"4130\")",
                        cmp(new AttributePath(ENTERPRISE, "costCenter", null), Operator.EQ, str("4130"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urnPaths")
    void splitsUrnQualifiedPathsAtTheLastColon(String filter, Filter expected) {
        assertEquals(expected, FilterParser.parse(filter));
    }

    static Stream<Arguments> stringLiterals() {
        return Stream.of(
                arguments("\"plain\"", "plain"),
                arguments("\"\"", ""),
                arguments("\"a\\\"b\"", "a\"b"),
                arguments("\"a\\\\b\"", "a\\b"),
                arguments("\"a\\/b\"", "a/b"),
                arguments("\"Andr\\u00e9\"", "André"),
                arguments("\"Andr\\u00E9\"", "André"),
                arguments("\"André\"", "André"),
                arguments("\"\\uD83D\\uDE00\"", "\uD83D\uDE00"),
                arguments("\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t"),
                arguments("\"O'Malley\"", "O'Malley"),
                arguments("\"and or not ( ) [ ] pr eq\"", "and or not ( ) [ ] pr eq"),
                arguments("\"ends with backslash \\\\\"", "ends with backslash \\"),
                arguments("\"2011-05-13T04:42:34Z\"", "2011-05-13T04:42:34Z"),
                arguments("\"true\"", "true"),
                arguments("\"42\"", "42"),
                arguments("\"null\"", "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringLiterals")
    void decodesJsonStringEscapes(String literal, String expected) {
        assertEquals(eq("x", expected), FilterParser.parse("x eq " + literal));
    }

    static Stream<Arguments> otherLiterals() {
        return Stream.of(
                arguments("0", num("0")),
                arguments("42", num("42")),
                arguments("-7", num("-7")),
                arguments("3.25", num("3.25")),
                arguments("1.0", num("1")),
                arguments("-1.5e3", num("-1500")),
                arguments("2E+2", num("200")),
                arguments("true", bool(true)),
                arguments("false", bool(false)),
                arguments("True", bool(true)),
                arguments("null", NullLiteral.INSTANCE),
                arguments("007", str("007")),
                arguments("1.2.3", str("1.2.3")),
                arguments("+1", str("+1")),
                arguments("jyoung", str("jyoung")),
                arguments("j.young@example.com", str("j.young@example.com")),
                arguments("truely", str("truely")),
                arguments("nullable", str("nullable")),
                arguments("2011-05-13T04:42:34Z", str("2011-05-13T04:42:34Z")));
    }

    @ParameterizedTest(name = "x eq {0}")
    @MethodSource("otherLiterals")
    void readsNumbersBooleansNullAndUnquotedStrings(String literal, Literal expected) {
        assertEquals(cmp(path("x"), Operator.EQ, expected), FilterParser.parse("x eq " + literal));
    }

    static Stream<Arguments> whitespace() {
        return Stream.of(
                arguments("   userName   eq   \"x\"   ", eq("userName", "x")),
                arguments("userName\teq\t\"x\"", eq("userName", "x")),
                arguments("userName\neq\r\n\"x\"\nand\ntitle\npr", and(eq("userName", "x"), pr("title"))),
                arguments("(title pr)and(userName eq\"x\")", and(pr("title"), eq("userName", "x"))),
                arguments("not(title pr)or not  (  a pr  )", or(not(pr("title")), not(pr("a")))),
                arguments("emails [ type eq \"work\" ] ", valuePath("emails", eq("type", "work"))),
                arguments("userName eq \"x\"or title pr", or(eq("userName", "x"), pr("title"))),
                arguments("title pr and notes pr", and(pr("title"), pr("notes"))),
                arguments("order pr or android pr", or(pr("order"), pr("android"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whitespace")
    void acceptsArbitraryWhitespaceBetweenTokens(String filter, Filter expected) {
        assertEquals(expected, FilterParser.parse(filter));
    }

    static Stream<Arguments> everyAcceptedFilter() {
        return Stream.of(rfc7644Examples(), precedence(), caseInsensitivity(), entraForms(), urnPaths(), whitespace())
                .flatMap(rows -> rows);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAcceptedFilter")
    void rendersCanonicalTextThatParsesBackToTheSameTree(String filter, Filter expected) {
        Filter parsed = FilterParser.parse(filter);
        assertEquals(expected, FilterParser.parse(parsed.toString()));
    }

    static Stream<Arguments> canonicalText() {
        return Stream.of(
                arguments("userName Eq \"john\"", "userName eq \"john\""),
                arguments("emails[type eq \"work\"].value eq \"x\"", "emails[type eq \"work\" and value eq \"x\"]"),
                arguments("a pr and (b pr or c pr)", "a pr and (b pr or c pr)"),
                arguments("(a pr or b pr) and c pr", "(a pr or b pr) and c pr"),
                arguments("a pr OR (b pr OR c pr)", "a pr or (b pr or c pr)"),
                arguments("((a pr or b pr) or c pr)", "a pr or b pr or c pr"),
                arguments("NOT(a pr)", "not (a pr)"),
                arguments("x eq \"a\\\"b\\\\c\\n\"", "x eq \"a\\\"b\\\\c\\n\""),
                arguments("externalId eq jyoung", "externalId eq \"jyoung\""),
                arguments("x eq TRUE", "x eq true"),
                arguments("x eq 2E+2", "x eq 2E+2"),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0User:employeeNumber eq \"1\"",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"1\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalText")
    void rendersCanonicalText(String filter, String canonical) {
        assertEquals(canonical, FilterParser.parse(filter).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"userName eq 1e2000000000", "x eq 1e300000000", "x gt -1e-2000000000", "x eq 1E+1001",
            "x eq 0.5e2147483647", "x lt 1e99999999999999999999"})
    void refusesNumbersTooLargeToCompareWithoutExpandingThem(String filter) {
        ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(filter));
        assertEquals(ScimErrorType.INVALID_FILTER, e.type());
        assertTrue(e.detail().contains("is out of range") && e.detail().matches(".* at position \\d+"), e.detail());
    }

    @Test
    void refusesNumbersOfMoreThanAHundredDigitsAndKeepsTheTextOfOthers() {
        assertThrows(ScimException.class, () -> FilterParser.parse("x eq 1" + "0".repeat(100)));
        Comparison hundred = (Comparison) FilterParser.parse("x eq 1" + "0".repeat(99));
        assertEquals("1" + "0".repeat(99), ((NumberLiteral) hundred.value()).text());
        Comparison written = (Comparison) FilterParser.parse("x eq 1.50e3");
        assertEquals("1.50e3", ((NumberLiteral) written.value()).text(), "the number as written, for text attributes");
        assertEquals(0, new BigDecimal("1500").compareTo(((NumberLiteral) written.value()).value()));
    }

    @Test
    void comparesNumberLiteralsNumerically() {
        assertEquals(num("1"), num("1.000"));
        assertEquals(num("1").hashCode(), num("1.000").hashCode());
        assertFalse(num("1").equals(num("1.0001")));
    }

    // ---- rejected filters --------------------------------------------------------------------

    /** (filter, 0-based position of the error, what the detail says before " at position"). */
    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", 0, "The filter is empty"),
                arguments("   ", 0, "The filter is empty"),
                arguments("userName", 8, "Expected an operator"),
                arguments("userName xx \"bjensen\"", 9, "Expected an operator"),
                arguments("userName == \"bjensen\"", 9, "Expected an operator"),
                arguments("userName eqx \"bjensen\"", 9, "Expected an operator"),
                arguments("usérName eq \"x\"", 2, "Expected an operator"),
                arguments("userName eq", 11, "Expected a value"),
                arguments("meta.lastModified gt   ", 23, "Expected a value"),
                arguments("userName eq )", 12, "Expected a value"),
                arguments("userName eq and title pr", 12, "Expected a value"),
                arguments("userName eq 'bjensen'", 12, "Expected a value"),
                arguments("userName eq \"bjensen", 12, "Unterminated string starting"),
                arguments("userName eq \"bjensen\\\"", 12, "Unterminated string starting"),
                arguments("userName eq \"\\q\"", 13, "Invalid escape sequence"),
                arguments("userName eq \"\\u12\"", 13, "Invalid \\u escape sequence"),
                arguments("userName eq \"\\u12G4\"", 13, "Invalid \\u escape sequence"),
                arguments("userName eq 1e99999999999", 12, "The number 1e99999999999 is out of range (numbers may have at "
                        + "most 100 digits and an exponent from -1000 to 1000)"),
                arguments("userName eq \"a\" and", 19, "Expected an attribute name, '(' or 'not'"),
                arguments("userName eq \"a\" or", 18, "Expected an attribute name, '(' or 'not'"),
                arguments("and userName eq \"a\"", 0, "Expected an attribute name, '(' or 'not'"),
                arguments("userName eq \"a\" and or title pr", 20, "Expected an attribute name, '(' or 'not'"),
                arguments("1abc eq \"x\"", 0, "Expected an attribute name, '(' or 'not'"),
                arguments("\"userName\" eq \"x\"", 0, "Expected an attribute name, '(' or 'not'"),
                arguments("[type eq \"work\"]", 0, "Expected an attribute name, '(' or 'not'"),
                arguments("(", 1, "Expected an attribute name, '(' or 'not'"),
                arguments("()", 1, "Expected an attribute name, '(' or 'not'"),
                arguments("not ()", 5, "Expected an attribute name, '(' or 'not'"),
                arguments("userName eq \"a\" and (title pr or)", 32, "Expected an attribute name, '(' or 'not'"),
                arguments("emails[]", 7, "Expected an attribute name, '(' or 'not'"),
                arguments("emails[type eq \"work\" and ]", 26, "Expected an attribute name, '(' or 'not'"),
                arguments("not", 3, "Expected '(' after 'not'"),
                arguments("not userName eq \"a\"", 4, "Expected '(' after 'not'"),
                arguments("title pr and not title pr", 17, "Expected '(' after 'not'"),
                arguments("(userName eq \"a\"", 16, "Expected 'and', 'or' or ')'"),
                arguments("((title pr) or a pr", 19, "Expected 'and', 'or' or ')'"),
                arguments("(title pr]", 9, "Unexpected ']'"),
                arguments("userName eq \"a\")", 15, "Unexpected ')'"),
                arguments("userName eq \"a\" ]", 16, "Unexpected ']'"),
                arguments("userName eq \"a\" title pr", 16, "Expected 'and', 'or' or the end of the filter"),
                arguments("title pr pr", 9, "Expected 'and', 'or' or the end of the filter"),
                arguments("userName eq \"a\" \"b\"", 16, "Expected 'and', 'or' or the end of the filter"),
                arguments("emails[type eq \"work\"", 21, "Expected 'and', 'or' or ']'"),
                arguments("emails[type eq \"work\")", 21, "Unexpected ')'"),
                arguments("emails[type eq \"work\"]]", 22, "Unexpected ']'"),
                arguments("emails[type[value eq \"x\"] eq \"y\"]", 11, "Value filters cannot be nested"),
                arguments("name.givenName[value eq \"x\"]", 14, "A value filter cannot follow a sub-attribute"),
                arguments("emails[type eq \"work\"].", 23, "Expected a sub-attribute name"),
                arguments("emails[type eq \"work\"].value", 28, "Expected an operator"),
                arguments("emails[type eq \"work\"].value.display eq \"x\"", 28, "Expected an operator"),
                arguments("name..givenName eq \"x\"", 5, "Expected a sub-attribute name"),
                arguments("name. eq \"x\"", 5, "Expected a sub-attribute name"),
                arguments("name.givenName.x eq \"y\"", 14, "Expected the end of the attribute path"),
                arguments("foo:bar eq \"x\"", 0, "Expected an attribute name or a schema URN starting with 'urn:'"),
                arguments("urn::userName eq \"x\"", 4, "Expected a URN segment"),
                arguments("urn:ietf:params:scim:schemas:core:2.0:User: eq \"x\"", 43, "Expected an attribute name"),
                arguments("active gt true", 7, "The operator 'gt' cannot compare with true"),
                arguments("active co false", 7, "The operator 'co' cannot compare with false"),
                arguments("title lt null", 6, "The operator 'lt' cannot compare with null"));
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @MethodSource("malformed")
    void rejectsMalformedFiltersNamingWhatAndWhere(String filter, int position, String what) {
        ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(filter));
        assertEquals(400, e.status());
        assertEquals(ScimErrorType.INVALID_FILTER, e.type());
        assertEquals(what + " at position " + position, e.detail());
    }

    @Test
    void rejectsNullAsAnEmptyFilter() {
        ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(null));
        assertEquals("The filter is empty at position 0", e.detail());
    }

    // ---- limits --------------------------------------------------------------------------------

    @Test
    void acceptsAFilterOfExactlyTheMaximumLength() {
        String value = "a".repeat(FilterParser.MAX_LENGTH - "x eq \"\"".length());
        assertEquals(eq("x", value), FilterParser.parse("x eq \"" + value + "\""));
    }

    @Test
    void rejectsAFilterLongerThanTheMaximumLength() {
        String value = "a".repeat(FilterParser.MAX_LENGTH - "x eq \"\"".length() + 1);
        ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse("x eq \"" + value + "\""));
        assertEquals(ScimErrorType.INVALID_FILTER, e.type());
        assertEquals("The filter is longer than 4096 characters at position 4096", e.detail());
    }

    @Test
    void acceptsThirtyTwoLevelsOfParenthesesAndRejectsThirtyThree() {
        Filter expected = pr("title");
        assertEquals(expected, FilterParser.parse("(".repeat(32) + "title pr" + ")".repeat(32)));
        ScimException e = assertThrows(ScimException.class,
                () -> FilterParser.parse("(".repeat(33) + "title pr" + ")".repeat(33)));
        assertEquals("The filter is nested deeper than 32 levels at position 32", e.detail());
    }

    @Test
    void countsNotAsANestingLevel() {
        Filter expected = pr("title");
        for (int i = 0; i < 32; i++) {
            expected = not(expected);
        }
        assertEquals(expected, FilterParser.parse("not (".repeat(32) + "title pr" + ")".repeat(32)));
        ScimException e = assertThrows(ScimException.class,
                () -> FilterParser.parse("not (".repeat(33) + "title pr" + ")".repeat(33)));
        assertEquals("The filter is nested deeper than 32 levels at position 160", e.detail());
    }

    @Test
    void countsValueFilterBracketsAsANestingLevel() {
        String inner = "emails[type eq \"work\"]";
        assertEquals(valuePath("emails", eq("type", "work")), FilterParser.parse("(".repeat(31) + inner + ")".repeat(31)));
        ScimException e = assertThrows(ScimException.class,
                () -> FilterParser.parse("(".repeat(32) + inner + ")".repeat(32)));
        assertEquals("The filter is nested deeper than 32 levels at position 38", e.detail());
    }

    @Test
    void parsesLongAndChainsWithoutDeepRecursion() {
        int terms = 400;
        String filter = String.join(" and ", java.util.Collections.nCopies(terms, "a pr"));
        Filter parsed = FilterParser.parse(filter);
        int depth = 0;
        while (parsed instanceof And and) {
            assertEquals(pr("a"), and.right());
            parsed = and.left();
            depth++;
        }
        assertEquals(terms - 1, depth);
    }

    // ---- visitor and value filters -------------------------------------------------------------

    @Test
    void dispatchesEveryNodeTypeToASecondVisitor() {
        Filter filter = FilterParser.parse(
                "userName eq \"a\" or not (title pr) and emails[type eq \"work\" and value co \"@x\"]");
        List<String> visited = new ArrayList<>();
        filter.accept(new FilterVisitor<Void>() {
            @Override
            public Void visitComparison(Comparison comparison) {
                visited.add("cmp " + comparison.path());
                return null;
            }

            @Override
            public Void visitPresent(Present present) {
                visited.add("pr " + present.path());
                return null;
            }

            @Override
            public Void visitAnd(And and) {
                visited.add("and");
                and.left().accept(this);
                and.right().accept(this);
                return null;
            }

            @Override
            public Void visitOr(Or or) {
                visited.add("or");
                or.left().accept(this);
                or.right().accept(this);
                return null;
            }

            @Override
            public Void visitNot(Not not) {
                visited.add("not");
                not.filter().accept(this);
                return null;
            }

            @Override
            public Void visitValuePath(ValuePath valuePath) {
                visited.add("valuePath " + valuePath.attribute());
                valuePath.filter().accept(this);
                return null;
            }
        });
        assertEquals(List.of("or", "cmp userName", "and", "not", "pr title", "valuePath emails", "and", "cmp type", "cmp value"),
                visited);
    }

    @Test
    void parsesAPatchPathValueFilterInPlaceReportingPositionsInTheWholeText() {
        String path = "members[value eq \"2819c223\"]";
        assertEquals(eq("value", "2819c223"), FilterParser.parseValueFilter(path, 8, path.length() - 1));
        ScimException e = assertThrows(ScimException.class,
                () -> FilterParser.parseValueFilter("members[value ex \"1\"]", 8, 20));
        assertEquals("Expected an operator at position 14", e.detail());
    }

    @Test
    void keepsExceptionClassNamesOutOfEveryDetail() {
        malformed().forEach(row -> {
            ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse((String) row.get()[0]));
            assertFalse(e.detail().contains("Exception"), e.detail());
            assertTrue(e.detail().matches(".* at position \\d+"), e.detail());
        });
    }

    // ---- builders ------------------------------------------------------------------------------

    static AttributePath path(String name) {
        return AttributePath.of(name);
    }

    static AttributePath path(String name, String subAttribute) {
        return AttributePath.of(name, subAttribute);
    }

    static Literal str(String value) {
        return new StringLiteral(value);
    }

    static Literal num(String value) {
        return new NumberLiteral(new BigDecimal(value));
    }

    static Literal bool(boolean value) {
        return new BooleanLiteral(value);
    }

    static Filter cmp(AttributePath path, Operator operator, Literal value) {
        return new Comparison(path, operator, value);
    }

    static Filter eq(String name, String value) {
        return cmp(path(name), Operator.EQ, str(value));
    }

    static Filter pr(String name) {
        return new Present(path(name));
    }

    static Filter and(Filter left, Filter right) {
        return new And(left, right);
    }

    static Filter or(Filter left, Filter right) {
        return new Or(left, right);
    }

    static Filter not(Filter filter) {
        return new Not(filter);
    }

    static Filter valuePath(String attribute, Filter filter) {
        return new ValuePath(path(attribute), filter);
    }
}
