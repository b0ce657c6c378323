package com.rollcall.export;

import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/export}: the backup export, streamed, as JSON or CSV. */
@Path("export")
@Tag(name = "Backup export", description = "Users, groups, roles and mappings as JSON or CSV")
public class ExportResource {
    static final String CSV = "text/csv";

    @Inject
    private BackupExportService exports;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Export a backup", description = "format=json (default): one document "
            + "{users, groups, roles, mappings}, or only the section named by 'what'. format=csv: one kind ('what' is "
            + "required), RFC 4180 with a header row; lists are joined with ';'. Streamed: large enterprises are "
            + "written as they are read.")
    @APIResponse(responseCode = "200", description = "The export, as an attachment")
    @APIResponse(responseCode = "400", description = "invalid_request: unknown format or kind, or csv without 'what'")
    public Response export(
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Parameter(description = "users, groups, roles or mappings; for json may be omitted (all four)") @QueryParam("what") String what) {
        boolean csv = csv(format);
        List<ExportKind> kinds = kinds(what, csv);
        long enterpriseId = requestInfo.enterpriseId();
        ExportFile file = exports.describe(enterpriseId, kinds, csv);
        StreamingOutput body = out -> exports.export(enterpriseId, kinds,
                csv ? new CsvExportWriter(out) : new JsonExportWriter(out, file));
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", file.contentDisposition())
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    static boolean csv(String format) {
        if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("json")) {
            return false;
        }
        if (format.strip().equalsIgnoreCase("csv")) {
            return true;
        }
        throw ScimException.invalidValue("'format' must be json or csv.");
    }

    static List<ExportKind> kinds(String what, boolean csv) {
        if (what == null || what.isBlank()) {
            if (csv) {
                throw ScimException.invalidValue("A CSV export holds one kind: add what=users, groups, roles or mappings.");
            }
            return Arrays.asList(ExportKind.values());
        }
        for (ExportKind kind : ExportKind.values()) {
            if (kind.wireName().equals(what.strip().toLowerCase(Locale.ROOT))) {
                return List.of(kind);
            }
        }
        throw ScimException.invalidValue("'what' must be users, groups, roles or mappings.");
    }
}
