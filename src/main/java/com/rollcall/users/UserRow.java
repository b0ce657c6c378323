package com.rollcall.users;

/** A user as a console list shows it: who, how to reach them, where they come from, whether active. */
public record UserRow(String scimId, String userName, String displayName, String givenName, String familyName,
        String email, String employeeNumber, UserSource source, boolean active, int version) {

    /** The name to show: the display name, else given + family name, else the userName. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return joined.isEmpty() ? userName : joined;
    }
}
