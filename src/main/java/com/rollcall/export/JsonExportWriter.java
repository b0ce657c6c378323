package com.rollcall.export;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code {"users": [...], "groups": [...], ...}} written with a streaming generator. */
final class JsonExportWriter implements ExportWriter {
    private final JsonGenerator json;

    private final ExportFile file;

    JsonExportWriter(OutputStream out, ExportFile file) {
        this.json = ScimJson.PROVIDER.createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.file = file;
    }

    /** Opens the document with what it is: the format version, when it was exported (UTC) and whose it is. */
    @Override
    public void begin() {
        json.writeStartObject();
        json.write("formatVersion", ExportFile.FORMAT_VERSION);
        json.write("exportedAt", file.exportedAt().toString());
        json.writeStartObject("enterprise");
        json.write("id", Long.toString(file.enterpriseId()));
        if (file.enterpriseName() == null) {
            json.writeNull("name");
        } else {
            json.write("name", file.enterpriseName());
        }
        json.writeEnd();
    }

    @Override
    public void beginSection(ExportKind kind) {
        json.writeStartArray(kind.wireName());
    }

    @Override
    public void record(Map<String, Object> record) {
        writeObject(record);
    }

    private void writeObject(Map<?, ?> record) {
        json.writeStartObject();
        record.forEach((name, value) -> {
            json.writeKey((String) name);
            writeValue(value);
        });
        json.writeEnd();
    }

    private void writeValue(Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.write(b);
        } else if (value instanceof Long || value instanceof Integer) {
            json.write(((Number) value).longValue());
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            list.forEach(this::writeValue);
            json.writeEnd();
        } else {
            json.write(value.toString());
        }
    }

    @Override
    public void endSection() {
        json.writeEnd();
    }

    @Override
    public void end() {
        json.writeEnd();
        json.flush();
    }
}
