package com.rollcall.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.roles.BuiltInRoles;
import com.rollcall.roles.Candidate;
import com.rollcall.roles.EffectiveRoleResolver;
import com.rollcall.roles.EffectiveRoles;
import com.rollcall.roles.Permission;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RoleScope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stored form of effective roles is lossless: keeping only the enterprise-level winner, the winners of
 * sub-accounts with an explicit candidate and the inherited role gives, for EVERY sub-account, the resolver's own
 * answer; and license exemption (rule 5) follows every role held.
 */
class EffectiveRoleStoreTest {
    private static final List<RoleDefinition> ROLES = List.of(BuiltInRoles.ENTERPRISE_ADMIN,
            BuiltInRoles.INTEGRATIONS_MANAGER, BuiltInRoles.ENTERPRISE_GROUP_MANAGER, BuiltInRoles.ACCOUNT_ADMINISTRATOR,
            BuiltInRoles.EDITOR, BuiltInRoles.CONTRIBUTOR, BuiltInRoles.REPORTS_ONLY,
            RoleDefinition.custom(201, "Store Lead", RoleScope.SUB_ACCOUNT,
                    EnumSet.of(Permission.PUBLISH_CONTENT, Permission.VIEW_REPORTS), false, false),
            RoleDefinition.custom(202, "Regional Lead", RoleScope.ENTERPRISE,
                    EnumSet.of(Permission.MANAGE_USERS), false, true));
    private static final Map<Long, RoleDefinition> BY_ID = ROLES.stream()
            .collect(java.util.stream.Collectors.toMap(RoleDefinition::id, r -> r));

    @Test
    void noCandidatesStoreNothing() {
        assertTrue(EffectiveRoleStore.resolve(List.of()).isEmpty());
    }

    @Test
    void enterpriseAdminIsStoredAtTheEnterpriseLevelAndAsInherited() {
        Map<Long, EffectiveRoleRepository.Winner> rows = EffectiveRoleStore.resolve(
                List.of(Candidate.enterpriseLevel("Admins", BuiltInRoles.ENTERPRISE_ADMIN)));
        assertEquals(List.of(EffectiveRoleRepository.INHERITED, EffectiveRoleRepository.ENTERPRISE_LEVEL),
                List.copyOf(rows.keySet()));
        assertEquals(BuiltInRoles.ENTERPRISE_ADMIN.id(), rows.get(0L).roleId());
        assertEquals(BuiltInRoles.ENTERPRISE_ADMIN.id(), rows.get(EffectiveRoleRepository.INHERITED).roleId());
    }

    @Test
    void anIntegrationsManagerIsStoredAtTheEnterpriseLevelOnly() {
        Map<Long, EffectiveRoleRepository.Winner> rows = EffectiveRoleStore.resolve(
                List.of(Candidate.enterpriseLevel("Ops", BuiltInRoles.INTEGRATIONS_MANAGER)));
        assertEquals(List.of(0L), List.copyOf(rows.keySet()), "it gives nothing inside sub-accounts");
    }

    /** Rule 5 with rule 8: a license is needed unless every role held, at every level, consumes none. */
    @Test
    void licenseExemptionOnlyWhenEveryRoleHeldConsumesNone() {
        assertTrue(exempt(Candidate.enterpriseLevel("Ops", BuiltInRoles.INTEGRATIONS_MANAGER)));
        assertFalse(exempt(Candidate.enterpriseLevel("Ops", BuiltInRoles.INTEGRATIONS_MANAGER),
                Candidate.subAccount("Writers", 7, BuiltInRoles.CONTRIBUTOR)), "the issue's case: Contributor in 7");
        assertFalse(exempt(Candidate.enterpriseLevel("Ops", BuiltInRoles.INTEGRATIONS_MANAGER),
                Candidate.enterpriseLevel("Leads", BY_ID.get(202L))), "an inherited full-access role is held");
        assertFalse(exempt(Candidate.enterpriseLevel("Ops", BuiltInRoles.INTEGRATIONS_MANAGER),
                Candidate.enterpriseLevel("GMs", BuiltInRoles.ENTERPRISE_GROUP_MANAGER)));
        assertFalse(exempt(), "no role at all: a license, as every active user");
    }

    private static boolean exempt(Candidate... candidates) {
        return EffectiveRoleStore.licenseExempt(EffectiveRoleStore.resolve(List.of(candidates)), BY_ID);
    }

    @Test
    void explicitMappingsStoreTheirSubAccountsOnly() {
        Map<Long, EffectiveRoleRepository.Winner> rows = EffectiveRoleStore.resolve(List.of(
                Candidate.subAccount("Editors", 7, BuiltInRoles.EDITOR),
                Candidate.subAccount("Readers", 9, BuiltInRoles.REPORTS_ONLY)));
        assertEquals(List.of(7L, 9L), List.copyOf(rows.keySet()), "no enterprise-level row without enterprise mappings");
    }

    @Test
    void storedRowsAnswerForEverySubAccountLikeTheResolver() {
        Random random = new Random(20261123);
        List<Long> subAccounts = List.of(1L, 2L, 3L, 4L, 5L);
        for (int run = 0; run < 2_000; run++) {
            List<Candidate> candidates = new ArrayList<>();
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                RoleDefinition role = ROLES.get(random.nextInt(ROLES.size()));
                String group = "g" + random.nextInt(4);
                candidates.add(role.scope() == RoleScope.ENTERPRISE ? Candidate.enterpriseLevel(group, role)
                        : Candidate.subAccount(group, subAccounts.get(random.nextInt(subAccounts.size())), role));
            }
            Map<Long, EffectiveRoleRepository.Winner> rows = EffectiveRoleStore.resolve(candidates);
            EffectiveRoles full = EffectiveRoleResolver.resolve(candidates, subAccounts);
            assertEquals(full.enterpriseLevel().winner().map(RoleDefinition::id), Optional.ofNullable(rows.get(0L))
                    .map(EffectiveRoleRepository.Winner::roleId), candidates.toString());
            for (long subAccount : subAccounts) {
                EffectiveRoleRepository.Winner stored = rows.containsKey(subAccount) ? rows.get(subAccount)
                        : rows.get(EffectiveRoleRepository.INHERITED);
                assertEquals(full.in(subAccount).winner().map(RoleDefinition::id),
                        Optional.ofNullable(stored).map(EffectiveRoleRepository.Winner::roleId),
                        "sub-account " + subAccount + " of " + candidates);
            }
        }
    }
}
