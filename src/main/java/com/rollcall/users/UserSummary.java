package com.rollcall.users;

/** A live user as other rooms show it (a group's member list, a role holder): no attributes beyond these. */
public record UserSummary(long id, String scimId, String userName, String displayName, boolean active, UserSource source)
        implements java.io.Serializable {
    /** The display name, or the userName when there is none. */
    public String label() {
        return displayName == null || displayName.isBlank() ? userName : displayName;
    }

    public boolean scimSourced() {
        return source == UserSource.SCIM;
    }
}
