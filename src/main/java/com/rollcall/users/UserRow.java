package com.rollcall.users;

/**
 * A user as a console list shows it: who, how to reach them, where they come from (and, for a manual user the
 * identity provider linked, when and by which API client), whether active.
 */
public record UserRow(String scimId, String userName, String displayName, String givenName, String familyName,
        String email, String employeeNumber, UserSource source, boolean active, int version, java.time.Instant linkedAt,
        String linkedBy) implements java.io.Serializable {

    /** Whether this was a manual user that the identity provider's first write linked (PRODUCT.md rule 2). */
    public boolean linked() {
        return linkedAt != null;
    }

    /** The name to show: the display name, else given + family name, else the userName. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return joined.isEmpty() ? userName : joined;
    }
}
