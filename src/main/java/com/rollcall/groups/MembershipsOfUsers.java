package com.rollcall.groups;

import com.rollcall.users.GroupsOfUsers;
import com.rollcall.users.UserRemoved;
import com.rollcall.users.UserScimMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What users need of groups: a user's groups (SCIM {@code groups}), and its memberships gone when it leaves. */
@ApplicationScoped
public class MembershipsOfUsers implements GroupsOfUsers {
    @Inject
    private GroupRepository groups;

    @Override
    public Map<Long, List<UserScimMapper.GroupRef>> of(long enterpriseId, Collection<Long> userIds) {
        return userIds.isEmpty() ? Map.of() : groups.groupsOf(enterpriseId, userIds);
    }

    void userRemoved(@Observes UserRemoved removed) {
        groups.removeUserEverywhere(removed.enterpriseId(), removed.userId());
    }
}
