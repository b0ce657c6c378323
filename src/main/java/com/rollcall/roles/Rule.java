package com.rollcall.roles;

/** Which part of PRODUCT.md rule 8 decided the effective role at a level. */
public enum Rule {
    /** None of the user's groups maps a role here, nor at the enterprise level: the user has no role. */
    NO_CANDIDATE,
    /** Exactly one role competed. */
    SINGLE_CANDIDATE,
    /** Several roles competed; one had the strictly highest score. */
    HIGHEST_SCORE,
    /** Several roles shared the highest score; the name first alphabetically won. */
    TIE_BROKEN_BY_NAME,
    /**
     * A sub-account where a group maps a role explicitly: the explicit roles alone compete, and they take
     * precedence over the role the enterprise level would give there, even when lower.
     */
    EXPLICIT_TAKES_PRECEDENCE,
    /**
     * A sub-account no group maps explicitly: the enterprise level's role granting access to all sub-accounts
     * (Enterprise Admin, or a custom enterprise role with full access) is inherited.
     */
    INHERITED_FULL_ACCESS,
    /**
     * A sub-account no group maps explicitly, where the user's enterprise roles grant no access to sub-accounts
     * (Group Manager, Integrations Manager, …): they give nothing here, and the user has no role.
     */
    NOTHING_INHERITED
}
