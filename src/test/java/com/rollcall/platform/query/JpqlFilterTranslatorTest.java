package com.rollcall.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rollcall.scim.filter.FilterParser;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Filter text -> the one JPQL condition and its parameters (values are never in the JPQL text). */
class JpqlFilterTranslatorTest {
    private static final FilterMapping MAPPING = new FilterMapping("urn:core:User",
            Map.of("username", Field.keyed("u.userName", "u.userNameKey"),
                    "externalid", Field.exactKeyed("u.externalId", "u.externalIdKey"),
                    "title", Field.text("u.title"),
                    "active", Field.bool("u.active"),
                    "meta.created", Field.dateTime("u.createdAt"),
                    "urn:ext:user:employeenumber", Field.keyedTrimmed("u.employeeNumber", "u.employeeNumberKey")),
            Map.of("emails", new FilterMapping.MultiValued("u.id IN (SELECT x.id FROM X x JOIN x.values v WHERE (%s))",
                    Map.of("value", Field.keyed("v.value", "v.valueKey"), "type", Field.text("v.type"),
                            "primary", Field.bool("v.primary")), "value")));

    private static JpqlQuery translate(String filter) {
        return JpqlFilterTranslator.translate(FilterParser.parse(filter), MAPPING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "userName eq \"Ann@X.com\"                | (u.userNameKey IS NOT NULL AND u.userNameKey = :f1)                 | ann@x.com",
            "externalId eq \"AbC\"                    | (u.externalIdKey IS NOT NULL AND u.externalIdKey = :f1)             | AbC",
            "urn:ext:user:employeeNumber eq \" E1 \"  | (u.employeeNumberKey IS NOT NULL AND u.employeeNumberKey = :f1)     | e1",
            "title eq \"Boss\"                        | (u.title IS NOT NULL AND LOWER(u.title) = :f1)                      | boss",
            "title ne \"Boss\"                        | (u.title IS NOT NULL AND LOWER(u.title) <> :f1)                     | boss",
            "title co \"a%b_c!\"                      | (u.title IS NOT NULL AND LOWER(u.title) LIKE :f1 ESCAPE '!')        | %a!%b!_c!!%",
            "title sw \"Eng\"                         | (u.title IS NOT NULL AND LOWER(u.title) LIKE :f1 ESCAPE '!')        | eng%",
            "title ew \"eer\"                         | (u.title IS NOT NULL AND LOWER(u.title) LIKE :f1 ESCAPE '!')        | %eer",
            "userName gt \"M\"                        | (u.userName IS NOT NULL AND LOWER(u.userName) > :f1)                | m",
            "userName co \"Ann\"                      | (u.userName IS NOT NULL AND LOWER(u.userName) LIKE :f1 ESCAPE '!')  | %ann%",
            "externalId sw \"Ab\"                     | (u.externalId IS NOT NULL AND u.externalId LIKE :f1 ESCAPE '!')     | Ab%",
            "title eq 42                              | (u.title IS NOT NULL AND LOWER(u.title) = :f1)                      | 42",
            "title eq 1e3                             | (u.title IS NOT NULL AND LOWER(u.title) = :f1)                      | 1e3",
            "externalId eq 1.50                       | (u.externalIdKey IS NOT NULL AND u.externalIdKey = :f1)             | 1.50"})
    void comparisonsBindTheirValues(String filter, String condition, String parameter) {
        JpqlQuery query = translate(filter);
        assertEquals(condition, query.condition());
        assertEquals(Map.of("f1", parameter), query.parameters());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "title pr                                    | (u.title IS NOT NULL AND u.title <> '')",
            "title eq null                               | u.title IS NULL",
            "title ne null                               | u.title IS NOT NULL",
            "active pr                                   | u.active IS NOT NULL",
            "not (title pr)                              | (NOT (u.title IS NOT NULL AND u.title <> ''))",
            "title pr and active pr or title eq null     | (((u.title IS NOT NULL AND u.title <> '') AND u.active IS NOT NULL) OR u.title IS NULL)",
            "emails pr                                   | u.id IN (SELECT x.id FROM X x JOIN x.values v WHERE ((v.value IS NOT NULL AND v.value <> '')))"})
    void structureWithoutValues(String filter, String condition) {
        assertEquals(condition, translate(filter).condition());
    }

    @org.junit.jupiter.api.Test
    void booleansAcceptEntraStrings() {
        assertEquals(Map.of("f1", false), translate("active eq \"False\"").parameters());
        assertEquals("u.active = :f1", translate("active eq true").condition());
    }

    @org.junit.jupiter.api.Test
    void dateTimesBindInstants() {
        JpqlQuery query = translate("meta.created ge \"2026-01-02T03:04:05+01:00\"");
        assertEquals("(u.createdAt IS NOT NULL AND u.createdAt >= :f1)", query.condition());
        assertEquals(Instant.parse("2026-01-02T02:04:05Z"), query.parameters().get("f1"));
    }

    @org.junit.jupiter.api.Test
    void valuePathConditionsHoldForOneElementInOneSubquery() {
        JpqlQuery query = translate("emails[type eq \"work\" and primary eq true].value eq \"A@x\"");
        assertEquals("u.id IN (SELECT x.id FROM X x JOIN x.values v WHERE ((((v.type IS NOT NULL AND LOWER(v.type) = :f1) "
                + "AND v.primary = :f2) AND (v.valueKey IS NOT NULL AND v.valueKey = :f3))))", query.condition());
        assertEquals(Map.of("f1", "work", "f2", true, "f3", "a@x"), query.parameters());
    }

    @org.junit.jupiter.api.Test
    void subAttributeOfAMultiValuedAttributeUsesItsSubquery() {
        assertEquals("u.id IN (SELECT x.id FROM X x JOIN x.values v WHERE ((v.type IS NOT NULL AND LOWER(v.type) = :f1)))",
                translate("emails.type eq \"work\"").condition());
        assertEquals("u.id IN (SELECT x.id FROM X x JOIN x.values v WHERE ((v.valueKey IS NOT NULL AND v.valueKey = :f1)))",
                translate("emails eq \"a@x\"").condition(), "no sub-attribute: compares value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password eq \"x\"", "unknown pr", "emails.nope eq \"x\"", "emails[nope eq \"x\"]",
            "title[value eq \"x\"]", "active gt true", "active eq \"maybe\"", "meta.created gt \"yesterday\"",
            "meta.created co \"2026\"", "title gt null", "title eq true", "urn:other:thing:title eq \"x\""})
    void whatTheMappingCannotAnswerIsInvalidFilter(String filter) {
        ScimException e = assertThrows(ScimException.class, () -> translate(filter));
        assertEquals(ScimErrorType.INVALID_FILTER, e.type());
    }
}
