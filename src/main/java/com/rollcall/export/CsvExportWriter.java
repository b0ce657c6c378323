package com.rollcall.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV of one kind: a header row, CRLF line ends, fields quoted when they hold a comma, a quote,
 * CR or LF (quotes doubled). Lists are joined with ';' (emails by their value). Null is an empty field.
 * A field a spreadsheet would take for a formula (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a CR: OWASP's CSV injection) gets a leading single quote, so it opens as the text it is ({@link #neutralised}).
 */
final class CsvExportWriter implements ExportWriter {
    private final Writer out;
    private List<String> columns;

    CsvExportWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void begin() {
    }

    @Override
    public void beginSection(ExportKind kind) throws IOException {
        columns = kind.columns();
        row(columns);
    }

    @Override
    public void record(Map<String, Object> record) throws IOException {
        row(columns.stream().map(c -> text(record.get(c))).toList());
    }

    private void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(neutralised(fields.get(i))));
        }
        out.write("\r\n");
    }

    /**
     * The field with a leading {@code '} when a spreadsheet would run it as a formula: it starts with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return (a display name "=HYPERLINK(...)" sent by an
     * identity provider must reach the admin's spreadsheet as text).
     */
    static String neutralised(String field) {
        if (field.isEmpty()) {
            return field;
        }
        return switch (field.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + field;
            default -> field;
        };
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v instanceof Map<?, ?> m ? text(m.get("value")) : text(v))
                    .collect(Collectors.joining(";"));
        }
        return value.toString();
    }

    @Override
    public void endSection() {
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }
}
