package com.rollcall.console.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.console.access.EffectiveAccessBacking.LevelView;
import com.rollcall.roles.Rule;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The effective-access page reads AccessService's JSON into view rows without losing a candidate or the rule. */
class EffectiveAccessViewTest {
    private static JsonObject role(String name, int score) {
        return ScimJson.object().add("id", 1).add("name", name).add("scope", "SUB_ACCOUNT").add("score", score).build();
    }

    @Test
    void winnerFirstThenOthersWithHowTheyCame() {
        JsonObject level = ScimJson.object().add("role", role("Editor", 140)).add("score", 140)
                .add("rule", "EXPLICIT_OVERRIDES_ENTERPRISE_ADMIN").add("explanation", "Editor wins.")
                .add("candidates", ScimJson.array()
                        .add(ScimJson.object().add("role", role("Editor", 140)).add("score", 140)
                                .add("groups", ScimJson.array().add("Editors").add("Writers")).add("explicit", true).add("setAside", false))
                        .add(ScimJson.object().add("role", role("Enterprise Admin", 960)).add("score", 960)
                                .add("groups", ScimJson.array().add("Admins")).add("explicit", false).add("setAside", true)))
                .build();
        LevelView view = EffectiveAccessBacking.level("EMEA", false, level);
        assertEquals("Editor", view.roleName());
        assertEquals(140, view.score());
        assertEquals("An explicit mapping beats an inherited Enterprise Admin", view.ruleText());
        assertEquals(2, view.candidates().size());
        assertTrue(view.candidates().get(0).winner());
        assertEquals("Editors, Writers", view.candidates().get(0).groups());
        assertEquals("mapped to this sub-account", view.candidates().get(0).how());
        assertFalse(view.candidates().get(1).winner());
        assertEquals("set aside: an explicit mapping takes precedence", view.candidates().get(1).how());
    }

    @Test
    void noRoleHasNoWinner() {
        JsonObject level = ScimJson.object().addNull("role").add("rule", "NO_CANDIDATE")
                .add("explanation", "No role.").add("candidates", ScimJson.array()).build();
        LevelView view = EffectiveAccessBacking.level("Enterprise level", true, level);
        assertFalse(view.hasRole());
        assertNull(view.score());
        assertEquals("No group maps a role here", view.ruleText());
    }

    @Test
    void everyRuleHasPlainWords() {
        Arrays.stream(Rule.values()).forEach(rule ->
                assertFalse(EffectiveAccessBacking.ruleText(rule.name()).equals(rule.name()), rule.name()));
    }
}
