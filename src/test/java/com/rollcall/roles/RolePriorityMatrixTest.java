package com.rollcall.roles;

import static com.rollcall.roles.Permission.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.access.SubAccount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RolePriorityMatrixTest {

    // ---- built-in roles ----------------------------------------------------------------------

    static Stream<Arguments> builtInScores() {
        return Stream.of(
                arguments(BuiltInRoles.ENTERPRISE_ADMIN, 960),
                arguments(BuiltInRoles.ACCOUNT_ADMINISTRATOR, 260),
                arguments(BuiltInRoles.ENTERPRISE_GROUP_MANAGER, 170),
                arguments(BuiltInRoles.EDITOR, 140),
                arguments(BuiltInRoles.INTEGRATIONS_MANAGER, 80),
                arguments(BuiltInRoles.CONTRIBUTOR, 40),
                arguments(BuiltInRoles.REPORTS_ONLY, 20));
    }

    @ParameterizedTest(name = "{0} scores {1}")
    @MethodSource("builtInScores")
    void builtInRoleScores(RoleDefinition role, int expected) {
        assertEquals(expected, RolePriorityMatrix.score(role));
    }

    @Test
    void builtInSubAccountLadderIsStrictlyOrdered() {
        List<RoleDefinition> ladder = List.of(BuiltInRoles.ENTERPRISE_ADMIN, BuiltInRoles.ACCOUNT_ADMINISTRATOR,
                BuiltInRoles.EDITOR, BuiltInRoles.CONTRIBUTOR, BuiltInRoles.REPORTS_ONLY);
        for (int i = 0; i + 1 < ladder.size(); i++) {
            assertTrue(RolePriorityMatrix.score(ladder.get(i)) > RolePriorityMatrix.score(ladder.get(i + 1)),
                    ladder.get(i).name() + " > " + ladder.get(i + 1).name());
        }
        List<RoleDefinition> sorted = new ArrayList<>(ladder);
        java.util.Collections.reverse(sorted);
        sorted.sort(RolePriorityMatrix.PRIORITY);
        assertEquals(ladder, sorted);
    }

    @Test
    void enterpriseAdminHasEveryPermissionAndTheHighestPossibleScore() {
        assertEquals(EnumSet.allOf(Permission.class), BuiltInRoles.ENTERPRISE_ADMIN.permissions());
        int max = 0;
        for (Permission p : Permission.values()) {
            max += p.weight();
        }
        assertEquals(max, RolePriorityMatrix.score(BuiltInRoles.ENTERPRISE_ADMIN));
        assertTrue(BuiltInRoles.ENTERPRISE_ADMIN.isEnterpriseAdmin());
        BuiltInRoles.ALL.stream().filter(r -> r != BuiltInRoles.ENTERPRISE_ADMIN)
                .forEach(r -> assertFalse(r.isEnterpriseAdmin(), r.name()));
    }

    /** The code's built-in roles are exactly the migration's (names, scope, flags, permissions). */
    @Test
    void builtInRolesMatchTheMigration() throws IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/common/V3__builtin_roles.sql")) {
            assertNotNull(in, "V3__builtin_roles.sql on the classpath");
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher row = Pattern.compile("\\(NULL, '(\\w+)',\\s*'([^']+)',\\s*'[^']+',\\s*'(\\w+)',\\s*(TRUE|FALSE),"
                + "\\s*(TRUE|FALSE),\\s*(TRUE|FALSE),\\s*(TRUE|FALSE)").matcher(sql);
        Map<String, Set<Permission>> perms = new HashMap<>();
        Matcher perm = Pattern.compile("SELECT '(\\w+)'(?: AS code)?, '(\\w+)'").matcher(sql);
        while (perm.find()) {
            perms.computeIfAbsent(perm.group(1), k -> EnumSet.noneOf(Permission.class))
                    .add(Permission.valueOf(perm.group(2)));
        }
        int rows = 0;
        while (row.find()) {
            rows++;
            String code = row.group(1);
            RoleDefinition role = BuiltInRoles.ALL.stream().filter(r -> code.equals(r.code())).findFirst()
                    .orElseThrow(() -> new AssertionError("no built-in role " + code));
            assertEquals(row.group(2), role.name(), code);
            assertEquals(RoleScope.valueOf(row.group(3)), role.scope(), code);
            assertEquals(Boolean.parseBoolean(row.group(4).toLowerCase()), role.groupManager(), code);
            assertEquals(Boolean.parseBoolean(row.group(5).toLowerCase()), role.fullAccess(), code);
            assertEquals(Boolean.parseBoolean(row.group(6).toLowerCase()), role.consumesLicense(), code);
            assertEquals(Boolean.parseBoolean(row.group(7).toLowerCase()), role.builtIn(), code);
            assertEquals(perms.getOrDefault(code, Set.of()), role.permissions(), code);
        }
        assertEquals(BuiltInRoles.ALL.size(), rows);
    }

    // ---- the formula -------------------------------------------------------------------------

    static Stream<Arguments> formula() {
        return Stream.of(
                arguments("no permission", role(RoleScope.SUB_ACCOUNT, Set.of(), false, false), 0),
                arguments("one permission", role(RoleScope.SUB_ACCOUNT, Set.of(PUBLISH_CONTENT), false, false), 60),
                arguments("custom sub-account mix", role(RoleScope.SUB_ACCOUNT,
                        Set.of(MANAGE_AUDIENCES, VIEW_REPORTS), false, false), 60),
                arguments("custom enterprise mix", role(RoleScope.ENTERPRISE,
                        Set.of(MANAGE_USERS, VIEW_AUDIT_LOG), false, false), 160),
                arguments("enterprise Group Manager −10", role(RoleScope.ENTERPRISE,
                        Set.of(MANAGE_USERS, VIEW_AUDIT_LOG), true, false), 150),
                arguments("Group Manager with no permission goes negative", role(RoleScope.ENTERPRISE,
                        Set.of(), true, false), -10),
                arguments("full access adds nothing", role(RoleScope.ENTERPRISE,
                        Set.of(MANAGE_USERS, VIEW_AUDIT_LOG), false, true), 160),
                arguments("Group Manager flag on a sub-account role is ignored", role(RoleScope.SUB_ACCOUNT,
                        Set.of(EDIT_CONTENT), true, false), 40));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formula")
    void scoreIsTheSumOfWeightsMinusTenForEnterpriseGroupManagers(String what, RoleDefinition role, int expected) {
        assertEquals(expected, RolePriorityMatrix.score(role));
        assertTrue(RolePriorityMatrix.breakdown(role).endsWith("= " + expected), RolePriorityMatrix.breakdown(role));
    }

    @Test
    void groupManagerLosesAgainstAnOtherwiseIdenticalFullAccessRole() {
        Set<Permission> same = Set.of(MANAGE_GROUPS, EDIT_CONTENT, VIEW_REPORTS);
        RoleDefinition groupManager = RoleDefinition.custom(1, "A group manager", RoleScope.ENTERPRISE, same, true, false);
        RoleDefinition fullAccess = RoleDefinition.custom(2, "Z full access", RoleScope.ENTERPRISE, same, false, true);
        assertEquals(RolePriorityMatrix.score(fullAccess) - 10, RolePriorityMatrix.score(groupManager));
        List<RoleDefinition> roles = new ArrayList<>(List.of(groupManager, fullAccess));
        roles.sort(RolePriorityMatrix.PRIORITY);
        assertEquals(fullAccess, roles.get(0), "the penalty decides before the name would");
    }

    @Test
    void everyWeightIsAPositiveMultipleOfTwentySoThePenaltyNeverOutweighsAPermission() {
        for (Permission p : Permission.values()) {
            assertTrue(p.weight() > 0 && p.weight() % 20 == 0, p.name());
        }
        assertEquals(12, Permission.values().length);
    }

    @Test
    void aGroupManagerWithMorePermissionsStillBeatsALighterRole() {
        RoleDefinition heavierGm = RoleDefinition.custom(1, "GM", RoleScope.ENTERPRISE,
                Set.of(EDIT_CONTENT, VIEW_REPORTS), true, false);
        RoleDefinition lighter = RoleDefinition.custom(2, "Plain", RoleScope.ENTERPRISE, Set.of(EDIT_CONTENT), false, false);
        assertTrue(RolePriorityMatrix.score(heavierGm) > RolePriorityMatrix.score(lighter));
    }

    // ---- name tie-break ----------------------------------------------------------------------

    static Stream<Arguments> nameOrder() {
        return Stream.of(
                arguments("Alpha", 9, "beta", 1, "Alpha"),
                arguments("alpha", 9, "Beta", 1, "alpha"),
                arguments("BETA", 1, "alpha", 9, "alpha"),
                arguments("Editor", 9, "editor", 1, "Editor"),        // same letters: uppercase first (exact order)
                arguments("Role", 9, "Role", 1, "Role#1"),            // same name: lower id
                arguments("İstanbul", 1, "Ireland", 2, "Ireland"),    // no locale: İ (U+0130) sorts after I
                arguments("Zeta", 1, "Ärzte", 2, "Zeta"));            // no locale: code points, Ä after Z
    }

    @ParameterizedTest(name = "{0}/{2} → {4}")
    @MethodSource("nameOrder")
    void tieBreakIsCaseInsensitiveAndLocaleIndependent(String a, long idA, String b, long idB, String expected) {
        RoleDefinition ra = RoleDefinition.custom(idA, a, RoleScope.SUB_ACCOUNT, Set.of(VIEW_REPORTS), false, false);
        RoleDefinition rb = RoleDefinition.custom(idB, b, RoleScope.SUB_ACCOUNT, Set.of(VIEW_REPORTS), false, false);
        List<RoleDefinition> roles = new ArrayList<>(List.of(ra, rb));
        roles.sort(RolePriorityMatrix.PRIORITY);
        RoleDefinition first = roles.get(0);
        String shown = expected.contains("#") ? first.name() + "#" + first.id() : first.name();
        assertEquals(expected, shown);
        roles = new ArrayList<>(List.of(rb, ra));
        roles.sort(RolePriorityMatrix.PRIORITY);
        assertEquals(first, roles.get(0), "order of input does not matter");
    }

    // ---- describe() --------------------------------------------------------------------------

    @Test
    void describeListsTheFormulaEveryWeightAndTheBuiltInScores() {
        String text = RolePriorityMatrix.describe();
        assertTrue(text.contains("sum of the weights"));
        assertTrue(text.contains("minus 10"));
        for (Permission p : Permission.values()) {
            assertTrue(Pattern.compile(p.name() + "\\s+.*\\s" + p.weight() + "\\n").matcher(text).find(), p.name());
        }
        for (RoleDefinition r : BuiltInRoles.ALL) {
            assertTrue(text.contains(r.name()), r.name());
        }
        assertTrue(text.contains("case-insensitive, locale-independent"));
    }

    @Test
    void roleDefinitionIsImmutable() {
        EnumSet<Permission> perms = EnumSet.of(VIEW_REPORTS);
        RoleDefinition r = RoleDefinition.custom(1, "R", RoleScope.SUB_ACCOUNT, perms, false, false);
        perms.add(PUBLISH_CONTENT);
        assertEquals(Set.of(VIEW_REPORTS), r.permissions());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> r.permissions().add(EDIT_CONTENT));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RoleDefinition.custom(2, " ", RoleScope.SUB_ACCOUNT, Set.of(), false, false));
    }

    /** The kernel stays pure: java.* only (the SubAccount entity shares the package, not the rule). */
    @Test
    void kernelImportsOnlyJava() throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/java/com/rollcall/roles");
        List<String> kernel = List.of("Permission", "RoleScope", "RoleDefinition", "BuiltInRoles", "RolePriorityMatrix",
                "Candidate", "Rule", "ConsideredCandidate", "Resolution", "EffectiveRoles", "EffectiveRoleResolver");
        for (String name : kernel) {
            for (String line : java.nio.file.Files.readAllLines(dir.resolve(name + ".java"))) {
                if (line.startsWith("import ")) {
                    assertTrue(line.matches("import (static )?(java\\.|com\\.rollcall\\.roles\\.[A-Z]).*"), name + ": " + line);
                }
            }
        }
    }

    private static RoleDefinition role(RoleScope scope, Set<Permission> permissions, boolean gm, boolean full) {
        return RoleDefinition.custom(100, "Custom", scope, permissions, gm, full);
    }
}
