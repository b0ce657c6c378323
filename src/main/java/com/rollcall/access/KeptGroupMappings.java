package com.rollcall.access;

import com.rollcall.groups.KeptMappings;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.roles.RoleDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The groups room's {@link KeptMappings}: a deleted group's mappings are deactivated, not removed. */
@ApplicationScoped
public class KeptGroupMappings implements KeptMappings {
    @Inject
    private GroupMappingRepository mappings;

    @Inject
    private RoleRepository roles;

    @Inject
    private SubAccountRepository subAccounts;

    @Override
    public List<Kept> keep(long enterpriseId, long groupId) {
        List<GroupMappingRepository.Mapping> active = mappings.ofGroup(enterpriseId, groupId);
        if (active.isEmpty()) {
            return List.of();
        }
        mappings.deactivateAll(enterpriseId, groupId, Clock.now());
        Map<Long, RoleDefinition> roleById = roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
        Map<Long, String> subAccountNames = new HashMap<>();
        subAccounts.list(enterpriseId).forEach(s -> subAccountNames.put(s.id(), s.name()));
        List<Kept> kept = new ArrayList<>();
        for (GroupMappingRepository.Mapping m : active) {
            kept.add(new Kept(m.id(), m.roleId(), roleById.get(m.roleId()).name(), m.subAccountId(),
                    m.subAccountId() == null ? null : subAccountNames.get(m.subAccountId())));
        }
        return kept;
    }
}
