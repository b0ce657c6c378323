package com.rollcall.users;

import com.rollcall.platform.security.Actor;
import java.util.Set;

/**
 * A user left, inside the transaction that made them leave: deactivated (active true to false) or deleted. Fired
 * synchronously, so what follows from it (a console login with one of these emails is disabled) commits with it
 * or not at all. {@code emailKeys} are the user's emails (and email userName) before the change, lower-cased.
 */
public record UserDeparted(Actor actor, long enterpriseId, long userId, String scimId, String userName,
        Set<String> emailKeys, boolean deleted) {
    public UserDeparted {
        emailKeys = Set.copyOf(emailKeys);
    }
}
