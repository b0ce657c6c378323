package com.rollcall.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What an export says about itself: its file name carries the enterprise and the UTC time of the export
 * ({@code rollcall-acme-backup-20260301T140509Z.json}), and the JSON document opens with the same time, the format
 * version and the enterprise, so a file found later says what it is.
 */
public record ExportFile(long enterpriseId, String enterpriseName, Instant exportedAt, String fileName) {
    /**
     * The JSON document's format: 2 added {@code formatVersion}, {@code exportedAt}, {@code enterprise} and the groups'
     * {@code memberUserNames}; 1 (no {@code formatVersion}) had only the four sections.
     */
    public static final int FORMAT_VERSION = 2;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static ExportFile of(long enterpriseId, String enterpriseName, Instant at, List<ExportKind> kinds, boolean csv) {
        String what = kinds.size() == 1 ? kinds.get(0).wireName() : "backup";
        return new ExportFile(enterpriseId, enterpriseName, at, "rollcall-" + slug(enterpriseName, enterpriseId) + "-" + what
                + "-" + STAMP.format(at) + (csv ? ".csv" : ".json"));
    }

    /** The enterprise's name as a file name part: lower-case letters, digits and dashes ("Acme, Inc." → "acme-inc"). */
    static String slug(String name, long enterpriseId) {
        String slug = name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "enterprise-" + enterpriseId : slug;
    }

    /** The Content-Disposition header value. */
    public String contentDisposition() {
        return "attachment; filename=\"" + fileName + "\"";
    }
}
