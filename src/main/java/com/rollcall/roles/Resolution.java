package com.rollcall.roles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The effective role of a user at one level (a sub-account, or the enterprise level), and why.
 *
 * @param subAccountId the sub-account; {@code null} for the enterprise-level resolution
 * @param candidates   every distinct candidate role: first those considered, in priority order
 *                     (the winner first), then those set aside by the Enterprise Admin rule
 * @param decided      the rule that picked the winner
 */
public record Resolution(Long subAccountId, List<ConsideredCandidate> candidates, Rule decided) {

    public Resolution {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(decided, "decided");
        if ((decided == Rule.NO_CANDIDATE) != candidates.isEmpty()) {
            throw new IllegalArgumentException("NO_CANDIDATE exactly when there are no candidates");
        }
    }

    /** The winning candidate, with its groups; empty when the user has no role here. */
    public Optional<ConsideredCandidate> winningCandidate() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** The effective role; empty when the user has no role here. */
    public Optional<RoleDefinition> winner() {
        return winningCandidate().map(ConsideredCandidate::role);
    }

    /** The winner's power score; empty when the user has no role here. */
    public OptionalInt score() {
        return candidates.isEmpty() ? OptionalInt.empty() : OptionalInt.of(candidates.get(0).score());
    }

    public boolean hasRole() {
        return !candidates.isEmpty();
    }

    /** The candidates that competed (all of them unless the Enterprise Admin rule set some aside). */
    public List<ConsideredCandidate> considered() {
        return candidates.stream().filter(c -> !c.setAside()).toList();
    }

    /** The candidates the Enterprise Admin rule set aside. */
    public List<ConsideredCandidate> setAside() {
        return candidates.stream().filter(ConsideredCandidate::setAside).toList();
    }

    /**
     * In plain words, e.g. {@code "Editor from group Sales EMEA (score 140) wins: the highest score
     * among 3 candidates"}.
     */
    public String explanation() {
        String where = subAccountId == null ? "at the enterprise level" : "in this sub-account";
        if (decided == Rule.NO_CANDIDATE) {
            return "No role: none of the user's groups maps a role " + where + ".";
        }
        ConsideredCandidate w = candidates.get(0);
        List<ConsideredCandidate> competing = considered();
        String head = w.describe() + " wins: ";
        return switch (decided) {
            case SINGLE_CANDIDATE -> head + "the only candidate.";
            case HIGHEST_SCORE -> head + "the highest score among " + competing.size() + " candidates.";
            case TIE_BROKEN_BY_NAME -> head + tie(competing, "");
            case EXPLICIT_OVERRIDES_ENTERPRISE_ADMIN -> head
                    + "an explicit mapping to this sub-account takes precedence over the inherited Enterprise Admin ("
                    + setAside().stream().filter(c -> c.role().isEnterpriseAdmin()).findFirst()
                            .map(ConsideredCandidate::sources).orElse("enterprise level")
                    + "), even when lower; " + amongExplicit(competing);
            case NO_CANDIDATE -> throw new AssertionError();
        };
    }

    private static String amongExplicit(List<ConsideredCandidate> competing) {
        if (competing.size() == 1) {
            return "it is the only explicit candidate.";
        }
        if (competing.get(0).score() == competing.get(1).score()) {
            return tie(competing, " explicit");
        }
        return "the highest score among " + competing.size() + " explicit candidates.";
    }

    private static String tie(List<ConsideredCandidate> competing, String kind) {
        int top = competing.get(0).score();
        long tied = competing.stream().filter(c -> c.score() == top).count();
        return tied + kind + " candidates share the highest score (" + top + ") among " + competing.size()
                + "; \"" + competing.get(0).role().name()
                + "\" comes first by name (case-insensitive, locale-independent).";
    }
}
