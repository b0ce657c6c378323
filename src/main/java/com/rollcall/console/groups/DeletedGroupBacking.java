package com.rollcall.console.groups;

import com.rollcall.access.DeletedGroupService;
import com.rollcall.access.DeletedGroupView;
import com.rollcall.access.KeptMappingView;
import com.rollcall.access.RestoreOutcome;
import com.rollcall.access.RestoreTarget;
import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * /console/groups/deleted.xhtml?id=GROUP: a group the identity provider deleted, its kept mappings, and the two
 * decisions: <em>Restore mappings onto a group</em> (the live group the IdP created with the same externalId, or the
 * same name, is offered first; any other can be found by name) and <em>Discard</em> (after a confirmation).
 */
@Named
@ViewScoped
public class DeletedGroupBacking implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int SEARCH_LIMIT = 20;

    @Inject
    private DeletedGroupService service;

    @Inject
    private ConsoleSession session;

    private String id;
    private DeletedGroupView group;
    private List<RestoreTarget> suggestions = List.of();
    private List<RestoreTarget> found = List.of();
    private List<RestoreTarget> targets = List.of();
    private String targetId;
    private String search;
    private boolean discarding;

    /** f:viewAction: an unknown (or live, or foreign) group is the styled 404. */
    public void open() {
        group = service.deletedGroup(session.enterpriseId(), id).orElse(null);
        if (group == null) {
            com.rollcall.console.NotFound.send();
            return;
        }
        if (group.keptMappings().isEmpty()) {
            return;
        }
        suggestions = service.suggestedTargets(session.enterpriseId(), id);
        targets = merge(suggestions, found);
        if (targetId == null && !suggestions.isEmpty()) {
            targetId = suggestions.get(0).scimId();
        }
    }

    /** Finds live groups by name and adds them to the choices, after the suggestions. */
    public void findTargets() {
        found = service.findTargets(session.enterpriseId(), search, SEARCH_LIMIT);
        targets = merge(suggestions, found);
        if (found.isEmpty()) {
            Feedback.fieldError("restore-form:search", "No live group's name contains “" + (search == null ? "" : search.trim())
                    + "”.");
        } else if (targetId == null || targets.stream().noneMatch(t -> t.scimId().equals(targetId))) {
            targetId = found.get(0).scimId();
        }
    }

    private static List<RestoreTarget> merge(List<RestoreTarget> first, List<RestoreTarget> then) {
        Map<String, RestoreTarget> all = new LinkedHashMap<>();
        first.forEach(t -> all.put(t.scimId(), t));
        then.forEach(t -> all.putIfAbsent(t.scimId(), t));
        return new ArrayList<>(all.values());
    }

    /** Restores the kept mappings onto the chosen group, then shows that group (and its remap job, if any). */
    public String restore() {
        if (targetId == null || targetId.isBlank()) {
            Feedback.fieldError("restore-form:target", "Choose the group to restore the mappings onto.");
            return null;
        }
        RestoreOutcome outcome = Feedback.attempt("restore-form:target",
                () -> service.restore(session.actor(), id, targetId));
        if (outcome == null) {
            return null;
        }
        Feedback.info(restoredText(group.displayName(), outcome));
        Feedback.keepForRedirect();
        return "/console/groups/detail.xhtml?faces-redirect=true&id=" + outcome.targetScimId();
    }

    static String restoredText(String from, RestoreOutcome outcome) {
        StringBuilder text = new StringBuilder();
        int restored = outcome.restored().size();
        text.append(restored == 0 ? "Restored no mapping" : "Restored " + mappings(restored) + " (" + describe(outcome.restored())
                + ")").append(" from the deleted group “").append(from).append("” onto “").append(outcome.targetDisplayName())
                .append("”.");
        if (!outcome.skipped().isEmpty()) {
            text.append(" Skipped ").append(mappings(outcome.skipped().size())).append(" the group already had (")
                    .append(describe(outcome.skipped())).append(").");
        }
        if (outcome.remapJobId() != null) {
            text.append(" The group is large: its members' effective roles are being updated in the background.");
        } else if (restored > 0) {
            text.append(outcome.usersChanged() == 0 ? " No user's effective role changed."
                    : " The effective role of "
                            + com.rollcall.platform.text.Plural.count(outcome.usersChanged(), "user") + " changed.");
        }
        return text.toString();
    }

    private static String mappings(int n) {
        return com.rollcall.platform.text.Plural.count(n, "mapping");
    }

    private static String describe(List<KeptMappingView> mappings) {
        return mappings.stream().map(KeptMappingView::describe).collect(Collectors.joining(", "));
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public void askDiscard() {
        discarding = true;
    }

    public void cancelDiscard() {
        discarding = false;
    }

    /** Deletes the kept mappings for good, then goes back to the list. */
    public String confirmDiscard() {
        discarding = false;
        List<KeptMappingView> discarded = Feedback.attempt(() -> service.discard(session.actor(), id));
        if (discarded == null) {
            return null;
        }
        Feedback.info("Discarded " + mappings(discarded.size()) + " kept from the deleted group “" + group.displayName()
                + "” (" + describe(discarded) + ").");
        Feedback.keepForRedirect();
        return "/console/groups/list.xhtml?faces-redirect=true";
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public DeletedGroupView getGroup() { return group; }
    public List<RestoreTarget> getSuggestions() { return suggestions; }
    public List<RestoreTarget> getTargets() { return targets; }
    public String getTargetId() { return targetId; }
    public void setTargetId(String targetId) { this.targetId = targetId; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public boolean isDiscarding() { return discarding; }
}
