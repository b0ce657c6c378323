package com.rollcall.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportFileTest {
    private static final Instant AT = Instant.parse("2026-03-01T14:05:09Z");

    @Test
    void fileNamesCarryTheEnterpriseAndTheUtcTime() {
        assertEquals("rollcall-acme-inc-backup-20260301T140509Z.json",
                ExportFile.of(7, "Acme, Inc.", AT, List.of(ExportKind.values()), false).fileName());
        assertEquals("rollcall-acme-inc-groups-20260301T140509Z.csv",
                ExportFile.of(7, "Acme, Inc.", AT, List.of(ExportKind.GROUPS), true).fileName());
        assertEquals("attachment; filename=\"rollcall-acme-inc-users-20260301T140509Z.csv\"",
                ExportFile.of(7, "Acme, Inc.", AT, List.of(ExportKind.USERS), true).contentDisposition());
    }

    @Test
    void enterpriseNamesBecomeSafeFileNameParts() {
        assertEquals("societe-generale", ExportFile.slug("Société Générale", 1));
        assertEquals("enterprise-42", ExportFile.slug("\"/\\;", 42), "nothing left: the id");
        assertEquals("enterprise-42", ExportFile.slug(null, 42));
        assertEquals("a".repeat(40), ExportFile.slug("a".repeat(60), 1));
    }
}
