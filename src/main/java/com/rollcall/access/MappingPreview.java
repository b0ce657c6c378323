package com.rollcall.access;

/**
 * What a mapping change would do before it is made: how many of the group's members would get a different
 * effective role. {@code exact} is false for groups too large to simulate, where the count is the member
 * count (an upper bound); {@code runsInBackground} says the change will run as a remap job.
 */
public record MappingPreview(int groupMembers, int usersWhoseRoleChanges, boolean exact, boolean runsInBackground) {
}
