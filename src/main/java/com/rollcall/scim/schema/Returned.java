package com.rollcall.scim.schema;

/** When an attribute appears in a response (RFC 7643 §7 "returned", RFC 7644 §3.9). */
public enum Returned {
    /** In every response, whatever {@code attributes} or {@code excludedAttributes} say. */
    ALWAYS("always"),
    /** In no response. */
    NEVER("never"),
    /** Unless excluded, or unless {@code attributes} lists other attributes only. */
    DEFAULT("default"),
    /** Only when listed in {@code attributes}. */
    REQUEST("request");

    private final String wire;

    Returned(String wire) {
        this.wire = wire;
    }

    /** The name used in schema documents, e.g. {@code "always"}. */
    public String wire() {
        return wire;
    }
}
