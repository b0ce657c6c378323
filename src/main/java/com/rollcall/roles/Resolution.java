package com.rollcall.roles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The effective role of a user at one level (a sub-account, or the enterprise level), and why.
 *
 * @param subAccountId the sub-account; {@code null} for the enterprise-level resolution
 * @param candidates   every distinct candidate role: first those that competed, in priority order (the winner
 *                     first), then those set aside (each with its {@link ConsideredCandidate#aside() reason})
 * @param decided      the rule that decided
 */
public record Resolution(Long subAccountId, List<ConsideredCandidate> candidates, Rule decided) {

    public Resolution {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(decided, "decided");
        if ((decided == Rule.NO_CANDIDATE) != candidates.isEmpty()) {
            throw new IllegalArgumentException("NO_CANDIDATE exactly when there are no candidates");
        }
        boolean anyCompeting = candidates.stream().anyMatch(c -> !c.setAside());
        if (!candidates.isEmpty() && (decided == Rule.NOTHING_INHERITED) == anyCompeting) {
            throw new IllegalArgumentException("NOTHING_INHERITED exactly when every candidate was set aside");
        }
    }

    /** The winning candidate, with its groups; empty when the user has no role here. */
    public Optional<ConsideredCandidate> winningCandidate() {
        return candidates.stream().filter(c -> !c.setAside()).findFirst();
    }

    /** The effective role; empty when the user has no role here. */
    public Optional<RoleDefinition> winner() {
        return winningCandidate().map(ConsideredCandidate::role);
    }

    /** The winner's power score; empty when the user has no role here. */
    public OptionalInt score() {
        return winningCandidate().map(c -> OptionalInt.of(c.score())).orElse(OptionalInt.empty());
    }

    public boolean hasRole() {
        return winningCandidate().isPresent();
    }

    /** The candidates that competed. */
    public List<ConsideredCandidate> considered() {
        return candidates.stream().filter(c -> !c.setAside()).toList();
    }

    /** The candidates set aside (see their reasons). */
    public List<ConsideredCandidate> setAside() {
        return candidates.stream().filter(ConsideredCandidate::setAside).toList();
    }

    /**
     * In plain words, e.g. {@code "Editor from group Sales EMEA (score 140) wins: the highest score among 3
     * candidates."}, naming what the enterprise level gives or does not give here.
     */
    public String explanation() {
        String where = subAccountId == null ? "at the enterprise level" : "in this sub-account";
        if (decided == Rule.NO_CANDIDATE) {
            return "No role: none of the user's groups maps a role " + where + ".";
        }
        if (decided == Rule.NOTHING_INHERITED) {
            return "No role: none of the user's groups maps a role in this sub-account, and " + nothingHere() + ".";
        }
        ConsideredCandidate w = winningCandidate().orElseThrow();
        List<ConsideredCandidate> competing = considered();
        String head = w.describe() + " wins: ";
        String text = switch (decided) {
            case SINGLE_CANDIDATE -> head + "the only candidate.";
            case HIGHEST_SCORE -> head + "the highest score among " + competing.size() + " candidates.";
            case TIE_BROKEN_BY_NAME -> head + tie(competing, "");
            case EXPLICIT_TAKES_PRECEDENCE -> head + "an explicit mapping to this sub-account takes precedence over "
                    + aside(ConsideredCandidate.Aside.EXPLICIT_TAKES_PRECEDENCE).stream().map(c -> c.role().name()
                            + " from " + c.sources()).collect(Collectors.joining(" and "))
                    + ", even when lower; " + among(competing, "explicit");
            case INHERITED_FULL_ACCESS -> head + "no group maps a role in this sub-account, and it is inherited from "
                    + "the enterprise level because it gives access to all sub-accounts" + (competing.size() == 1 ? "."
                    : "; " + among(competing, "such"));
            case NO_CANDIDATE, NOTHING_INHERITED -> throw new AssertionError();
        };
        List<ConsideredCandidate> noAccess = aside(ConsideredCandidate.Aside.NO_SUB_ACCOUNT_ACCESS);
        return noAccess.isEmpty() ? text : text + " " + capitalized(nothingHere()) + ".";
    }

    /** e.g. "Enterprise Integrations Manager (group Ops, enterprise level) gives nothing inside sub-accounts". */
    private String nothingHere() {
        List<ConsideredCandidate> noAccess = aside(ConsideredCandidate.Aside.NO_SUB_ACCOUNT_ACCESS);
        return noAccess.stream().map(c -> c.role().name() + " from " + c.sources()).collect(Collectors.joining(" and "))
                + (noAccess.size() == 1 ? " gives" : " give") + " nothing inside sub-accounts (only an enterprise role "
                + "with access to all sub-accounts is inherited)";
    }

    private List<ConsideredCandidate> aside(ConsideredCandidate.Aside why) {
        return candidates.stream().filter(c -> c.aside() == why).toList();
    }

    private static String among(List<ConsideredCandidate> competing, String kind) {
        if (competing.size() == 1) {
            return "it is the only " + kind + " candidate.";
        }
        if (competing.get(0).score() == competing.get(1).score()) {
            return tie(competing, " " + kind);
        }
        return "the highest score among " + competing.size() + " " + kind + " candidates.";
    }

    private static String tie(List<ConsideredCandidate> competing, String kind) {
        int top = competing.get(0).score();
        long tied = competing.stream().filter(c -> c.score() == top).count();
        return tied + kind + " candidates share the highest score (" + top + ") among " + competing.size()
                + "; \"" + competing.get(0).role().name()
                + "\" comes first by name (case-insensitive, locale-independent).";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
