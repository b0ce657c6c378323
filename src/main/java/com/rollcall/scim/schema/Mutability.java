package com.rollcall.scim.schema;

/** Whether and how a client may change an attribute (RFC 7643 §7 "mutability"). */
public enum Mutability {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    /** May be set when the resource (or the multi-valued element) is created, never changed after. */
    IMMUTABLE("immutable"),
    /** May be written, is never returned. */
    WRITE_ONLY("writeOnly");

    private final String wire;

    Mutability(String wire) {
        this.wire = wire;
    }

    /** The name used in schema documents, e.g. {@code "readOnly"}. */
    public String wire() {
        return wire;
    }
}
