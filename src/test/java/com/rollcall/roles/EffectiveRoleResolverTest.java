package com.rollcall.roles;

import static com.rollcall.roles.BuiltInRoles.ACCOUNT_ADMINISTRATOR;
import static com.rollcall.roles.BuiltInRoles.CONTRIBUTOR;
import static com.rollcall.roles.BuiltInRoles.EDITOR;
import static com.rollcall.roles.BuiltInRoles.ENTERPRISE_ADMIN;
import static com.rollcall.roles.BuiltInRoles.ENTERPRISE_GROUP_MANAGER;
import static com.rollcall.roles.BuiltInRoles.INTEGRATIONS_MANAGER;
import static com.rollcall.roles.BuiltInRoles.REPORTS_ONLY;
import static com.rollcall.roles.Permission.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EffectiveRoleResolverTest {
    private static final long S1 = 1;
    private static final long S2 = 2;
    private static final List<Long> SUB_ACCOUNTS = List.of(S1, S2);

    // custom roles
    private static final Set<Permission> GM_PERMS = Set.of(MANAGE_GROUPS, EDIT_CONTENT, VIEW_REPORTS);
    private static final RoleDefinition AAA_GROUP_MANAGER =
            RoleDefinition.custom(101, "AAA Group Manager", RoleScope.ENTERPRISE, GM_PERMS, true, false);
    private static final RoleDefinition ZZZ_FULL_ACCESS =
            RoleDefinition.custom(102, "ZZZ Full Access", RoleScope.ENTERPRISE, GM_PERMS, false, true);
    private static final RoleDefinition ALPHA = sub(103, "alpha", PUBLISH_CONTENT, VIEW_REPORTS);    // 80
    private static final RoleDefinition BETA = sub(104, "Beta", PUBLISH_CONTENT, CREATE_CONTENT);    // 80
    private static final RoleDefinition PUBLISHER = sub(105, "Publisher", PUBLISH_CONTENT, EDIT_CONTENT,
            CREATE_CONTENT, MANAGE_AUDIENCES, VIEW_REPORTS);                                          // 180 > Editor
    private static final RoleDefinition CUSTOM_FULL_ACCESS = RoleDefinition.custom(106, "Regional Lead",
            RoleScope.ENTERPRISE, Set.of(MANAGE_USERS, MANAGE_ACCOUNT_SETTINGS), false, true);      // 200
    private static final RoleDefinition EVERYTHING = RoleDefinition.custom(107, "Aardvark Everything",
            RoleScope.SUB_ACCOUNT, EnumSet.allOf(Permission.class), false, false);                  // 960 = EA
    private static final RoleDefinition BIG_NO_ACCESS = RoleDefinition.custom(108, "Auditor General",
            RoleScope.ENTERPRISE, Set.of(MANAGE_ROLES, MANAGE_USERS, VIEW_AUDIT_LOG), false, false); // 320, no access

    // ---- table: one scenario per row ---------------------------------------------------------

    static Stream<Arguments> scenarios() {
        return Stream.of(
                // every rule alone
                arguments("no groups: no role", List.of(), S1, null, Rule.NO_CANDIDATE),
                arguments("mappings only in another sub-account: no role here",
                        List.of(at("Sales", S2, EDITOR)), S1, null, Rule.NO_CANDIDATE),
                arguments("one explicit role", List.of(at("Sales", S1, EDITOR)), S1, EDITOR, Rule.SINGLE_CANDIDATE),
                arguments("FAQ: Reports Only vs Account Administrator → the most permissive",
                        List.of(at("A", S1, REPORTS_ONLY), at("B", S1, ACCOUNT_ADMINISTRATOR)),
                        S1, ACCOUNT_ADMINISTRATOR, Rule.HIGHEST_SCORE),
                arguments("equal scores: the name first alphabetically",
                        List.of(at("A", S1, BETA), at("B", S1, ALPHA)), S1, ALPHA, Rule.TIE_BROKEN_BY_NAME),
                arguments("Enterprise Admin at the enterprise level is inherited",
                        List.of(ent("Admins", ENTERPRISE_ADMIN)), S1, ENTERPRISE_ADMIN, Rule.INHERITED_FULL_ACCESS),
                arguments("a custom full-access enterprise role is inherited",
                        List.of(ent("Leads", CUSTOM_FULL_ACCESS)), S1, CUSTOM_FULL_ACCESS, Rule.INHERITED_FULL_ACCESS),
                arguments("explicit lower role takes precedence over the inherited Enterprise Admin (the seeds' example)",
                        List.of(ent("Admins", ENTERPRISE_ADMIN), at("Readers", S1, REPORTS_ONLY)),
                        S1, REPORTS_ONLY, Rule.EXPLICIT_TAKES_PRECEDENCE),
                arguments("Integrations Manager gives nothing inside sub-accounts",
                        List.of(ent("Ops", INTEGRATIONS_MANAGER)), S1, null, Rule.NOTHING_INHERITED),
                arguments("Group Manager gives nothing inside sub-accounts",
                        List.of(ent("GMs", ENTERPRISE_GROUP_MANAGER)), S1, null, Rule.NOTHING_INHERITED),

                // pairs of rules in conflict
                arguments("the issue's case: inherited Integrations Manager (80) vs explicit Contributor (40)",
                        List.of(ent("Ops", INTEGRATIONS_MANAGER), at("Writers", S1, CONTRIBUTOR)),
                        S1, CONTRIBUTOR, Rule.SINGLE_CANDIDATE),
                arguments("inherited Enterprise Group Manager (170) gives nothing against explicit Editor (140)",
                        List.of(ent("GMs", ENTERPRISE_GROUP_MANAGER), at("Editors", S1, EDITOR)),
                        S1, EDITOR, Rule.SINGLE_CANDIDATE),
                arguments("Integrations Manager and Group Manager together still give nothing",
                        List.of(ent("Ops", INTEGRATIONS_MANAGER), ent("GMs", ENTERPRISE_GROUP_MANAGER)),
                        S1, null, Rule.NOTHING_INHERITED),
                arguments("of a Group Manager and a full-access role only the full-access one is inherited",
                        List.of(ent("G1", AAA_GROUP_MANAGER), ent("G2", ZZZ_FULL_ACCESS)),
                        S1, ZZZ_FULL_ACCESS, Rule.INHERITED_FULL_ACCESS),
                arguments("a higher enterprise role without access loses the sub-account to a lower full-access one",
                        List.of(ent("Big", BIG_NO_ACCESS), ent("Leads", CUSTOM_FULL_ACCESS)),
                        S1, CUSTOM_FULL_ACCESS, Rule.INHERITED_FULL_ACCESS),
                arguments("two inherited full-access roles: the highest score",
                        List.of(ent("Leads", CUSTOM_FULL_ACCESS), ent("Admins", ENTERPRISE_ADMIN)),
                        S1, ENTERPRISE_ADMIN, Rule.INHERITED_FULL_ACCESS),
                arguments("tie by name ignores letter case (alpha before Beta)",
                        List.of(at("A", S1, ALPHA), at("B", S1, BETA)), S1, ALPHA, Rule.TIE_BROKEN_BY_NAME),
                arguments("explicit precedence, then the highest score among the explicit ones",
                        List.of(ent("Admins", ENTERPRISE_ADMIN), at("C", S1, CONTRIBUTOR), at("E", S1, EDITOR)),
                        S1, EDITOR, Rule.EXPLICIT_TAKES_PRECEDENCE),
                arguments("explicit precedence, then the tie by name among the explicit ones",
                        List.of(ent("Admins", ENTERPRISE_ADMIN), at("B", S1, BETA), at("A", S1, ALPHA)),
                        S1, ALPHA, Rule.EXPLICIT_TAKES_PRECEDENCE),
                arguments("explicit precedence with a Group Manager beside the Enterprise Admin",
                        List.of(ent("Admins", ENTERPRISE_ADMIN), ent("GMs", ENTERPRISE_GROUP_MANAGER),
                                at("Readers", S1, REPORTS_ONLY)),
                        S1, REPORTS_ONLY, Rule.EXPLICIT_TAKES_PRECEDENCE),
                arguments("explicit role tied with Enterprise Admin's score: explicit still decides",
                        List.of(ent("Admins", ENTERPRISE_ADMIN), at("X", S1, EVERYTHING)),
                        S1, EVERYTHING, Rule.EXPLICIT_TAKES_PRECEDENCE),
                arguments("a custom full-access role yields to an explicit mapping like Enterprise Admin",
                        List.of(ent("Leads", CUSTOM_FULL_ACCESS), at("Readers", S1, REPORTS_ONLY)),
                        S1, REPORTS_ONLY, Rule.EXPLICIT_TAKES_PRECEDENCE),
                arguments("Enterprise Admin mapped explicitly to the sub-account competes there",
                        List.of(at("Admins here", S1, ENTERPRISE_ADMIN), at("Readers", S1, REPORTS_ONLY)),
                        S1, ENTERPRISE_ADMIN, Rule.HIGHEST_SCORE),
                arguments("Enterprise Admin both inherited and explicit: it competes as explicit",
                        List.of(ent("Admins", ENTERPRISE_ADMIN), at("Admins here", S1, ENTERPRISE_ADMIN),
                                at("Readers", S1, REPORTS_ONLY)),
                        S1, ENTERPRISE_ADMIN, Rule.HIGHEST_SCORE),
                arguments("precedence is per sub-account: S2 without explicit mapping inherits Enterprise Admin",
                        List.of(ent("Admins", ENTERPRISE_ADMIN), at("Readers", S1, REPORTS_ONLY)),
                        S2, ENTERPRISE_ADMIN, Rule.INHERITED_FULL_ACCESS),
                arguments("several groups for one sub-account: highest wins",
                        List.of(at("A", S1, CONTRIBUTOR), at("B", S1, EDITOR), at("C", S1, REPORTS_ONLY)),
                        S1, EDITOR, Rule.HIGHEST_SCORE),
                arguments("several groups, same role: one candidate",
                        List.of(at("A", S1, EDITOR), at("B", S1, EDITOR)), S1, EDITOR, Rule.SINGLE_CANDIDATE),
                arguments("a sub-account role mapped at the enterprise level (refused by the console) gives nothing",
                        List.of(ent("All", ACCOUNT_ADMINISTRATOR), at("Readers", S1, REPORTS_ONLY)),
                        S1, REPORTS_ONLY, Rule.SINGLE_CANDIDATE),
                arguments("custom role outranks a built-in by score",
                        List.of(at("Editors", S1, EDITOR), at("Publishers", S1, PUBLISHER)),
                        S1, PUBLISHER, Rule.HIGHEST_SCORE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void resolvesEachScenario(String what, List<Candidate> candidates, long subAccount, RoleDefinition expected,
            Rule rule) {
        Resolution r = EffectiveRoleResolver.resolve(candidates, SUB_ACCOUNTS).in(subAccount);
        assertEquals(Optional.ofNullable(expected), r.winner(), r.explanation());
        assertEquals(rule, r.decided(), r.explanation());
        assertEquals(expected != null, r.hasRole());
        if (expected != null) {
            assertEquals(RolePriorityMatrix.score(expected), r.score().getAsInt());
            assertTrue(r.explanation().startsWith(expected.name() + " from "), r.explanation());
        }
    }

    // ---- enterprise level --------------------------------------------------------------------

    static Stream<Arguments> enterpriseLevel() {
        return Stream.of(
                arguments("no groups", List.of(), null, Rule.NO_CANDIDATE),
                arguments("sub-account mappings do not count at the enterprise level",
                        List.of(at("Sales", S1, ACCOUNT_ADMINISTRATOR)), null, Rule.NO_CANDIDATE),
                arguments("Enterprise Admin", List.of(ent("Admins", ENTERPRISE_ADMIN), at("R", S1, REPORTS_ONLY)),
                        ENTERPRISE_ADMIN, Rule.SINGLE_CANDIDATE),
                arguments("Group Manager penalty", List.of(ent("G1", AAA_GROUP_MANAGER), ent("G2", ZZZ_FULL_ACCESS)),
                        ZZZ_FULL_ACCESS, Rule.HIGHEST_SCORE),
                arguments("the highest at the enterprise level, whatever its sub-account access",
                        List.of(ent("Big", BIG_NO_ACCESS), ent("Leads", CUSTOM_FULL_ACCESS)),
                        BIG_NO_ACCESS, Rule.HIGHEST_SCORE),
                arguments("Integrations Manager holds at the enterprise level",
                        List.of(ent("Ops", INTEGRATIONS_MANAGER), at("Writers", S1, CONTRIBUTOR)),
                        INTEGRATIONS_MANAGER, Rule.SINGLE_CANDIDATE),
                arguments("nothing is set aside at the enterprise level",
                        List.of(ent("Admins", ENTERPRISE_ADMIN), ent("GMs", ENTERPRISE_GROUP_MANAGER)),
                        ENTERPRISE_ADMIN, Rule.HIGHEST_SCORE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enterpriseLevel")
    void resolvesTheEnterpriseLevel(String what, List<Candidate> candidates, RoleDefinition expected, Rule rule) {
        Resolution r = EffectiveRoleResolver.resolve(candidates, SUB_ACCOUNTS).enterpriseLevel();
        assertEquals(Optional.ofNullable(expected), r.winner());
        assertEquals(rule, r.decided());
        assertEquals(null, r.subAccountId());
    }

    // ---- the explanation ---------------------------------------------------------------------

    @Test
    void explainsTheHighestScoreInPlainWords() {
        Resolution r = EffectiveRoleResolver.resolve(List.of(at("Sales EMEA", S1, EDITOR), at("Sales", S1, CONTRIBUTOR),
                at("Readers", S1, REPORTS_ONLY)), S1);
        assertEquals("Editor from group Sales EMEA (score 140) wins: the highest score among 3 candidates.",
                r.explanation());
        assertEquals(List.of("Editor", "Contributor", "Reports Only"),
                r.candidates().stream().map(c -> c.role().name()).toList());
    }

    @Test
    void explainsThatExplicitMappingsTakePrecedence() {
        Resolution r = EffectiveRoleResolver.resolve(List.of(ent("Admins", ENTERPRISE_ADMIN),
                at("Readers", S1, REPORTS_ONLY)), S1);
        assertEquals("Reports Only from group Readers (score 20) wins: an explicit mapping to this sub-account "
                + "takes precedence over Enterprise Admin from group Admins (enterprise level), even when lower; it is "
                + "the only explicit candidate.", r.explanation());
        assertEquals(List.of(ENTERPRISE_ADMIN), r.setAside().stream().map(ConsideredCandidate::role).toList());
        assertEquals(ConsideredCandidate.Aside.EXPLICIT_TAKES_PRECEDENCE, r.setAside().get(0).aside());
        assertEquals(List.of(REPORTS_ONLY), r.considered().stream().map(ConsideredCandidate::role).toList());
    }

    @Test
    void explainsWhatTheEnterpriseLevelGivesOrNotInASubAccount() {
        Resolution contributor = EffectiveRoleResolver.resolve(List.of(ent("Ops", INTEGRATIONS_MANAGER),
                at("Writers", S1, CONTRIBUTOR)), S1);
        assertEquals("Contributor from group Writers (score 40) wins: the only candidate. Enterprise Integrations "
                + "Manager from group Ops (enterprise level) gives nothing inside sub-accounts (only an enterprise role "
                + "with access to all sub-accounts is inherited).", contributor.explanation());
        ConsideredCandidate im = contributor.setAside().get(0);
        assertEquals(ConsideredCandidate.Aside.NO_SUB_ACCOUNT_ACCESS, im.aside());
        assertEquals("Enterprise Integrations Manager from group Ops (enterprise level) (score 80)", im.describe());

        Resolution nothing = EffectiveRoleResolver.resolve(List.of(ent("Ops", INTEGRATIONS_MANAGER)), S1);
        assertFalse(nothing.hasRole());
        assertEquals("No role: none of the user's groups maps a role in this sub-account, and Enterprise Integrations "
                + "Manager from group Ops (enterprise level) gives nothing inside sub-accounts (only an enterprise role "
                + "with access to all sub-accounts is inherited).", nothing.explanation());

        Resolution inherited = EffectiveRoleResolver.resolve(List.of(ent("Admins", ENTERPRISE_ADMIN),
                ent("GMs", ENTERPRISE_GROUP_MANAGER)), S1);
        assertEquals("Enterprise Admin from group Admins (enterprise level) (score 960) wins: no group maps a role in "
                + "this sub-account, and it is inherited from the enterprise level because it gives access to all "
                + "sub-accounts. Enterprise Group Manager from group GMs (enterprise level) gives nothing inside "
                + "sub-accounts (only an enterprise role with access to all sub-accounts is inherited).",
                inherited.explanation());
    }

    @Test
    void explainsATieAndNoRole() {
        Resolution tie = EffectiveRoleResolver.resolve(List.of(at("B", S1, BETA), at("A", S1, ALPHA)), S1);
        assertEquals("alpha from group A (score 80) wins: 2 candidates share the highest score (80) among 2; "
                + "\"alpha\" comes first by name (case-insensitive, locale-independent).", tie.explanation());
        Resolution none = EffectiveRoleResolver.resolve(List.of(), S1);
        assertEquals("No role: none of the user's groups maps a role in this sub-account.", none.explanation());
        assertTrue(none.candidates().isEmpty());
        assertTrue(none.score().isEmpty());
    }

    @Test
    void oneRoleThroughSeveralGroupsIsOneCandidateListingAllItsGroups() {
        Resolution r = EffectiveRoleResolver.resolve(List.of(at("sales", S1, EDITOR), at("Marketing", S1, EDITOR),
                ent("All staff", EDITOR), at("Marketing", S1, EDITOR)), S1);
        assertEquals(1, r.candidates().size());
        ConsideredCandidate c = r.candidates().get(0);
        assertEquals(List.of("Marketing", "sales"), c.explicitGroups());
        assertEquals(List.of("All staff"), c.inheritedGroups());
        assertEquals(List.of("Marketing", "sales", "All staff"), c.groups());
        assertTrue(c.explicit());
        assertEquals("Editor from groups Marketing, sales, All staff (enterprise level) (score 140) wins: the only candidate.",
                r.explanation());
    }

    @Test
    void resolvesEverySubAccountAskedInOrderAndOnlyThose() {
        EffectiveRoles roles = EffectiveRoleResolver.resolve(List.of(at("X", 9L, EDITOR), ent("All", ENTERPRISE_ADMIN)),
                List.of(3L, 1L, 3L));
        assertEquals(List.of(3L, 1L), List.copyOf(roles.bySubAccount().keySet()));
        assertEquals(Optional.of(ENTERPRISE_ADMIN), roles.in(3).winner());
        assertThrows(IllegalArgumentException.class, () -> roles.in(9));
        assertThrows(UnsupportedOperationException.class, () -> roles.bySubAccount().put(5L, null));
    }

    @Test
    void userWithNoMappedGroupHasNoRoleAnywhere() {
        EffectiveRoles roles = EffectiveRoleResolver.resolve(List.of(), SUB_ACCOUNTS);
        assertFalse(roles.enterpriseLevel().hasRole());
        roles.bySubAccount().values().forEach(r -> {
            assertFalse(r.hasRole());
            assertEquals(Rule.NO_CANDIDATE, r.decided());
        });
    }

    // ---- properties over generated candidate sets --------------------------------------------

    private static final List<Long> GEN_SUB_ACCOUNTS = List.of(1L, 2L, 3L);
    private static final String[] NAMES = {"alpha", "Alpha", "ALPHA", "beta", "Beta", "gamma", "Delta", "editor"};
    private static final String[] GROUPS = {"G1", "g2", "G3", "Sales", "sales", "All"};

    @Test
    void propertiesHoldOverManyGeneratedCandidateSets() {
        Random random = new Random(20260101L);
        Map<Rule, Integer> seen = new java.util.EnumMap<>(Rule.class);
        for (int run = 0; run < 5000; run++) {
            List<RoleDefinition> pool = rolePool(random);
            List<Candidate> candidates = candidates(random, pool, random.nextInt(9));
            EffectiveRoles result = EffectiveRoleResolver.resolve(candidates, GEN_SUB_ACCOUNTS);
            String ctx = "run " + run + ": " + candidates;

            // the winner is one of the applicable candidates, and the one the rules predict
            assertEquals(oracle(candidates, null), result.enterpriseLevel().winner(), ctx);
            for (long s : GEN_SUB_ACCOUNTS) {
                Resolution r = result.in(s);
                Optional<RoleDefinition> expected = oracle(candidates, s);
                assertEquals(expected, r.winner(), ctx);
                r.winner().ifPresent(w -> assertTrue(candidates.stream().anyMatch(c -> c.role().equals(w)
                        && (c.isEnterpriseLevel() || c.subAccountId() == s)), ctx));
                for (ConsideredCandidate c : r.considered()) {
                    assertTrue(r.score().getAsInt() >= c.score(), ctx);
                }
                // only enterprise-level roles are set aside, each for its reason
                for (ConsideredCandidate c : r.setAside()) {
                    assertTrue(c.inheritedOnly(), ctx);
                    assertEquals(c.role().grantsAllSubAccounts() ? ConsideredCandidate.Aside.EXPLICIT_TAKES_PRECEDENCE
                            : ConsideredCandidate.Aside.NO_SUB_ACCOUNT_ACCESS, c.aside(), ctx);
                }
                assertEquals(r.setAside().stream().anyMatch(c -> c.aside() == ConsideredCandidate.Aside.EXPLICIT_TAKES_PRECEDENCE),
                        r.decided() == Rule.EXPLICIT_TAKES_PRECEDENCE, ctx);
                // an enterprise role without sub-account access never wins in a sub-account
                r.winner().ifPresent(w -> assertTrue(r.winningCandidate().orElseThrow().explicit()
                        || w.grantsAllSubAccounts(), ctx));
                seen.merge(r.decided(), 1, Integer::sum);
            }

            // the result does not depend on the order of the candidates
            List<Candidate> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, random);
            assertEquals(result, EffectiveRoleResolver.resolve(shuffled, GEN_SUB_ACCOUNTS), ctx);

            // adding a lower-scored candidate never changes a winner
            int lowestWinner = Stream.concat(Stream.of(result.enterpriseLevel()), result.bySubAccount().values().stream())
                    .filter(Resolution::hasRole).mapToInt(x -> x.score().getAsInt()).min().orElse(Integer.MAX_VALUE);
            RoleDefinition lower = lowerRole(random, lowestWinner, 1000 + run);
            if (lower != null) {
                List<Candidate> more = new ArrayList<>(candidates);
                more.add(ent("Newcomers", lower));
                assertSameWinners(result, EffectiveRoleResolver.resolve(more, GEN_SUB_ACCOUNTS), ctx + " + ent " + lower);
            }
            long s = GEN_SUB_ACCOUNTS.get(random.nextInt(GEN_SUB_ACCOUNTS.size()));
            Resolution here = result.in(s);
            // a lower explicit role changes nothing where explicit roles already compete (where none does, it takes
            // precedence over what is inherited: anExplicitLowerRoleTakesPrecedenceOverTheEnterpriseLevel)
            boolean explicitHere = here.candidates().stream().anyMatch(ConsideredCandidate::explicit);
            RoleDefinition lowerHere = lowerRole(random, here.hasRole() ? here.score().getAsInt() : Integer.MAX_VALUE,
                    5000 + run);
            if (lowerHere != null && explicitHere && here.hasRole()) {
                List<Candidate> more = new ArrayList<>(candidates);
                more.add(at("Newcomers", s, lowerHere));
                assertSameWinners(result, EffectiveRoleResolver.resolve(more, GEN_SUB_ACCOUNTS), ctx + " + " + s);
            }
        }
        // the generator reaches every rule often enough for the properties to mean something
        for (Rule rule : Rule.values()) {
            assertTrue(seen.getOrDefault(rule, 0) >= 100, rule + " seen " + seen.get(rule) + " times: " + seen);
        }
    }

    @Test
    void anExplicitLowerRoleTakesPrecedenceOverTheEnterpriseLevel() {
        // the counterpart of the monotonicity property: why the generator avoids this case
        List<Candidate> base = List.of(ent("Admins", ENTERPRISE_ADMIN));
        List<Candidate> more = List.of(ent("Admins", ENTERPRISE_ADMIN), at("Readers", S1, REPORTS_ONLY));
        assertEquals(Optional.of(ENTERPRISE_ADMIN), EffectiveRoleResolver.resolve(base, S1).winner());
        assertEquals(Optional.of(REPORTS_ONLY), EffectiveRoleResolver.resolve(more, S1).winner());
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> EffectiveRoleResolver.resolve(null, SUB_ACCOUNTS));
        assertThrows(NullPointerException.class, () -> new Candidate(null, S1, EDITOR));
        assertThrows(NullPointerException.class, () -> new Candidate("G", S1, null));
        List<Long> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> EffectiveRoleResolver.resolve(List.of(), withNull));
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Every level that had a winner keeps it (a level with no role may now get the newcomer). */
    private static void assertSameWinners(EffectiveRoles before, EffectiveRoles after, String ctx) {
        assertSameWinner(before.enterpriseLevel(), after.enterpriseLevel(), ctx);
        for (Map.Entry<Long, Resolution> e : before.bySubAccount().entrySet()) {
            assertSameWinner(e.getValue(), after.in(e.getKey()), ctx + " in " + e.getKey());
        }
    }

    private static void assertSameWinner(Resolution before, Resolution after, String ctx) {
        if (before.hasRole()) {
            assertEquals(before.winner(), after.winner(), ctx);
        }
    }

    /** An independent statement of the rules. */
    private static Optional<RoleDefinition> oracle(List<Candidate> candidates, Long s) {
        List<RoleDefinition> pool = new ArrayList<>();
        for (Candidate c : candidates) {
            if (s == null ? c.isEnterpriseLevel() : s.equals(c.subAccountId())) {
                pool.add(c.role());
            }
        }
        if (s != null && pool.isEmpty()) {
            // nothing explicit here: only the enterprise roles granting all sub-accounts are inherited
            for (Candidate c : candidates) {
                if (c.isEnterpriseLevel() && c.role().scope() == RoleScope.ENTERPRISE
                        && (c.role().fullAccess() || RoleDefinition.ENTERPRISE_ADMIN.equals(c.role().code()))) {
                    pool.add(c.role());
                }
            }
        }
        Comparator<RoleDefinition> best = Comparator.comparingInt((RoleDefinition r) -> -RolePriorityMatrix.score(r))
                .thenComparing(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(RoleDefinition::name)
                .thenComparingLong(RoleDefinition::id);
        return pool.stream().min(best);
    }

    private static List<RoleDefinition> rolePool(Random random) {
        List<RoleDefinition> pool = new ArrayList<>(BuiltInRoles.ALL);
        int customs = random.nextInt(8);
        for (int i = 0; i < customs; i++) {
            pool.add(randomRole(random, 100 + i));
        }
        return pool;
    }

    private static RoleDefinition randomRole(Random random, long id) {
        EnumSet<Permission> perms = EnumSet.noneOf(Permission.class);
        Permission[] all = Permission.values();
        // few permissions, drawn from a narrow range, so that equal scores are frequent
        int n = random.nextInt(4);
        int from = random.nextBoolean() ? 6 : 8; // 8..11 weigh 40, 40, 20, 20
        for (int i = 0; i < n; i++) {
            perms.add(all[from + random.nextInt(all.length - from)]);
        }
        RoleScope scope = random.nextBoolean() ? RoleScope.ENTERPRISE : RoleScope.SUB_ACCOUNT;
        return RoleDefinition.custom(id, NAMES[random.nextInt(NAMES.length)], scope, perms,
                random.nextInt(3) == 0, scope == RoleScope.ENTERPRISE && random.nextBoolean());
    }

    private static List<Candidate> candidates(Random random, List<RoleDefinition> pool, int n) {
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int where = random.nextInt(5); // 0: enterprise level, 1..3: a sub-account, 4: one not asked about
            Long s = where == 0 ? null : (long) where;
            int builtIns = BuiltInRoles.ALL.size();
            RoleDefinition role = pool.size() > builtIns && random.nextBoolean()
                    ? pool.get(builtIns + random.nextInt(pool.size() - builtIns)) // custom roles: frequent ties
                    : pool.get(random.nextInt(pool.size()));
            list.add(new Candidate(GROUPS[random.nextInt(GROUPS.length)], s, role));
        }
        return list;
    }

    /** A fresh, non-Enterprise-Admin role scoring strictly below {@code bound}; null if none found. */
    private static RoleDefinition lowerRole(Random random, int bound, long id) {
        for (int attempt = 0; attempt < 50; attempt++) {
            RoleDefinition r = randomRole(random, id);
            if (RolePriorityMatrix.score(r) < bound) {
                return r;
            }
        }
        RoleDefinition gm = RoleDefinition.custom(id, "nothing", RoleScope.ENTERPRISE, Set.of(), true, false);
        return RolePriorityMatrix.score(gm) < bound ? gm : null;
    }

    private static RoleDefinition sub(long id, String name, Permission... permissions) {
        return RoleDefinition.custom(id, name, RoleScope.SUB_ACCOUNT, EnumSet.copyOf(List.of(permissions)), false, false);
    }

    private static Candidate ent(String group, RoleDefinition role) {
        return Candidate.enterpriseLevel(group, role);
    }

    private static Candidate at(String group, long subAccountId, RoleDefinition role) {
        return Candidate.subAccount(group, subAccountId, role);
    }
}
