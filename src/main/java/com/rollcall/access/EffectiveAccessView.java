package com.rollcall.access;

import com.rollcall.platform.rest.JsonFields;
import com.rollcall.roles.ConsideredCandidate;
import com.rollcall.roles.Resolution;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.Rule;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A user's effective access (PRODUCT.md rule 8), explained: at the enterprise level and per sub-account, the
 * winner, every candidate with its groups and score, and the rule that decided. The console reads it as it is;
 * the admin API answers its {@link #toJson()}.
 *
 * @param userId          the user's SCIM id
 * @param enterpriseLevel the enterprise-level resolution
 * @param subAccounts     one resolution per sub-account of the enterprise
 */
public record EffectiveAccessView(String userId, Level enterpriseLevel, List<Level> subAccounts,
        List<HistoryEntry> history) {
    public EffectiveAccessView {
        subAccounts = List.copyOf(subAccounts);
        history = List.copyOf(history);
    }

    /**
     * One change of the user's effective role, newest first: where, before → after (null: no role), what caused it
     * (in words; the request id links it to the audit events of the same request, the remap job to its job).
     */
    public record HistoryEntry(Instant changedAt, String where, String before, String after, String cause,
            String actorType, String actorName, String requestId, Long remapJobId) implements Serializable {
        JsonObject toJson() {
            JsonObjectBuilder json = ScimJson.object().add("changedAt", changedAt.toString()).add("where", where);
            JsonFields.addOrNull(json, "before", before);
            JsonFields.addOrNull(json, "after", after);
            json.add("cause", cause).add("actorType", actorType);
            JsonFields.addOrNull(json, "actorName", actorName);
            JsonFields.addOrNull(json, "requestId", requestId);
            JsonFields.addOrNull(json, "remapJobId", remapJobId);
            return json.build();
        }
    }

    /**
     * The resolution at one level.
     *
     * @param subAccount  the sub-account; null at the enterprise level
     * @param winner      the effective role; null when the user has no role here
     * @param score       the winner's power score; null when the user has no role here
     * @param rule        the rule that decided
     * @param explanation the decision in plain words
     * @param candidates  every candidate, the winner first, then the others, then those set aside
     */
    public record Level(SubAccountView subAccount, RoleDefinition winner, Integer score, Rule rule, String explanation,
            List<Candidate> candidates) {
        public Level {
            candidates = List.copyOf(candidates);
        }

        static Level of(Resolution resolution, SubAccountView subAccount) {
            return new Level(subAccount, resolution.winner().orElse(null),
                    resolution.hasRole() ? resolution.score().getAsInt() : null, resolution.decided(),
                    resolution.explanation(), resolution.candidates().stream().map(Candidate::of).toList());
        }

        public boolean hasRole() {
            return winner != null;
        }

        /** The admin API's form: {@code {role (null = none), score, rule, explanation, candidates[, subAccount]}}. */
        JsonObject toJson() {
            JsonObjectBuilder json = ScimJson.object();
            if (winner == null) {
                json.addNull("role");
            } else {
                json.add("role", RoleViews.roleJson(winner)).add("score", score);
            }
            JsonArrayBuilder list = ScimJson.array();
            candidates.forEach(c -> list.add(c.toJson()));
            json.add("rule", rule.name()).add("explanation", explanation).add("candidates", list);
            if (subAccount != null) {
                json.add("subAccount", RoleViews.subAccountJson(subAccount));
            }
            return json.build();
        }
    }

    /**
     * One candidate role at a level.
     *
     * @param groups   the groups through which the user reaches it, explicit ones first
     * @param explicit whether a group maps it at this level itself (not only inherited from the enterprise level)
     * @param aside    why it did not compete here (null when it did): the sub-account's explicit mappings take
     *                 precedence, or the enterprise role gives nothing inside sub-accounts
     */
    public record Candidate(RoleDefinition role, int score, List<String> groups, boolean explicit,
            ConsideredCandidate.Aside aside) {
        public Candidate {
            groups = List.copyOf(groups);
        }

        static Candidate of(ConsideredCandidate candidate) {
            return new Candidate(candidate.role(), candidate.score(), candidate.groups(), candidate.explicit(),
                    candidate.aside());
        }

        /** Whether it did not compete here. */
        public boolean setAside() {
            return aside != null;
        }

        JsonObject toJson() {
            JsonObjectBuilder json = ScimJson.object().add("role", RoleViews.roleJson(role)).add("score", score)
                    .add("groups", ScimJson.array(groups)).add("explicit", explicit).add("setAside", setAside());
            return (aside == null ? json.addNull("asideBecause") : json.add("asideBecause", aside.name())).build();
        }
    }

    /** The admin API's form: {@code {userId, enterpriseLevel, subAccounts: [{...level, subAccount}], history}}. */
    public JsonObject toJson() {
        JsonArrayBuilder list = ScimJson.array();
        subAccounts.forEach(level -> list.add(level.toJson()));
        JsonArrayBuilder changes = ScimJson.array();
        history.forEach(entry -> changes.add(entry.toJson()));
        return ScimJson.object().add("userId", userId).add("enterpriseLevel", enterpriseLevel.toJson())
                .add("subAccounts", list).add("history", changes).build();
    }
}
