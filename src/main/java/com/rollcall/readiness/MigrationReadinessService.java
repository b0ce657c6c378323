package com.rollcall.readiness;

import com.rollcall.access.GroupMappingRepository;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.EnterpriseView;
import com.rollcall.enterprise.IdentifierRule;
import com.rollcall.enterprise.ProvisioningMode;
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
        EnterpriseView enterprise = enterprises.find(enterpriseId)
                .orElseThrow(() -> ScimException.notFound("The enterprise does not exist."));
        IdentifierRule rule = enterprise.identifierRule();
        boolean connected = enterprise.provisioningMode() == ProvisioningMode.MANAGED_IN_CONNECTED_SYSTEM;
        LicenseUsage usage = licenses.usage(enterpriseId);
        UserRepository.Listing<UserRepository.Named> unmatchable = users.unmatchableManual(enterpriseId,
                rule == IdentifierRule.EMPLOYEE_ID, LIST_LIMIT);
        GroupRepository.ListingPage unmapped = groups.groupsExcept(enterpriseId, mappings.mappedGroupIds(enterpriseId),
                LIST_LIMIT);
        return new ReadinessReport(rule.name(),
                new Section<>(unmatchable.count(), unmatchable.items().stream().map(MigrationReadinessService::ref).toList(),
                        unmatchableAdvice(rule, connected)),
                clashes(users.sharedEmails(enterpriseId, LIST_LIMIT), clashAdvice("email", rule == IdentifierRule.EMAIL,
                        connected)),
                clashes(users.sharedEmployeeNumbers(enterpriseId, LIST_LIMIT), clashAdvice("employee ID",
                        rule == IdentifierRule.EMPLOYEE_ID, connected)),
                new Licenses(usage.limit(), users.activeCount(enterpriseId), usage.used()),
                new Section<>(unmapped.total(), unmapped.groups().stream()
                        .map(g -> new GroupRef(g.scimId(), g.displayName(), g.memberCount())).toList(),
                        "Map each group to a sub-account or the enterprise level, with a role, on the group's page. "
                                + "Until then its members get no role from it."));
    }

    private static String unmatchableAdvice(IdentifierRule rule, boolean connected) {
        String identifier = rule == IdentifierRule.EMPLOYEE_ID ? "an employee ID" : "an email";
        return "Your identifier rule matches users by " + (rule == IdentifierRule.EMPLOYEE_ID ? "employee ID" : "email")
                + ", and these manual users have none: unless your identity provider's own lookup finds one of them "
                + "(by the same userName, for example), it creates the person as a second user, taking a second license. "
                + "Add " + identifier + " to each user below, the same value your identity provider has for the person."
                + editHint(connected);
    }

    /**
     * What a shared identifier does when an IdP arrives, and what to do. Entra ID looks a user up by its matching
     * attribute before writing (ENTRA.md): one result is linked by its PATCH, two or more are "multiple matches", and
     * Entra skips the person until the clash is gone; a create with the value is refused (409).
     */
    static String clashAdvice(String identifier, boolean isTheRule, boolean connected) {
        return "Each " + identifier + " below belongs to several users. An identity provider that looks people up by "
                + identifier + (isTheRule ? " (your identifier rule)" : "") + " finds all of them and cannot tell which "
                + "one is the person: Entra ID reports multiple matches and skips the person in every cycle, and a create "
                + "with that " + identifier + " is refused. Keep the " + identifier + " on the one user who is that "
                + "person and change it on the others." + editHint(connected);
    }

    private static String editHint(boolean connected) {
        return connected ? " Users cannot be edited here while provisioning is Managed in Connected System: switch back "
                + "to Managed in Platform in Settings to fix them here (or correct the value in your identity provider, "
                + "for the users it provisioned)." : "";
    }

    private static Section<Clash> clashes(UserRepository.Listing<UserRepository.SharedValue> shared, String advice) {
        return new Section<>(shared.count(), shared.items().stream().map(v -> new Clash(v.value(), v.users(),
                v.holders().stream().map(MigrationReadinessService::ref).toList())).toList(), advice);
    }

    private static UserRef ref(UserRepository.Named user) {
        return new UserRef(user.scimId(), user.userName());
    }
}
