package com.rollcall.console.access;

import com.rollcall.access.EffectiveAccessService;
import com.rollcall.groups.GroupDirectoryService.MemberRow;
import com.rollcall.groups.GroupDirectoryService;
import com.rollcall.roles.Rule;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * /console/effective-access.xhtml?user=USER: for one user, per sub-account (and at the enterprise level)
 * the winning role, every candidate with the groups it came from and its score, and the rule that decided,
 * in plain words (PRODUCT.md rule 8). Without a user, a search to pick one.
 */
@Named
@ViewScoped
public class EffectiveAccessBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One candidate role at one level. */
    public record CandidateView(String roleName, int score, String groups, boolean explicit, boolean setAside,
            boolean winner, boolean enterpriseLevel) implements Serializable {
        /** How the user reaches it, in words. */
        public String how() {
            if (setAside) {
                return "set aside: an explicit mapping takes precedence";
            }
            if (enterpriseLevel) {
                return "mapped at the enterprise level";
            }
            return explicit ? "mapped to this sub-account" : "inherited from the enterprise level";
        }
    }

    /** The resolution at one level: a sub-account, or the enterprise level. */
    public record LevelView(String where, boolean enterpriseLevel, String roleName, Integer score, String rule,
            String ruleText, String explanation, List<CandidateView> candidates) implements Serializable {
        public boolean hasRole() {
            return roleName != null;
        }
    }

    @Inject
    private transient EffectiveAccessService access;

    @Inject
    private transient GroupDirectoryService directory;

    @Inject
    private transient ConsoleActions actions;

    private String user;
    private MemberRow subject;
    private LevelView enterpriseLevel;
    private List<LevelView> subAccounts = List.of();
    private String query;
    private List<MemberRow> matches;

    public void open() {
        if (user == null || user.isBlank()) {
            return;
        }
        subject = directory.user(actions.enterpriseId(), user).orElse(null);
        if (subject == null) {
            return;
        }
        JsonObject json = actions.attempt(null, () -> access.effectiveAccess(actions.enterpriseId(), user));
        if (json == null) {
            subject = null;
            return;
        }
        enterpriseLevel = level("Enterprise level", true, json.getJsonObject("enterpriseLevel"));
        List<LevelView> levels = new ArrayList<>();
        for (JsonValue entry : json.getJsonArray("subAccounts")) {
            JsonObject o = entry.asJsonObject();
            levels.add(level(o.getJsonObject("subAccount").getString("name"), false, o));
        }
        subAccounts = levels;
    }

    public void search() {
        matches = directory.findUsers(actions.enterpriseId(), query, 25);
    }

    static LevelView level(String where, boolean enterpriseLevel, JsonObject o) {
        boolean hasRole = !o.isNull("role");
        List<CandidateView> candidates = new ArrayList<>();
        boolean first = true;
        for (JsonValue value : o.getJsonArray("candidates")) {
            JsonObject c = value.asJsonObject();
            List<String> groups = c.getJsonArray("groups").stream().map(g -> ((JsonString) g).getString()).toList();
            candidates.add(new CandidateView(c.getJsonObject("role").getString("name"), c.getInt("score"),
                    String.join(", ", groups), c.getBoolean("explicit"), c.getBoolean("setAside"), first && hasRole,
                    enterpriseLevel));
            first = false;
        }
        String rule = o.getString("rule");
        return new LevelView(where, enterpriseLevel, hasRole ? o.getJsonObject("role").getString("name") : null,
                hasRole ? o.getInt("score") : null, rule, ruleText(rule), o.getString("explanation"), candidates);
    }

    /** The deciding rule's name in plain words. */
    static String ruleText(String rule) {
        Rule known;
        try {
            known = Rule.valueOf(rule);
        } catch (IllegalArgumentException e) {
            return rule;
        }
        return switch (known) {
            case NO_CANDIDATE -> "No group maps a role here";
            case SINGLE_CANDIDATE -> "The only candidate";
            case EXPLICIT_OVERRIDES_ENTERPRISE_ADMIN -> "An explicit mapping beats an inherited Enterprise Admin";
            case HIGHEST_SCORE -> "The highest power score wins";
            case TIE_BROKEN_BY_NAME -> "Equal scores: the name first alphabetically wins";
        };
    }

    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public MemberRow getSubject() { return subject; }
    public LevelView getEnterpriseLevel() { return enterpriseLevel; }
    public List<LevelView> getSubAccounts() { return subAccounts; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<MemberRow> getMatches() { return matches; }
}
