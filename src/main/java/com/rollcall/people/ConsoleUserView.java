package com.rollcall.people;

import com.rollcall.platform.rest.JsonFields;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.users.UserSummary;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Instant;

/**
 * A console login as the console and the admin API show it (never a hash): who, which role, where it stands, who
 * invited them, and the user of the same enterprise it is linked to by email (null when none).
 */
public record ConsoleUserView(long id, long enterpriseId, String login, String displayName, ConsoleRole role,
        ConsoleUserStatus status, Instant lastLoginAt, String invitedBy, Instant createdAt, Instant invitationExpiresAt,
        String disabledReason, UserSummary linkedUser, int version) implements Serializable {
    static ConsoleUserView of(ConsoleUser u, Instant now, UserSummary linkedUser) {
        return new ConsoleUserView(u.id(), u.enterpriseId(), u.login(), u.displayName(), u.role(), u.status(now),
                u.lastLoginAt(), u.invitedBy(), u.createdAt(), u.passwordHash() == null ? u.invitationExpiresAt() : null,
                u.disabledReason(), linkedUser, u.version());
    }

    static ConsoleUserView of(ConsoleUser u) {
        return of(u, com.rollcall.platform.persistence.Clock.now(), null);
    }

    /** Whether an invitation link is waiting and no longer valid (it must be sent again). */
    public boolean invitationExpired(Instant now) {
        return status == ConsoleUserStatus.INVITED && invitationExpiresAt != null && !now.isBefore(invitationExpiresAt);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = ScimJson.object()
                .add("id", Long.toString(id))
                .add("login", login)
                .add("displayName", displayName)
                .add("role", role.name())
                .add("status", status.name())
                .add("createdAt", createdAt.toString());
        JsonFields.addOrNull(json, "lastSignInAt", lastLoginAt);
        JsonFields.addOrNull(json, "invitedBy", invitedBy);
        JsonFields.addOrNull(json, "invitationExpiresAt", invitationExpiresAt);
        JsonFields.addOrNull(json, "disabledReason", disabledReason);
        if (linkedUser == null) {
            json.addNull("linkedUser");
        } else {
            json.add("linkedUser", ScimJson.object().add("id", linkedUser.scimId()).add("userName", linkedUser.userName())
                    .add("active", linkedUser.active()));
        }
        return json.build();
    }
}
