package com.rollcall.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every {@link Instant} is stored in a {@code DATETIME(3)} column as UTC wall-clock time, bound as the
 * literal {@code yyyy-MM-dd HH:mm:ss.SSS}. A literal, because Connector/J drops the milliseconds of
 * Timestamp and LocalDateTime parameters when MariaDB announces itself as "5.5.5-10.x" (below MySQL
 * 5.6.4); a literal keeps them on MySQL, MariaDB and H2 alike and never passes through a time zone.
 */
@Converter(autoApply = true)
public class UtcInstantConverter implements AttributeConverter<Instant, Object> {
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : SQL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * Reads what the driver hands back for a DATETIME: a LocalDateTime (Connector/J), a Timestamp (H2),
     * or text such as "2026-01-01 10:00:00.742" or "2026-01-01T10:00:00.742". All are UTC wall-clock.
     */
    @Override
    public Instant convertToEntityAttribute(Object value) {
        if (value == null) {
            return null;
        }
        LocalDateTime utc;
        if (value instanceof LocalDateTime local) {
            utc = local;
        } else if (value instanceof Timestamp timestamp) {
            utc = timestamp.toLocalDateTime();
        } else {
            utc = LocalDateTime.parse(value.toString().trim().replace(' ', 'T'));
        }
        return utc.toInstant(ZoneOffset.UTC);
    }
}
