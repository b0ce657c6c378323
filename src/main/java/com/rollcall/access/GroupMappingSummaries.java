package com.rollcall.access;

import com.rollcall.groups.MappingSummaries;
import com.rollcall.roles.RoleDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What each group is mapped to, in plain words, for the groups room's console list. */
@ApplicationScoped
public class GroupMappingSummaries implements MappingSummaries {
    @Inject
    private GroupMappingRepository mappings;

    @Inject
    private RoleRepository roles;

    @Inject
    private SubAccountRepository subAccounts;

    @Override
    public Map<Long, List<String>> of(long enterpriseId, List<Long> groupIds) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        if (groupIds.isEmpty()) {
            return result;
        }
        Map<Long, RoleDefinition> roleById = roles.visible(enterpriseId).stream()
                .collect(Collectors.toMap(RoleDefinition::id, Function.identity()));
        Map<Long, SubAccount> subAccountById = new HashMap<>();
        subAccounts.list(enterpriseId).forEach(s -> subAccountById.put(s.id(), s));
        mappings.ofGroups(enterpriseId, groupIds).forEach((group, ofGroup) -> {
            List<GroupMappingRepository.Mapping> sorted = new ArrayList<>(ofGroup);
            sorted.sort(Comparator.comparing((GroupMappingRepository.Mapping m) -> m.subAccountId() == null ? ""
                    : subAccountById.get(m.subAccountId()).name().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(m -> roleById.get(m.roleId()).name().toLowerCase(java.util.Locale.ROOT)));
            for (GroupMappingRepository.Mapping m : sorted) {
                String role = roleById.get(m.roleId()).name();
                result.computeIfAbsent(group, k -> new ArrayList<>()).add(m.subAccountId() == null
                        ? role + " (enterprise level)" : role + " in " + subAccountById.get(m.subAccountId()).name());
            }
        });
        return result;
    }
}
