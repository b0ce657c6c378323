package com.rollcall.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a server's /metrics (Prometheus text format). */
public final class Metrics {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)\\} ([-+0-9.eE]+|NaN)$");

    private Metrics() {
    }

    /** The whole text of {@code /metrics} of the server at this base URL. */
    public static String scrape(String baseUrl) {
        ScimClient metrics = new ScimClient(baseUrl, null);
        ScimClient.Response response = metrics.send(metrics.request("metrics").header("Accept", "text/plain").GET());
        if (response.status() != 200) {
            throw new AssertionError("/metrics answered " + response);
        }
        return response.text();
    }

    /** The value of the sample of this family whose labels include these name/value pairs (values may hold braces). */
    public static Optional<Double> value(String text, String family, String... labels) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (!m.matches() || !m.group(1).equals(family)) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= m.group(2).contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                return Optional.of(Double.parseDouble(m.group(3)));
            }
        }
        return Optional.empty();
    }
}
