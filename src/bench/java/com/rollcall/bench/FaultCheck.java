package com.rollcall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads FaultLoad's lines for one event, checks the database, prints the event's row and appends it (markdown) and
 * its verdict to RESULTS. KIND is "gate" (instance start, graceful stop: every answer 2xx or 503 + Retry-After) or
 * "outage" (answers to requests started between FROM and TO, epoch ms: 2xx or 503 + Retry-After, each within 2 s).
 * Every event: no acknowledged write lost, no row left by a request the service answered with an error.
 * Usage: FaultCheck EVENT KIND LINES_FILE PREFIX JDBC_URL USER PASSWORD FROM TO RESULTS
 */
public final class FaultCheck {
    private record Line(long start, String op, String userName, int status, long millis, boolean retryAfter,
            String kind, String value) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean retryLater() {
            return status == 503 && retryAfter;
        }
    }

    public static void main(String[] args) throws IOException, SQLException {
        String event = args[0];
        String kind = args[1];
        List<Line> lines = new ArrayList<>();
        for (String row : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
            String[] f = row.split("\t");
            lines.add(new Line(Long.parseLong(f[0]), f[1], f[2], Integer.parseInt(f[3]), Long.parseLong(f[4]),
                    "1".equals(f[5]), f[6], f[8]));
        }
        String prefix = args[3];
        long from = Long.parseLong(args[7]);
        long to = Long.parseLong(args[8]);
        Path results = Path.of(args[9]);

        Map<String, Integer> rows = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        boolean seatsMatch;
        try (Connection c = DriverManager.getConnection(args[4], args[5], args[6])) {
            try (PreparedStatement s = c.prepareStatement("SELECT u.user_name, u.title FROM user_account u "
                    + "JOIN enterprise e ON e.id = u.enterprise_id WHERE e.name = 'Demo Enterprise' AND u.user_name LIKE ?")) {
                s.setString(1, prefix + "-%");
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.merge(r.getString(1), 1, Integer::sum);
                        titles.put(r.getString(1), r.getString(2));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT l.seats_used, (SELECT COUNT(*) FROM user_account u "
                    + "WHERE u.enterprise_id = e.id AND u.active = TRUE AND u.deleted_at IS NULL) FROM license_counter l "
                    + "JOIN enterprise e ON e.id = l.enterprise_id WHERE e.name = 'Demo Enterprise'");
                    ResultSet r = s.executeQuery()) {
                seatsMatch = r.next() && r.getLong(1) == r.getLong(2);
            }
        }

        Map<String, Integer> byStatus = new TreeMap<>();
        long longest = 0;
        long longestInWindow = 0;
        int offTarget = 0;
        Map<String, Line> acknowledgedCreate = new HashMap<>();
        Map<String, Line> lastAckedPatch = new HashMap<>();
        Map<String, List<Line>> patches = new HashMap<>();
        Map<String, Line> createAttempt = new HashMap<>();
        for (Line l : lines) {
            longest = Math.max(longest, l.millis());
            boolean inWindow = l.start() >= from && l.start() <= to;
            if (!l.ok()) {
                String key = l.status() < 0 ? "no answer" : l.status() + (l.status() == 503
                        ? (l.retryAfter() ? " +Retry-After" : " without Retry-After") : "") + " " + l.kind();
                byStatus.merge(key, 1, Integer::sum);
            }
            if ("gate".equals(kind) && !l.ok() && !l.retryLater()) {
                offTarget++;
            }
            if ("outage".equals(kind) && inWindow) {
                longestInWindow = Math.max(longestInWindow, l.millis());
                if ((!l.ok() && !l.retryLater()) || l.millis() > 2000) {
                    offTarget++;
                }
            }
            if ("create".equals(l.op())) {
                createAttempt.put(l.userName(), l);
                if (l.status() == 201) {
                    acknowledgedCreate.put(l.userName(), l);
                }
            } else {
                patches.computeIfAbsent(l.userName(), k -> new ArrayList<>()).add(l);
                if (l.ok()) {
                    lastAckedPatch.put(l.userName(), l);
                }
            }
        }
        int lost = 0;
        for (String userName : acknowledgedCreate.keySet()) {
            if (rows.getOrDefault(userName, 0) != 1) {
                lost++;
            }
        }
        for (Map.Entry<String, Line> acked : lastAckedPatch.entrySet()) {
            String title = titles.get(acked.getKey());
            boolean explained = acked.getValue().value().equals(title) || patches.get(acked.getKey()).stream()
                    .anyMatch(p -> p.start() > acked.getValue().start() && !p.ok() && p.value().equals(title));
            if (!explained) {
                lost++;
            }
        }
        int refusedButWritten = 0;
        int unanswered = 0;
        for (String userName : rows.keySet()) {
            if (acknowledgedCreate.containsKey(userName)) {
                continue;
            }
            Line attempt = createAttempt.get(userName);
            if (attempt == null || attempt.status() < 0 || attempt.status() == 502 || attempt.status() == 504) {
                unanswered++;
            } else {
                refusedButWritten++;
            }
        }
        StringBuilder statuses = new StringBuilder();
        byStatus.forEach((k, v) -> statuses.append(statuses.length() == 0 ? "" : ", ").append(v).append(" × ").append(k));
        boolean passed = lost == 0 && refusedButWritten == 0 && offTarget == 0 && seatsMatch;
        String longestText = "outage".equals(kind)
                ? longest + " ms (" + longestInWindow + " ms in the outage)" : longest + " ms";
        String row = "| " + event + " | " + lines.size() + " | " + (statuses.length() == 0 ? "none" : statuses) + " | "
                + longestText + " | " + lost + " | " + (refusedButWritten + unanswered) + " (" + refusedButWritten
                + " answered with an error, " + unanswered + " unanswered/502/504)" + (seatsMatch ? "" : ", seats_used off")
                + " | " + (passed ? "PASS" : "FAIL: " + reason(lost, refusedButWritten, offTarget, seatsMatch, kind)) + " |";
        System.out.println(row);
        Files.writeString(results, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String reason(int lost, int refusedButWritten, int offTarget, boolean seatsMatch, String kind) {
        List<String> why = new ArrayList<>();
        if (lost > 0) {
            why.add(lost + " acknowledged writes lost");
        }
        if (refusedButWritten > 0) {
            why.add(refusedButWritten + " rows from refused requests");
        }
        if (offTarget > 0) {
            why.add(offTarget + ("outage".equals(kind) ? " answers slower than 2 s or not 503 + Retry-After"
                    : " answers neither 2xx nor 503 + Retry-After"));
        }
        if (!seatsMatch) {
            why.add("seats_used differs from the active users");
        }
        return String.join("; ", why);
    }
}
