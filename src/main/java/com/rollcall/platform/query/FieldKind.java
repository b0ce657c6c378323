package com.rollcall.platform.query;

/** How a filterable attribute is stored, which decides how a literal is compared with it. */
public enum FieldKind {
    /** Text; compared case-insensitively unless the mapping says case-exact. */
    STRING,
    /** A boolean column: only eq / ne / pr. */
    BOOLEAN,
    /** An Instant column: literals must be ISO-8601 date-times. */
    DATE_TIME
}
