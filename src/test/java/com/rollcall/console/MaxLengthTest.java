package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaxLengthTest {
    @Test
    void theLimitInPlainWordsNamedAfterTheField() {
        assertEquals("Names can be at most 200 characters.", MaxLength.message("Name", 200));
        assertEquals("Given names can be at most 200 characters.", MaxLength.message("Given name", 200));
        assertEquals("Employee IDs can be at most 200 characters.", MaxLength.message("Employee ID", 200));
        assertEquals("Emails can be at most 1,000 characters.", MaxLength.message("Email", 1000));
    }
}
