package com.rollcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: the SQL (and JPQL) naming a table lives in its owner's repository, and in the entity that
 * maps it, nowhere else. Checked on the source: every string literal of every main class is searched for a table
 * name after FROM, JOIN, INTO, UPDATE or TABLE (and for JPQL entity names), so a query written elsewhere fails the
 * build.
 */
class TableOwnershipTest {
    /** Table (or JPQL entity) → the classes that may name it. */
    private static final Map<String, Set<String>> OWNERS = new TreeMap<>(Map.ofEntries(
            Map.entry("enterprise", Set.of("enterprise/EnterpriseRepository", "enterprise/Enterprise")),
            Map.entry("license_counter", Set.of("licensing/LicenseRepository", "licensing/LicenseCounter")),
            Map.entry("license_refusal", Set.of("licensing/LicenseRepository", "licensing/LicenseRefusal")),
            Map.entry("api_client", Set.of("apiclients/ApiClientRepository", "apiclients/ApiClient")),
            Map.entry("console_user", Set.of("people/ConsoleUserRepository", "people/ConsoleUser")),
            Map.entry("audit_event", Set.of("audit/AuditRepository", "audit/AuditEvent")),
            // UserRows: the plain SQL of a user's own writes, which UserRepository runs; UserDirectoryRepository: the
            // console's listing of users
            Map.entry("user_account", Set.of("users/UserRepository", "users/UserRows", "users/UserDirectoryRepository",
                    "users/UserAccount")),
            Map.entry("user_multi_value", Set.of("users/UserRepository", "users/UserRows", "users/UserDirectoryRepository",
                    "users/UserAccount",
                    "users/MultiValue")),
            Map.entry("user_group", Set.of("groups/GroupRepository", "groups/UserGroup")),
            Map.entry("group_membership", Set.of("groups/GroupRepository", "groups/GroupMembership",
                    // a User filter on groups.value joins memberships in the one query a filter compiles to
                    "users/UserFilterMapping")),
            Map.entry("group_nesting", Set.of("groups/GroupRepository", "groups/UserGroup")),
            Map.entry("group_mapping", Set.of("access/GroupMappingRepository")),
            Map.entry("user_effective_role", Set.of("access/EffectiveRoleRepository")),
            Map.entry("sub_account", Set.of("access/SubAccountRepository", "access/SubAccount")),
            Map.entry("app_role", Set.of("access/RoleRepository")),
            Map.entry("app_role_permission", Set.of("access/RoleRepository")),
            Map.entry("remap_job", Set.of("remap/RemapJobRepository", "remap/RemapJob")),
            Map.entry("operator_token", Set.of("operators/OperatorTokenRepository", "operators/OperatorToken")),
            Map.entry("license_request", Set.of("licensing/LicenseRequestRepository", "licensing/LicenseRequest")),
            Map.entry("startup_lock", Set.of("platform/persistence/StartupLockRepository")),
            Map.entry("effective_role_change", Set.of("access/RoleHistoryRepository")),
            Map.entry("audit_event_subject", Set.of("audit/AuditRepository", "audit/AuditEventSubject")),
            Map.entry("form_submission", Set.of("submissions/FormSubmissionRepository")),
            Map.entry("change_event", Set.of("events/ChangeEventRepository")),
            Map.entry("change_event_counter", Set.of("events/ChangeEventRepository")),
            Map.entry("webhook_endpoint", Set.of("events/WebhookRepository")),
            Map.entry("webhook_delivery", Set.of("events/WebhookRepository"))));

    /** JPQL entity names: only their own room's repository (or a filter mapping) queries them. */
    private static final Map<String, Set<String>> ENTITIES = Map.ofEntries(
            Map.entry("UserAccount", Set.of("users/UserRepository", "users/UserFilterMapping")),
            Map.entry("UserGroup", Set.of("groups/GroupRepository", "groups/GroupFilterMapping")),
            Map.entry("GroupMembership", Set.of("groups/GroupRepository", "groups/GroupFilterMapping", "users/UserFilterMapping")),
            Map.entry("ApiClient", Set.of("apiclients/ApiClientRepository")),
            Map.entry("ConsoleUser", Set.of("people/ConsoleUserRepository")),
            Map.entry("Enterprise", Set.of("enterprise/EnterpriseRepository")),
            Map.entry("LicenseRefusal", Set.of("licensing/LicenseRepository")),
            Map.entry("SubAccount", Set.of("access/SubAccountRepository")),
            Map.entry("AuditEvent", Set.of("audit/AuditRepository")),
            Map.entry("OperatorToken", Set.of("operators/OperatorTokenRepository")),
            Map.entry("LicenseRequest", Set.of("licensing/LicenseRequestRepository")),
            Map.entry("AuditEventSubject", Set.of("audit/AuditRepository")));

    private static final Pattern LITERAL = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"");
    private static final Path MAIN = Path.of("src", "main", "java", "com", "rollcall");

    @Test
    void everyTableIsNamedOnlyByItsOwner() throws IOException {
        assertEquals(Set.copyOf(tablesInMigrations()), OWNERS.keySet(), "every table of the migrations has an owner here");
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String owner = MAIN.relativize(file).toString().replace('\\', '/').replaceFirst("\\.java$", "");
                String literals = literals(Files.readString(file));
                OWNERS.forEach((table, owners) -> {
                    if (Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + table + "\\b").matcher(literals).find()
                            && !owners.contains(owner)) {
                        strays.add(owner + " names " + table);
                    }
                });
                ENTITIES.forEach((entity, owners) -> {
                    if (Pattern.compile("\\b(FROM|JOIN|UPDATE|DELETE FROM) " + entity + "\\b").matcher(literals).find()
                            && !owners.contains(owner)) {
                        strays.add(owner + " queries " + entity);
                    }
                });
            }
        }
        assertTrue(strays.isEmpty(), "SQL outside its table's owner: " + strays);
    }

    /** The string literals of a source file, one per line. */
    private static String literals(String source) {
        StringBuilder all = new StringBuilder();
        Matcher m = LITERAL.matcher(source.replaceAll("(?m)^\\s*(//|\\*|/\\*).*$", ""));
        while (m.find()) {
            all.append(m.group(1)).append('\n');
        }
        return all.toString();
    }

    /** The tables the migrations leave: created, and not dropped again (a migration's scratch tables are). */
    private static List<String> tablesInMigrations() throws IOException {
        List<String> tables = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "db", "migration"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(file);
                Matcher m = Pattern.compile("(?i)CREATE TABLE (\\w+)").matcher(sql);
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
                Matcher dropped = Pattern.compile("(?i)DROP TABLE (\\w+)").matcher(sql);
                while (dropped.find()) {
                    tables.remove(dropped.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
