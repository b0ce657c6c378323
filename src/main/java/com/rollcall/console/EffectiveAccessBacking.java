package com.rollcall.console;

import com.rollcall.access.EffectiveAccessService;
import com.rollcall.access.EffectiveAccessView;
import com.rollcall.groups.GroupDirectoryService.MemberRow;
import com.rollcall.groups.GroupDirectoryService;
import com.rollcall.roles.Rule;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import com.rollcall.groups.GroupDirectoryService.GroupRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
    public record CandidateView(String roleName, int score, String groups, boolean explicit, String asideBecause,
            boolean winner, boolean enterpriseLevel, List<String> groupNames) implements Serializable {
        public boolean isSetAside() {
            return asideBecause != null;
        }

        /** How the user reaches it, in words. */
        public String how() {
            if ("EXPLICIT_TAKES_PRECEDENCE".equals(asideBecause)) {
                return "set aside: an explicit mapping to this sub-account takes precedence";
            }
            if ("NO_SUB_ACCOUNT_ACCESS".equals(asideBecause)) {
                return "gives nothing here: this enterprise role has no access to sub-accounts";
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
    private EffectiveAccessService access;

    @Inject
    private GroupDirectoryService directory;

    @Inject
    private ConsoleSession session;

    private String user;
    private MemberRow subject;
    private LevelView enterpriseLevel;
    private List<LevelView> subAccounts = List.of();
    private List<EffectiveAccessView.HistoryEntry> history = List.of();
    private String query;
    private List<MemberRow> matches;
    private List<GroupRow> groups = List.of();
    /** The user's groups by name, for the names that only one of them has (group names need not be unique). */
    private HashMap<String, String> groupIds = new HashMap<>();

    public void open() {
        if (user == null || user.isBlank()) {
            return;
        }
        subject = directory.user(session.enterpriseId(), user).orElse(null);
        if (subject == null) {
            return;
        }
        EffectiveAccessView view = Feedback.attempt(() -> access.effectiveAccess(session.enterpriseId(), user));
        if (view == null) {
            subject = null;
            return;
        }
        groups = directory.groupsOfUser(session.enterpriseId(), user);
        Map<String, Long> named = groups.stream().collect(Collectors.groupingBy(GroupRow::displayName, Collectors.counting()));
        groupIds = new HashMap<>();
        groups.stream().filter(g -> named.get(g.displayName()) == 1).forEach(g -> groupIds.put(g.displayName(), g.scimId()));
        enterpriseLevel = level("Enterprise level", view.enterpriseLevel());
        history = view.history();
        subAccounts = view.subAccounts().stream().map(l -> level(l.subAccount().name(), l)).toList();
    }

    public void search() {
        matches = directory.findUsers(session.enterpriseId(), query, 25);
    }

    /** A level as the page shows it: the enterprise level when the resolution names no sub-account. */
    static LevelView level(String where, EffectiveAccessView.Level level) {
        boolean enterpriseLevel = level.subAccount() == null;
        List<CandidateView> candidates = new ArrayList<>();
        for (EffectiveAccessView.Candidate c : level.candidates()) {
            candidates.add(new CandidateView(c.role().name(), c.score(), String.join(", ", c.groups()), c.explicit(),
                    c.aside() == null ? null : c.aside().name(), candidates.isEmpty() && level.hasRole(), enterpriseLevel,
                    List.copyOf(c.groups())));
        }
        return new LevelView(where, enterpriseLevel, level.hasRole() ? level.winner().name() : null, level.score(),
                level.rule().name(), ruleText(level.rule()), level.explanation(), candidates);
    }

    /** The deciding rule's name in plain words. */
    static String ruleText(Rule rule) {
        return switch (rule) {
            case NO_CANDIDATE -> "No group maps a role here";
            case SINGLE_CANDIDATE -> "The only candidate";
            case HIGHEST_SCORE -> "The highest power score wins";
            case TIE_BROKEN_BY_NAME -> "Equal scores: the name first alphabetically wins";
            case EXPLICIT_TAKES_PRECEDENCE -> "An explicit mapping here takes precedence over the enterprise level";
            case INHERITED_FULL_ACCESS -> "Inherited: an enterprise role with access to all sub-accounts";
            case NOTHING_INHERITED -> "The enterprise roles give nothing inside sub-accounts";
        };
    }

    /** The user's groups, by name, each linked to its page. */
    public List<GroupRow> getGroups() { return groups; }

    /** The page of the user's group of this name, or null when the name is not one group's alone. */
    public String groupId(String displayName) {
        return groupIds.get(displayName);
    }

    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public MemberRow getSubject() { return subject; }
    public LevelView getEnterpriseLevel() { return enterpriseLevel; }
    public List<LevelView> getSubAccounts() { return subAccounts; }
    public List<EffectiveAccessView.HistoryEntry> getHistory() { return history; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<MemberRow> getMatches() { return matches; }
}
