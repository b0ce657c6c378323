package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChangesTest {
    @Test
    void onlyChangedTopLevelFieldsWithoutMetadata() {
        assertEquals(List.of(new AuditChanges.Change("active", "true", "false"),
                        new AuditChanges.Change("title", "Analyst", null)),
                AuditChanges.of("{\"userName\":\"a\",\"active\":true,\"title\":\"Analyst\",\"meta\":{\"version\":\"W/\\\"1\\\"\"}}",
                        "{\"userName\":\"a\",\"active\":false,\"meta\":{\"version\":\"W/\\\"2\\\"\"}}"));
    }

    @Test
    void createShowsEveryFieldAsNewAndDeleteAsGone() {
        assertEquals(List.of(new AuditChanges.Change("name", null, "Okta")), AuditChanges.of(null, "{\"name\":\"Okta\"}"));
        assertEquals(List.of(new AuditChanges.Change("name", "Okta", null)), AuditChanges.of("{\"name\":\"Okta\"}", null));
    }

    @Test
    void extensionUrnIsShortenedAndNonJsonIsKeptAsText() {
        assertEquals("enterprise extension",
                AuditChanges.of(null, "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{}}").get(0).field());
        assertEquals(List.of(new AuditChanges.Change("value", null, "not json")), AuditChanges.of(null, "not json"));
    }
}
