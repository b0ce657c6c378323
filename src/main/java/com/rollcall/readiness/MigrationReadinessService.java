package com.rollcall.readiness;

import com.rollcall.access.GroupMappingRepository;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.IdentifierRule;
import com.rollcall.groups.GroupRepository;
import com.rollcall.licensing.LicenseService;
import com.rollcall.licensing.LicenseUsage;
import com.rollcall.readiness.ReadinessReport.Clash;
import com.rollcall.readiness.ReadinessReport.GroupRef;
import com.rollcall.readiness.ReadinessReport.Licenses;
import com.rollcall.readiness.ReadinessReport.Section;
import com.rollcall.readiness.ReadinessReport.UserRef;
import com.rollcall.scim.message.ScimException;
import com.rollcall.users.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Migration readiness (PRODUCT.md rule 10): manual users an IdP could not match, identifier clashes,
 * license headroom and unmapped groups. Every figure is a SQL aggregate on the enterprise's rows (no user
 * is loaded to be counted); lists are capped at {@link #LIST_LIMIT}.
 */
@Stateless
public class MigrationReadinessService {
    public static final int LIST_LIMIT = 100;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private LicenseService licenses;

    @Inject
    private UserRepository users;

    @Inject
    private GroupRepository groups;

    @Inject
    private GroupMappingRepository mappings;

    public ReadinessReport report(long enterpriseId) {
        IdentifierRule rule = enterprises.find(enterpriseId)
                .orElseThrow(() -> ScimException.notFound("The enterprise does not exist.")).identifierRule();
        LicenseUsage usage = licenses.usage(enterpriseId);
        UserRepository.Listing<UserRepository.Named> unmatchable = users.unmatchableManual(enterpriseId,
                rule == IdentifierRule.EMPLOYEE_ID, LIST_LIMIT);
        GroupRepository.ListingPage unmapped = groups.groupsExcept(enterpriseId, mappings.mappedGroupIds(enterpriseId),
                LIST_LIMIT);
        return new ReadinessReport(rule.name(),
                new Section<>(unmatchable.count(), unmatchable.items().stream().map(MigrationReadinessService::ref).toList()),
                clashes(users.sharedEmails(enterpriseId, LIST_LIMIT)),
                clashes(users.sharedEmployeeNumbers(enterpriseId, LIST_LIMIT)),
                new Licenses(usage.limit(), users.activeCount(enterpriseId), usage.used()),
                new Section<>(unmapped.total(), unmapped.groups().stream()
                        .map(g -> new GroupRef(g.scimId(), g.displayName(), g.memberCount())).toList()));
    }

    private static Section<Clash> clashes(UserRepository.Listing<UserRepository.SharedValue> shared) {
        return new Section<>(shared.count(), shared.items().stream().map(v -> new Clash(v.value(), v.users(),
                v.holders().stream().map(MigrationReadinessService::ref).toList())).toList());
    }

    private static UserRef ref(UserRepository.Named user) {
        return new UserRef(user.scimId(), user.userName());
    }
}
