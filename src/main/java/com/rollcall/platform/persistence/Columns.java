package com.rollcall.platform.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Column values as native queries return them, whatever the driver (MySQL, MariaDB, H2). */
public final class Columns {
    private Columns() {
    }

    /** A BOOLEAN column: a Boolean, or a number (TINYINT) on some drivers; null stays false. */
    public static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    public static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** A nullable numeric column. */
    public static Long nullableNumber(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** A DATETIME column holding UTC (Timestamp, LocalDateTime or Instant), as an Instant; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i;
        }
        return new UtcInstantConverter().convertToEntityAttribute(value);
    }
}
