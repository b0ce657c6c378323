package com.rollcall.operators;

import com.rollcall.apiclients.ApiClientService;
import com.rollcall.enterprise.EnterprisePage;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.EnterpriseView;
import com.rollcall.enterprise.IdentifierRule;
import com.rollcall.enterprise.ProvisioningMode;
import com.rollcall.licensing.LicenseRequestService;
import com.rollcall.licensing.LicenseRequestView;
import com.rollcall.licensing.LicenseService;
import com.rollcall.licensing.LimitChange;
import com.rollcall.people.ConsoleRole;
import com.rollcall.people.IssuedInvitation;
import com.rollcall.people.PeopleService;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The operator's enterprises: onboarding one (the enterprise, its licenses and the first Enterprise Admin's
 * invitation, in one transaction: all or nothing), reading them with their seats and last SCIM call, changing their
 * license limit, renaming, suspending and resuming them.
 */
@Stateless
public class OperatorEnterpriseService {
    /** What onboarding gives back: the enterprise and the first admin's one-time invitation. */
    public record Onboarded(EnterpriseOverview enterprise, IssuedInvitation invitation) {
    }

    /** One page of enterprises and how many match in all. */
    public record OverviewPage(long totalResults, List<EnterpriseOverview> enterprises) {
    }

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private LicenseService licenses;

    @Inject
    private LicenseRequestService licenseRequests;

    @Inject
    private PeopleService people;

    @Inject
    private ApiClientService apiClients;

    public Onboarded onboard(Actor operator, String name, int licenseLimit, IdentifierRule rule, ProvisioningMode mode,
            String adminEmail, String adminName) {
        EnterpriseView enterprise = enterprises.onboard(operator, name, rule, mode);
        Actor onEnterprise = operator.on(enterprise.id());
        licenses.open(enterprise.id(), 0);
        if (licenseLimit > 0) {
            licenses.changeLimit(onEnterprise, licenseLimit);
        }
        IssuedInvitation invitation = people.invite(onEnterprise, adminEmail, adminName, ConsoleRole.ENTERPRISE_ADMIN);
        return new Onboarded(overview(enterprise.id()), invitation);
    }

    public OverviewPage page(String text, int offset, int count) {
        EnterprisePage page = enterprises.page(text, offset, count);
        List<Long> ids = page.enterprises().stream().map(EnterpriseView::id).toList();
        Map<Long, LimitChange> seats = licenses.seats(ids);
        Map<Long, java.time.Instant> lastCalls = apiClients.lastScimCalls(ids);
        Map<Long, LicenseRequestView> open = licenseRequests.openOf(ids);
        return new OverviewPage(page.totalResults(), page.enterprises().stream()
                .map(e -> overview(e, seats.get(e.id()), lastCalls.get(e.id()), open.get(e.id())))
                .toList());
    }

    public EnterpriseOverview overview(long enterpriseId) {
        EnterpriseView enterprise = enterprises.find(enterpriseId)
                .orElseThrow(() -> ScimException.notFound("There is no enterprise " + enterpriseId + "."));
        List<Long> ids = List.of(enterpriseId);
        return overview(enterprise, licenses.seats(ids).get(enterpriseId), apiClients.lastScimCalls(ids).get(enterpriseId),
                licenseRequests.openOf(ids).get(enterpriseId));
    }

    /** Renames and/or sets the license limit, in one transaction; the limit change's notice when below usage. */
    public LimitChange change(Actor operator, long enterpriseId, String name, Integer licenseLimit) {
        requireExists(enterpriseId);
        if (name != null) {
            enterprises.rename(operator, enterpriseId, name);
        }
        return licenseLimit == null ? null : licenses.changeLimit(operator.on(enterpriseId), licenseLimit);
    }

    public EnterpriseOverview suspend(Actor operator, long enterpriseId, String reason) {
        enterprises.suspend(operator, enterpriseId, reason);
        return overview(enterpriseId);
    }

    public EnterpriseOverview resume(Actor operator, long enterpriseId) {
        enterprises.resume(operator, enterpriseId);
        return overview(enterpriseId);
    }

    /** Invites another Enterprise Admin (the first one lost the link, or left). */
    public IssuedInvitation inviteAdmin(Actor operator, long enterpriseId, String email, String name) {
        requireExists(enterpriseId);
        if (!operator.isOperator()) {
            throw ScimException.forbidden("Only the operator of Rollcall uses the operator API.");
        }
        return people.invite(operator.on(enterpriseId), email, name, ConsoleRole.ENTERPRISE_ADMIN);
    }

    private void requireExists(long enterpriseId) {
        if (enterprises.find(enterpriseId).isEmpty()) {
            throw ScimException.notFound("There is no enterprise " + enterpriseId + ".");
        }
    }

    private static EnterpriseOverview overview(EnterpriseView e, LimitChange seats, java.time.Instant lastCall,
            LicenseRequestView open) {
        return new EnterpriseOverview(e, seats == null ? 0 : seats.used(), seats == null ? 0 : seats.limit(), lastCall, open);
    }
}
