package com.rollcall.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The open items the readiness page and the settings dialog both count (issue 16: they disagreed, 3 against 2). */
class ReadinessReportTest {
    private static <T> ReadinessReport.Section<T> section(long count) {
        return new ReadinessReport.Section<>(count, List.of(), "advice");
    }

    @Test
    void everyWarningSectionIsOneOpenItemInItsOwnWords() {
        ReadinessReport report = new ReadinessReport("EMAIL", section(1), section(1), section(0),
                new ReadinessReport.Licenses(10, 3, 3), section(1));
        assertEquals(List.of("1 manual user cannot be matched by your identity provider.",
                "1 email is shared by several users.", "1 group has no mapping: its members get no role from it."),
                report.openItems());
        assertTrue(!report.ready(), "unmatched users block");

        ReadinessReport many = new ReadinessReport("EMPLOYEE_ID", section(0), section(2), section(3),
                new ReadinessReport.Licenses(2, 3, 3), section(4));
        assertEquals(List.of("2 emails are shared by several users.", "3 employee IDs are shared by several users.",
                "More users are active than the license limit allows.",
                "4 groups have no mapping: their members get no role from them."), many.openItems());
    }

    @Test
    void unmappedGroupsAreAnItemButDoNotBlock() {
        ReadinessReport report = new ReadinessReport("EMAIL", section(0), section(0), section(0),
                new ReadinessReport.Licenses(10, 3, 3), section(2));
        assertEquals(1, report.openItems().size());
        assertTrue(report.ready());
    }
}
