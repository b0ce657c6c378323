package com.rollcall.console;

import com.rollcall.activity.ActivityBucket;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A small server-rendered SVG stacked bar chart of provisioning activity (creates, updates, deactivations,
 * refusals per bucket): no script, a text alternative in its title, a tooltip per bar.
 */
public final class ActivityChart {
    static final String[] COLORS = {"#2457c5", "#8fb0ff", "#d4a017", "#b42318"};
    static final String[] NAMES = {"creates", "updates", "deactivations", "refusals"};
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 180;
    private static final int LEFT = 34;
    private static final int BOTTOM = 22;
    private static final int TOP = 8;

    private ActivityChart() {
    }

    /**
     * The SVG for a series. {@code labelEvery}: a time label under every n-th bar; {@code labelPattern}: its
     * format (UTC).
     */
    public static String svg(String id, String title, List<ActivityBucket> series, int labelEvery, String labelPattern) {
        DateTimeFormatter label = DateTimeFormatter.ofPattern(labelPattern, Locale.ROOT).withZone(ZoneOffset.UTC);
        long max = Math.max(1, series.stream().mapToLong(ActivityBucket::total).max().orElse(0));
        long total = series.stream().mapToLong(ActivityBucket::total).sum();
        int plotWidth = WIDTH - LEFT - 4;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (double) plotWidth / Math.max(1, series.size());
        double barWidth = Math.max(1, slot * 0.72);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append("-title\"><title id=\"").append(id).append("-title\">").append(escape(title)).append(": ")
                .append(total).append(" events</title>");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + plotHeight).append("\" x2=\"")
                .append(WIDTH - 4).append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"#c5ccd9\"/>");
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 10)
                .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6478\">").append(max).append("</text>");
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + plotHeight)
                .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6478\">0</text>");
        for (int i = 0; i < series.size(); i++) {
            ActivityBucket b = series.get(i);
            long[] values = {b.creates(), b.updates(), b.deactivations(), b.refusals()};
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double y = TOP + plotHeight;
            svg.append("<g class=\"bar\"><title>").append(label.format(b.start())).append(" UTC — ");
            for (int k = 0; k < values.length; k++) {
                svg.append(k == 0 ? "" : ", ").append(values[k]).append(' ').append(NAMES[k]);
            }
            svg.append("</title>");
            for (int k = 0; k < values.length; k++) {
                if (values[k] == 0) {
                    continue;
                }
                double h = (double) values[k] / max * plotHeight;
                y -= h;
                svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        NAMES[k], x, y, barWidth, h, COLORS[k]));
            }
            if (b.total() == 0) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"transparent\"/>",
                        x, TOP, barWidth, plotHeight));
            }
            svg.append("</g>");
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6478\">%s</text>",
                        x + barWidth / 2, HEIGHT - 6, label.format(b.start())));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
