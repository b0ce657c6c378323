package com.rollcall.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScimMetricsTest {
    @ParameterizedTest
    @CsvSource({
        "GET, '', GET /",
        "GET, Users, GET /Users",
        "GET, Users/2819c223, GET /Users/{id}",
        "PATCH, Groups/abc, PATCH /Groups/{id}",
        "POST, Users/.search, POST /Users/.search",
        "POST, .search, POST /.search",
        "GET, Users/a/b, GET /Users/other",
        "GET, application.wadl, GET other",
        "PROPFIND, Users, OTHER /Users",
    })
    void operationsAreAFixedSet(String method, String path, String operation) {
        assertEquals(operation, ScimMetrics.operation(method, segments(path)));
    }

    private static List<PathSegment> segments(String path) {
        return Arrays.stream(path.split("/", -1)).map(ScimMetricsTest::segment).toList();
    }

    private static PathSegment segment(String text) {
        return new PathSegment() {
            @Override
            public String getPath() {
                return text;
            }

            @Override
            public MultivaluedMap<String, String> getMatrixParameters() {
                return new MultivaluedHashMap<>();
            }
        };
    }
}
