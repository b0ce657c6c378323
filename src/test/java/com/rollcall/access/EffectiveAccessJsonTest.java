package com.rollcall.access;

import static com.rollcall.roles.BuiltInRoles.EDITOR;
import static com.rollcall.roles.BuiltInRoles.ENTERPRISE_ADMIN;
import static com.rollcall.roles.BuiltInRoles.REPORTS_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollcall.roles.Candidate;
import com.rollcall.roles.EffectiveRoleResolver;
import com.rollcall.roles.EffectiveRoles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin API's effective-access document is the view record's JSON, key for key: the console reads the record,
 * the API answers this (AdminEffectiveAccessIT and EffectiveRolesIT read it over HTTP).
 */
class EffectiveAccessJsonTest {
    private static EffectiveAccessView view(List<Candidate> candidates, List<SubAccountView> subAccounts) {
        EffectiveRoles resolved = EffectiveRoleResolver.resolve(candidates, subAccounts.stream().map(SubAccountView::id).toList());
        return new EffectiveAccessView("u1", EffectiveAccessView.Level.of(resolved.enterpriseLevel(), null),
                subAccounts.stream().map(s -> EffectiveAccessView.Level.of(resolved.in(s.id()), s)).toList(), List.of());
    }

    @Test
    void everyLevelWithWinnerCandidatesRuleAndSubAccount() {
        EffectiveAccessView view = view(List.of(Candidate.subAccount("Editors EMEA", 1, EDITOR),
                Candidate.subAccount("Readers EMEA", 1, REPORTS_ONLY), Candidate.enterpriseLevel("Admins", ENTERPRISE_ADMIN)),
                List.of(new SubAccountView(1, "EMEA")));
        String enterpriseAdmin = "{\"id\":1,\"name\":\"Enterprise Admin\",\"scope\":\"ENTERPRISE\",\"score\":960}";
        String editor = "{\"id\":5,\"name\":\"Editor\",\"scope\":\"SUB_ACCOUNT\",\"score\":140}";
        assertEquals("{\"userId\":\"u1\","
                + "\"enterpriseLevel\":{\"role\":" + enterpriseAdmin + ",\"score\":960,\"rule\":\"SINGLE_CANDIDATE\","
                + "\"explanation\":\"Enterprise Admin from group Admins (score 960) wins: the only candidate.\","
                + "\"candidates\":[{\"role\":" + enterpriseAdmin + ",\"score\":960,\"groups\":[\"Admins\"],\"explicit\":true,"
                + "\"setAside\":false,\"asideBecause\":null}]},"
                + "\"subAccounts\":[{\"role\":" + editor + ",\"score\":140,\"rule\":\"EXPLICIT_TAKES_PRECEDENCE\","
                + "\"explanation\":\"Editor from group Editors EMEA (score 140) wins: an explicit mapping to this sub-account "
                + "takes precedence over Enterprise Admin from group Admins (enterprise level), even when lower; "
                + "the highest score among 2 explicit candidates.\","
                + "\"candidates\":[{\"role\":" + editor + ",\"score\":140,\"groups\":[\"Editors EMEA\"],\"explicit\":true,"
                + "\"setAside\":false,\"asideBecause\":null},"
                + "{\"role\":{\"id\":7,\"name\":\"Reports Only\",\"scope\":\"SUB_ACCOUNT\",\"score\":20},\"score\":20,"
                + "\"groups\":[\"Readers EMEA\"],\"explicit\":true,\"setAside\":false,\"asideBecause\":null},"
                + "{\"role\":" + enterpriseAdmin + ",\"score\":960,\"groups\":[\"Admins\"],\"explicit\":false,\"setAside\":true,"
                + "\"asideBecause\":\"EXPLICIT_TAKES_PRECEDENCE\"}],"
                + "\"subAccount\":{\"id\":1,\"name\":\"EMEA\"}}],\"history\":[]}", view.toJson().toString());
    }

    @Test
    void noRoleIsANullRoleWithoutAScore() {
        EffectiveAccessView view = view(List.of(), List.of(new SubAccountView(1, "EMEA")));
        assertEquals("{\"userId\":\"u1\",\"enterpriseLevel\":{\"role\":null,\"rule\":\"NO_CANDIDATE\",\"explanation\":"
                + "\"No role: none of the user's groups maps a role at the enterprise level.\",\"candidates\":[]},"
                + "\"subAccounts\":[{\"role\":null,\"rule\":\"NO_CANDIDATE\",\"explanation\":"
                + "\"No role: none of the user's groups maps a role in this sub-account.\",\"candidates\":[],"
                + "\"subAccount\":{\"id\":1,\"name\":\"EMEA\"}}],\"history\":[]}", view.toJson().toString());
    }

    @Test
    void theRoleHistorySaysWhereWhatAndWhy() {
        EffectiveAccessView view = new EffectiveAccessView("u1", EffectiveAccessView.Level.of(
                EffectiveRoleResolver.resolve(List.of(), List.of()).enterpriseLevel(), null), List.of(), List.of(
                new EffectiveAccessView.HistoryEntry(java.time.Instant.parse("2026-12-05T10:00:00Z"), "in EMEA", "Editor", null,
                        "membership of group 'Writers' changed", "API_CLIENT", "Entra", "req-1", null),
                new EffectiveAccessView.HistoryEntry(java.time.Instant.parse("2026-12-04T10:00:00Z"), "at the enterprise level",
                        null, "Enterprise Admin", "remap job 7: Mapping added", "SYSTEM", "Remap job 7", null, 7L)));
        assertEquals("[{\"changedAt\":\"2026-12-05T10:00:00Z\",\"where\":\"in EMEA\",\"before\":\"Editor\",\"after\":null,"
                + "\"cause\":\"membership of group 'Writers' changed\",\"actorType\":\"API_CLIENT\",\"actorName\":\"Entra\","
                + "\"requestId\":\"req-1\",\"remapJobId\":null},{\"changedAt\":\"2026-12-04T10:00:00Z\",\"where\":"
                + "\"at the enterprise level\",\"before\":null,\"after\":\"Enterprise Admin\",\"cause\":\"remap job 7: "
                + "Mapping added\",\"actorType\":\"SYSTEM\",\"actorName\":\"Remap job 7\",\"requestId\":null,"
                + "\"remapJobId\":7}]", view.toJson().getJsonArray("history").toString());
    }
}
