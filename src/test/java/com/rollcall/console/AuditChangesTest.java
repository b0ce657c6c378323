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

    @Test
    void consoleUsersAndLicenseRequestsReadInWords() {
        assertEquals(List.of(new AuditChanges.Change("role", "Enterprise Admin", "Integrations Manager")),
                AuditChanges.of("{\"login\":\"kim@example.com\",\"role\":\"ENTERPRISE_ADMIN\"}",
                        "{\"login\":\"kim@example.com\",\"role\":\"INTEGRATIONS_MANAGER\"}"));
        assertEquals(List.of(new AuditChanges.Change("decidedAt", null, "2026-03-01 14:05:09 UTC"),
                        new AuditChanges.Change("grantedLimit", null, "150"),
                        new AuditChanges.Change("status", "Open", "Granted")),
                AuditChanges.of("{\"seatsRequested\":50,\"status\":\"OPEN\",\"decidedAt\":null}",
                        "{\"seatsRequested\":50,\"status\":\"GRANTED\",\"decidedAt\":\"2026-03-01T14:05:09.123Z\","
                                + "\"grantedLimit\":150}"));
        assertEquals(List.of(new AuditChanges.Change("linkedUser", "kim (deactivated)", null),
                        new AuditChanges.Change("status", "Active", "Disabled")),
                AuditChanges.of("{\"status\":\"ACTIVE\",\"linkedUser\":{\"id\":\"7\",\"userName\":\"kim\",\"active\":false}}",
                        "{\"status\":\"DISABLED\",\"linkedUser\":null}"));
    }

    @Test
    void wordsOnlyForRolesAndStatusesElsewhereTheValueAsSent() {
        assertEquals(List.of(new AuditChanges.Change("title", null, "ACTIVE")), AuditChanges.of(null, "{\"title\":\"ACTIVE\"}"));
        assertEquals(List.of(new AuditChanges.Change("role", null, "Editor")), AuditChanges.of(null, "{\"role\":\"Editor\"}"));
    }

    @Test
    void mappingEventsNameTheSubAccountAndMembershipEventsTheUsers() {
        assertEquals(List.of(new AuditChanges.Change("role", null, "Editor"), new AuditChanges.Change("subAccount", null, "EMEA"),
                new AuditChanges.Change("usersChanged", null, "1")),
                AuditChanges.of(null, "{\"mappingId\":12,\"subAccountId\":\"3\",\"subAccount\":\"EMEA\",\"role\":\"Editor\","
                        + "\"usersChanged\":1,\"remapJob\":\"none\"}"));
        assertEquals(List.of(new AuditChanges.Change("joined", null, "ann@example.com, bob@example.com"),
                new AuditChanges.Change("joinedCount", null, "2")),
                AuditChanges.of(null, "{\"joined\":[{\"id\":\"u1\",\"userName\":\"ann@example.com\"},"
                        + "{\"id\":\"u2\",\"userName\":\"bob@example.com\"}],\"joinedCount\":2}"));
    }
}
