package com.rollcall.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UtcInstantConverterTest {
    private final UtcInstantConverter converter = new UtcInstantConverter();

    @ParameterizedTest
    @CsvSource({
            "2026-11-23T05:58:56.593Z, 2026-11-23 05:58:56.593",
            "2026-11-23T05:58:56Z,     2026-11-23 05:58:56.000",
            "1999-12-31T23:59:59.999Z, 1999-12-31 23:59:59.999"})
    void writesUtcLiteralsWithMilliseconds(String instant, String literal) {
        assertEquals(literal, converter.convertToDatabaseColumn(Instant.parse(instant)));
        assertEquals(Instant.parse(instant), converter.convertToEntityAttribute(literal));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-23T05:58:56.593,  2026-11-23T05:58:56.593Z",
            "2026-11-23T05:58,         2026-11-23T05:58:00Z",
            "'2026-11-23 05:58:56.5 ', 2026-11-23T05:58:56.500Z"})
    void readsWhatDriversHandBack(String stored, String instant) {
        assertEquals(Instant.parse(instant), converter.convertToEntityAttribute(stored));
    }

    @org.junit.jupiter.api.Test
    void readsDriverTemporalTypesAsUtcWallClock() {
        java.time.LocalDateTime wall = java.time.LocalDateTime.of(2026, 11, 23, 5, 58, 56, 593_000_000);
        assertEquals(Instant.parse("2026-11-23T05:58:56.593Z"), converter.convertToEntityAttribute(wall));
        assertEquals(Instant.parse("2026-11-23T05:58:56.593Z"),
                converter.convertToEntityAttribute(java.sql.Timestamp.valueOf(wall)));
    }
}
