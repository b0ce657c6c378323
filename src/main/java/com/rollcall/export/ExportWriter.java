package com.rollcall.export;

import java.io.IOException;
import java.util.Map;

/** Where export records go, one at a time, in the order read. */
public interface ExportWriter {
    void begin() throws IOException;

    void beginSection(ExportKind kind) throws IOException;

    /** One record: values are String, Boolean, Number, null, a List of those, or a List of Maps (emails). */
    void record(Map<String, Object> record) throws IOException;

    void endSection() throws IOException;

    void end() throws IOException;
}
