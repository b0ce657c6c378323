package com.rollcall.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a spreadsheet would run as a formula is written as text (OWASP CSV injection), and quoting still holds. */
class CsvExportWriterTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://evil.test\",\"x\")|'=HYPERLINK(\"http://evil.test\",\"x\")",
            "+1 555 0100|'+1 555 0100",
            "-2+3|'-2+3",
            "@SUM(A1:A2)|'@SUM(A1:A2)",
            "Ann Lee|Ann Lee",
            "ann=lee|ann=lee",
            "a-b|a-b",
            "''|''",
    })
    void formulaCellsGetALeadingQuote(String value, String expected) {
        assertEquals(expected, CsvExportWriter.neutralised(value));
    }

    @org.junit.jupiter.api.Test
    void aLeadingTabOrCarriageReturnCountsToo() {
        assertEquals("'\t=1+1", CsvExportWriter.neutralised("\t=1+1"));
        assertEquals("'\r=1+1", CsvExportWriter.neutralised("\r=1+1"));
    }

    @org.junit.jupiter.api.Test
    void theEmptyFieldStaysEmpty() {
        assertEquals("", CsvExportWriter.neutralised(""));
    }

    @org.junit.jupiter.api.Test
    void aNeutralisedFieldIsStillQuotedWhenItHoldsACommaOrAQuote() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvExportWriter csv = new CsvExportWriter(bytes);
        csv.beginSection(ExportKind.ROLES);
        Map<String, Object> role = new HashMap<>();
        role.put("id", "1");
        role.put("name", "=cmd|' /C calc'!A0, \"x\"");
        role.put("permissions", List.of("-A", "B"));
        csv.record(role);
        csv.end();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals("1,,\"'=cmd|' /C calc'!A0, \"\"x\"\"\",,,,,,'-A;B", lines[1]);
    }
}
