package com.rollcall.users;

/**
 * Fired (synchronously, in the deleting transaction, the user's row locked) when a user leaves the platform:
 * the rooms that keep something of the user's (memberships, stored effective roles) let it go at once.
 */
public record UserRemoved(long enterpriseId, long userId) {
}
