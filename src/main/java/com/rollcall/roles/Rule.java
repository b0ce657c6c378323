package com.rollcall.roles;

/** Which rule of PRODUCT.md rule 8 picked the effective role. */
public enum Rule {
    /** None of the user's groups maps a role here: the user has no role. */
    NO_CANDIDATE,
    /** Exactly one role was a candidate. */
    SINGLE_CANDIDATE,
    /**
     * The user inherits Enterprise Admin from the enterprise level but is explicitly mapped to
     * this sub-account: only the explicit mappings count, even if lower.
     */
    EXPLICIT_OVERRIDES_ENTERPRISE_ADMIN,
    /** Several candidates; one had the strictly highest score. */
    HIGHEST_SCORE,
    /** Several candidates shared the highest score; the name first alphabetically won. */
    TIE_BROKEN_BY_NAME
}
