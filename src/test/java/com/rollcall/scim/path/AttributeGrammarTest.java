package com.rollcall.scim.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attribute-name grammar on its own; the three parsers' tests pin the errors built on it. */
class AttributeGrammarTest {

    /** (text, from, where the name ends; from itself when no name starts there). */
    @ParameterizedTest(name = "[{1}] {0}")
    @CsvSource(delimiter = '|', value = {
            "userName             | 0 | 8",
            "name.givenName       | 0 | 4",
            "name.givenName       | 5 | 14",
            "$ref                 | 0 | 4",
            "x509Certificates     | 0 | 16",
            "user_name-2 eq       | 0 | 11",
            "a$b                  | 0 | 1",
            "1abc                 | 0 | 0",
            "_name                | 0 | 0",
            "-name                | 0 | 0",
            ".value               | 0 | 0",
            "emails[type eq \"w\"] | 0 | 6",
            "value                | 5 | 5"})
    void scansAttributeNames(String text, int from, int expectedEnd) {
        assertEquals(expectedEnd, AttributeGrammar.nameEnd(text, from, text.length()));
    }

    /** (text, where the run of path characters from 0 ends). */
    @ParameterizedTest(name = "[{1}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName eq | 57",
            "members.$ref                                                  | 12",
            "emails[type eq \"work\"]                                      | 6",
            "members(value)                                                | 7",
            "' userName'                                                   | 0",
            "''                                                            | 0"})
    void scansAttributePaths(String text, int expectedEnd) {
        assertEquals(expectedEnd, AttributeGrammar.pathEnd(text, 0, text.length()));
    }

    /** (URN, where it breaks the grammar, -1 when it does not). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "urn:ietf:params:scim:schemas:core:2.0:User                   | -1",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER   | -1",
            "urn:example:custom-1_0:Badge                                 | -1",
            "foo:bar                                                      | 0",
            "urn                                                          | 0",
            "urx:ietf                                                     | 0",
            "urn:                                                         | 4",
            "urn:ietf::params                                             | 9",
            "urn:ietf:                                                    | 9",
            "urn:ietf:par ams                                             | 12",
            "urn:ietf:$ref                                                | 9"})
    void findsWhereASchemaUrnBreaksTheGrammar(String urn, int expectedFault) {
        assertEquals(expectedFault, AttributeGrammar.urnFault(urn, 0, urn.length()));
    }
}
