package com.rollcall.access;

/**
 * A mapping added or removed: the mapping's id, and either the number of users whose effective role changed
 * (applied at once, {@code remapJobId} null) or the background job that applies it to a large group.
 */
public record MappingChange(long mappingId, Long remapJobId, int usersChanged) {
}
