package com.rollcall.scim.schema;

/** How unique an attribute's value must be (RFC 7643 §7 "uniqueness"). */
public enum Uniqueness {
    NONE("none"),
    /** Unique within the service provider's tenant (for Rollcall: within one enterprise). */
    SERVER("server"),
    GLOBAL("global");

    private final String wire;

    Uniqueness(String wire) {
        this.wire = wire;
    }

    /** The name used in schema documents, e.g. {@code "server"}. */
    public String wire() {
        return wire;
    }
}
