package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.activity.ActivityBucket;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ActivityChartTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void stacksOneRectPerNonZeroKindScaledToTheLargestBucket() {
        String svg = ActivityChart.svg("c", "Last 2 hours", List.of(
                new ActivityBucket(T0, 2, 1, 0, 1), new ActivityBucket(T0.plusSeconds(3600), 0, 0, 0, 0)), 1, "HH:mm");
        assertEquals(3, count(svg, "<rect class="), "creates, updates, refusals; nothing for zeros");
        assertTrue(svg.contains("<title id=\"c-title\">Last 2 hours: 4 events</title>"));
        assertTrue(svg.contains("00:00 UTC — 2 creates, 1 updates, 0 deactivations, 1 refusals"));
        Matcher heights = Pattern.compile("class=\"(\\w+)\"[^>]*height=\"([0-9.]+)\"").matcher(svg);
        double sum = 0;
        while (heights.find()) {
            sum += Double.parseDouble(heights.group(2));
        }
        assertEquals(150.0, sum, 0.01, "the largest bucket fills the plot height");
    }

    @Test
    void escapesTheTitle() {
        assertTrue(ActivityChart.svg("c", "<b>&", List.of(), 1, "HH").contains("&lt;b&gt;&amp;"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
