package com.rollcall.users;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The groups each user belongs to (the read-only SCIM {@code groups} of a User). Implemented by the groups room,
 * which owns memberships; users only ask, so the two rooms do not depend on each other in a cycle.
 */
public interface GroupsOfUsers {
    Map<Long, List<UserScimMapper.GroupRef>> of(long enterpriseId, Collection<Long> userIds);
}
