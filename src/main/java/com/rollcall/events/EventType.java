package com.rollcall.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of change events: every provisioning change a consumer of the feed can act on, named
 * {@code <resource>.<what happened>} in lower case and dot-separated.
 */
public enum EventType {
    USER_CREATED("user.created", "a user was created (SCIM, admin API or console); data: the user's SCIM form"),
    USER_UPDATED("user.updated", "a user's attributes changed; data: the user after the change and changedAttributes"),
    USER_DEACTIVATED("user.deactivated", "a user became inactive (active=false); data: the user after the change"),
    USER_REACTIVATED("user.reactivated", "an inactive user became active again; data: the user after the change"),
    USER_DELETED("user.deleted", "a user was deleted (SCIM DELETE, soft); data: id, userName, externalId"),
    USER_LINKED("user.linked", "a manual user was linked to the identity provider (now SCIM-sourced); data: the user "
            + "after the link and how it matched"),
    GROUP_CREATED("group.created", "a group was created; data: id, displayName, externalId, memberCount"),
    GROUP_RENAMED("group.renamed", "a group's displayName changed; data: id, displayName, previousDisplayName"),
    GROUP_DELETED("group.deleted", "a group was deleted; data: id, displayName, externalId, memberCount"),
    GROUP_MEMBER_ADDED("group.member.added", "a user joined a group (one event per user); data: group and user"),
    GROUP_MEMBER_REMOVED("group.member.removed", "a user left a group (one event per user); data: group and user"),
    ROLE_CHANGED("role.changed", "a user's effective role changed at one or more scopes (one event per user); data: "
            + "user, changes [{scope, subAccountId, before, after}], cause"),
    LICENSE_REFUSED("license.refused", "a change was refused because the license limit is reached; data: requestId, "
            + "used, limit"),
    PROVISIONING_MODE_CHANGED("enterprise.provisioning_mode.changed", "the enterprise's provisioning mode changed; "
            + "data: before, after"),
    MAPPING_ADDED("mapping.added", "a group was mapped to a role (at the enterprise level or in a sub-account); data: "
            + "group, role, subAccount"),
    MAPPING_REMOVED("mapping.removed", "a group's mapping was removed; data: group, role, subAccount");

    private final String wireName;
    private final String description;

    EventType(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    /** The type of this wire name (case-insensitive), if any. */
    public static Optional<EventType> of(String wireName) {
        String wanted = wireName == null ? "" : wireName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wanted)).findFirst();
    }
}
