package com.rollcall.groups;

/** A member of a group as SCIM shows it: a user or a group, by SCIM id, with a display name. */
public record GroupMember(String scimId, String display, Type type) {
    public enum Type { User, Group }
}
