package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit page's filters offer every action and resource type the code records in an enterprise's log: read from
 * the calls that record them ({@code audit.record(actor, "ACTION", "Type", ...)}, {@code audited(actor, "ACTION", ...)}).
 */
class AuditActionsTest {
    /** Recorded without an enterprise (the operator's own tokens): never in an enterprise's log, so not offered. */
    private static final Set<String> NOT_IN_AN_ENTERPRISE = Set.of("OPERATOR_TOKEN_CREATED", "OPERATOR_TOKEN_REVOKED",
            "OperatorToken");

    private static final Pattern CALL = Pattern.compile("(?:audit\\.record|audited)\\(([^;]*?)\\);", Pattern.DOTALL);
    private static final Pattern CONSTANT = Pattern.compile("\"([A-Z][A-Z_]+[A-Z])\"");
    private static final Pattern TYPE = Pattern.compile("\"[A-Z_]+\"\\s*,\\s*\"([A-Z][A-Za-z]+)\"");

    @Test
    void everyRecordedActionAndResourceTypeCanBeFilteredOn() throws IOException {
        Set<String> actions = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/rollcall"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(file));
                while (call.find()) {
                    String arguments = call.group(1);
                    Matcher constant = CONSTANT.matcher(arguments);
                    while (constant.find()) {
                        actions.add(constant.group(1));
                    }
                    Matcher type = TYPE.matcher(arguments);
                    if (type.find()) {
                        types.add(type.group(1));
                    }
                }
            }
        }
        assertTrue(actions.size() > 30, "the scan finds the recorded actions: " + actions);
        actions.removeAll(NOT_IN_AN_ENTERPRISE);
        types.removeAll(NOT_IN_AN_ENTERPRISE);
        assertEquals(actions, new TreeSet<>(AuditBacking.ACTIONS));
        assertEquals(types, new TreeSet<>(AuditBacking.RESOURCE_TYPES));
        assertEquals(List.copyOf(new TreeSet<>(AuditBacking.ACTIONS)), AuditBacking.ACTIONS.stream().sorted().toList(),
                "offered in alphabetical order");
    }
}
