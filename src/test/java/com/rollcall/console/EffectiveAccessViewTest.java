package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.access.EffectiveAccessView;
import com.rollcall.access.SubAccountView;
import com.rollcall.console.EffectiveAccessBacking.LevelView;
import com.rollcall.roles.BuiltInRoles;
import com.rollcall.roles.ConsideredCandidate;
import com.rollcall.roles.Rule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The effective-access page turns the service's view into rows without losing a candidate or the rule. */
class EffectiveAccessViewTest {
    @Test
    void winnerFirstThenOthersWithHowTheyCame() {
        EffectiveAccessView.Level level = new EffectiveAccessView.Level(new SubAccountView(7, "EMEA"), BuiltInRoles.EDITOR,
                140, Rule.EXPLICIT_TAKES_PRECEDENCE, "Editor wins.", List.of(
                        new EffectiveAccessView.Candidate(BuiltInRoles.EDITOR, 140, List.of("Editors", "Writers"), true, null),
                        new EffectiveAccessView.Candidate(BuiltInRoles.ENTERPRISE_ADMIN, 960, List.of("Admins"), false,
                                ConsideredCandidate.Aside.EXPLICIT_TAKES_PRECEDENCE),
                        new EffectiveAccessView.Candidate(BuiltInRoles.INTEGRATIONS_MANAGER, 80, List.of("Ops"), false,
                                ConsideredCandidate.Aside.NO_SUB_ACCOUNT_ACCESS)));
        LevelView view = EffectiveAccessBacking.level("EMEA", level);
        assertEquals("Editor", view.roleName());
        assertEquals(140, view.score());
        assertFalse(view.enterpriseLevel());
        assertEquals("An explicit mapping here takes precedence over the enterprise level", view.ruleText());
        assertEquals(3, view.candidates().size());
        assertTrue(view.candidates().get(0).winner());
        assertEquals("Editors, Writers", view.candidates().get(0).groups());
        assertEquals("mapped to this sub-account", view.candidates().get(0).how());
        assertFalse(view.candidates().get(1).winner());
        assertEquals("set aside: an explicit mapping to this sub-account takes precedence", view.candidates().get(1).how());
        assertEquals("gives nothing here: this enterprise role has no access to sub-accounts", view.candidates().get(2).how());
    }

    @Test
    void noRoleHasNoWinner() {
        EffectiveAccessView.Level level = new EffectiveAccessView.Level(null, null, null, Rule.NO_CANDIDATE, "No role.",
                List.of());
        LevelView view = EffectiveAccessBacking.level("Enterprise level", level);
        assertFalse(view.hasRole());
        assertTrue(view.enterpriseLevel());
        assertNull(view.score());
        assertEquals("No group maps a role here", view.ruleText());
    }

    @Test
    void everyRuleHasPlainWords() {
        Arrays.stream(Rule.values()).forEach(rule ->
                assertFalse(EffectiveAccessBacking.ruleText(rule).equals(rule.name()), rule.name()));
    }
}
