package com.rollcall.scim.schema;

/** The data type of a SCIM attribute (RFC 7643 §2.3), with its wire name. */
public enum AttributeType {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATE_TIME("dateTime"),
    BINARY("binary"),
    REFERENCE("reference"),
    COMPLEX("complex");

    private final String wire;

    AttributeType(String wire) {
        this.wire = wire;
    }

    /** The name used in schema documents, e.g. {@code "dateTime"}. */
    public String wire() {
        return wire;
    }
}
