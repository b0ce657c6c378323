package com.rollcall.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void countsAgreeWithTheirNouns() {
        assertEquals("1 member", Plural.count(1, "member"));
        assertEquals("0 members", Plural.count(0, "member"));
        assertEquals("1,204 members", Plural.count(1204, "member"));
        assertEquals("1 identifier is", Plural.countIs(1, "identifier"));
        assertEquals("2 identifiers are", Plural.countIs(2, "identifier"));
        assertEquals("1 user has", Plural.countHas(1, "user"));
        assertEquals("3 users have", Plural.countHas(3, "user"));
        assertEquals("2 people", Plural.count(2, "person", "people"));
    }

    @Test
    void nounsOfFieldLabels() {
        assertEquals("Names", Plural.noun("Name"));
        assertEquals("User names", Plural.noun("User name"));
        assertEquals("Employee IDs", Plural.noun("Employee ID"));
        assertEquals("Emails", Plural.noun("Email"));
        assertEquals("Sub-account policies", Plural.noun("Sub-account policy"));
        assertEquals("Days", Plural.noun("Day"));
        assertEquals("Addresses", Plural.noun("Address"));
    }
}
