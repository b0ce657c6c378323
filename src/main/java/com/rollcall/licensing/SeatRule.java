package com.rollcall.licensing;

import java.util.Collection;

/**
 * PRODUCT.md rule 5, in one place: who needs a license. Every active, live user does, unless every role they
 * hold consumes none (an Enterprise Integrations Manager only): then they are exempt. Users (on create,
 * (de)activation, deletion) and access (when effective roles change) both ask here.
 */
public final class SeatRule {
    private SeatRule() {
    }

    /** Whether a user in this state needs a seat. */
    public static boolean needsSeat(boolean active, boolean live, boolean exempt) {
        return active && live && !exempt;
    }

    /**
     * Whether a user holding roles that consume a license or not ({@code consumes}, one entry per role) is
     * exempt: only when they hold at least one role and none consumes a license.
     */
    public static boolean exempt(Collection<Boolean> consumes) {
        return !consumes.isEmpty() && consumes.stream().noneMatch(Boolean::booleanValue);
    }
}
