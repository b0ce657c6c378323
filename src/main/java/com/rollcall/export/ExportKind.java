package com.rollcall.export;

import java.util.List;
import java.util.Locale;

/** What a backup export contains; each kind has a fixed CSV header (the JSON field names). */
public enum ExportKind {
    USERS(List.of("id", "userName", "externalId", "active", "source", "givenName", "familyName", "middleName",
            "formattedName", "displayName", "title", "employeeNumber", "department", "emails", "createdAt", "lastModified")),
    GROUPS(List.of("id", "displayName", "externalId", "memberCount", "members", "memberUserNames", "memberGroups", "createdAt", "lastModified")),
    ROLES(List.of("id", "code", "name", "scope", "groupManager", "fullAccess", "consumesLicense", "builtIn", "permissions")),
    MAPPINGS(List.of("id", "groupId", "groupDisplayName", "level", "subAccountId", "subAccountName", "roleId", "roleCode",
            "roleName"));

    private final List<String> columns;

    ExportKind(List<String> columns) {
        this.columns = columns;
    }

    public List<String> columns() {
        return columns;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
