package com.rollcall.enterprise;

import com.rollcall.audit.AuditTrail;
import com.rollcall.events.ChangeFeed;
import com.rollcall.events.EventType;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;

/** Enterprise (tenant) use cases. */
@Stateless
public class EnterpriseService {
    @Inject
    private ChangeFeed feed;

    @Inject
    private EnterpriseRepository enterprises;

    @Inject
    private AuditTrail audit;

    @Inject
    private Event<EnterpriseSuspensionChanged> suspensions;

    /** Creates a tenant (its licenses are opened by licensing, {@code LicenseService.open}). */
    public EnterpriseView create(String name) {
        Enterprise enterprise = new Enterprise(name);
        enterprises.add(enterprise);
        return EnterpriseView.of(enterprise);
    }

    /**
     * The operator onboards an enterprise: a unique name (any letter case; 409 naming the holder), its identifier
     * rule and provisioning mode. Audited in the new enterprise's log with the operator as actor. Its licenses and
     * first admin are the caller's next steps, in the same transaction.
     */
    public EnterpriseView onboard(Actor operator, String name, IdentifierRule rule, ProvisioningMode mode) {
        requireOperator(operator);
        requireFreeName(name, null);
        Enterprise enterprise = new Enterprise(name);
        enterprise.changeIdentifierRule(rule);
        enterprise.changeProvisioningMode(mode);
        enterprises.add(enterprise);
        EnterpriseView view = EnterpriseView.of(enterprise);
        audit.record(operator.on(enterprise.id()), "ENTERPRISE_CREATED", "Enterprise", enterprise.id().toString(),
                enterprise.name(), null, stateOf(view));
        return view;
    }

    /** The operator renames an enterprise (unique name, any letter case). */
    public EnterpriseView rename(Actor operator, long enterpriseId, String name) {
        requireOperator(operator);
        Enterprise enterprise = require(enterpriseId);
        if (enterprise.name().equals(name)) {
            return EnterpriseView.of(enterprise);
        }
        requireFreeName(name, enterprise.id());
        JsonObject before = stateOf(EnterpriseView.of(enterprise));
        enterprise.rename(name);
        enterprises.flush();
        EnterpriseView after = EnterpriseView.of(enterprise);
        audit.record(operator.on(enterpriseId), "ENTERPRISE_RENAMED", "Enterprise", enterprise.id().toString(), name,
                before, stateOf(after));
        return after;
    }

    /**
     * The operator suspends an enterprise: its SCIM and admin APIs answer 403 and its console refuses sign-in and
     * ends open sessions; nothing is deleted. Suspending a suspended enterprise changes nothing.
     */
    public EnterpriseView suspend(Actor operator, long enterpriseId, String reason) {
        requireOperator(operator);
        Enterprise enterprise = require(enterpriseId);
        if (enterprise.suspended()) {
            return EnterpriseView.of(enterprise);
        }
        JsonObject before = stateOf(EnterpriseView.of(enterprise));
        enterprise.suspend(reason);
        enterprises.flush();
        EnterpriseView after = EnterpriseView.of(enterprise);
        audit.record(operator.on(enterpriseId), "ENTERPRISE_SUSPENDED", "Enterprise", enterprise.id().toString(),
                enterprise.name(), before, stateOf(after));
        suspensions.fire(new EnterpriseSuspensionChanged(enterpriseId, true));
        return after;
    }

    /** The operator lifts a suspension; everything works again as it did. */
    public EnterpriseView resume(Actor operator, long enterpriseId) {
        requireOperator(operator);
        Enterprise enterprise = require(enterpriseId);
        if (!enterprise.suspended()) {
            return EnterpriseView.of(enterprise);
        }
        JsonObject before = stateOf(EnterpriseView.of(enterprise));
        enterprise.resume();
        enterprises.flush();
        EnterpriseView after = EnterpriseView.of(enterprise);
        audit.record(operator.on(enterpriseId), "ENTERPRISE_RESUMED", "Enterprise", enterprise.id().toString(),
                enterprise.name(), before, stateOf(after));
        suspensions.fire(new EnterpriseSuspensionChanged(enterpriseId, false));
        return after;
    }

    /** Whether the enterprise is suspended (its API calls and console sign-ins are refused). */
    public boolean suspended(long enterpriseId) {
        return enterprises.suspended(enterpriseId);
    }

    /** Names of these enterprises, by id (absent ids are left out). */
    public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        return enterprises.names(ids);
    }

    /** One page of enterprises whose name contains {@code text} (all when blank), by name. */
    public EnterprisePage page(String text, int offset, int count) {
        return new EnterprisePage(enterprises.count(text),
                enterprises.page(text, offset, count).stream().map(EnterpriseView::of).toList());
    }

    private void requireFreeName(String name, Long self) {
        enterprises.byNameKey(name).filter(holder -> !holder.id().equals(self)).ifPresent(holder -> {
            throw ScimException.conflict("An enterprise named '" + holder.name() + "' already exists (id " + holder.id()
                    + "): enterprise names are unique, whatever the letter case.");
        });
    }

    private static void requireOperator(Actor actor) {
        if (!actor.isOperator()) {
            throw ScimException.forbidden("Only the operator of Rollcall onboards, renames and suspends enterprises.");
        }
    }

    private static JsonObject stateOf(EnterpriseView view) {
        var json = ScimJson.object()
                .add("name", view.name())
                .add("provisioningMode", view.provisioningMode().name())
                .add("identifierRule", view.identifierRule().name())
                .add("suspended", view.suspended());
        if (view.suspendedReason() != null) {
            json.add("suspendedReason", view.suspendedReason());
        }
        return json.build();
    }

    /**
     * PRODUCT.md rule 1: switches who manages users. SCIM keeps working in both modes; switching to the
     * connected system stops adding and editing users by hand (console and admin API, rules 1 and 6:
     * {@code users.ManualUserService}), switching back allows both again.
     */
    public EnterpriseView changeProvisioningMode(Actor actor, ProvisioningMode mode) {
        Enterprise enterprise = require(actor.enterpriseId());
        if (enterprise.provisioningMode() != mode) {
            ProvisioningMode before = enterprise.provisioningMode();
            enterprise.changeProvisioningMode(mode);
            audit.record(actor, "PROVISIONING_MODE_CHANGED", "Enterprise", enterprise.id().toString(), enterprise.name(),
                    setting("provisioningMode", before.name()), setting("provisioningMode", mode.name()));
            feed.record(actor, EventType.PROVISIONING_MODE_CHANGED, "Enterprise", enterprise.id().toString(),
                    ScimJson.object().add("before", before.name()).add("after", mode.name()).build());
        }
        return EnterpriseView.of(enterprise);
    }

    /** Which identifier links an IdP's user to an existing manual user (rule 2). */
    public EnterpriseView changeIdentifierRule(Actor actor, IdentifierRule rule) {
        Enterprise enterprise = require(actor.enterpriseId());
        if (enterprise.identifierRule() != rule) {
            IdentifierRule before = enterprise.identifierRule();
            enterprise.changeIdentifierRule(rule);
            audit.record(actor, "IDENTIFIER_RULE_CHANGED", "Enterprise", enterprise.id().toString(), enterprise.name(),
                    setting("identifierRule", before.name()), setting("identifierRule", rule.name()));
        }
        return EnterpriseView.of(enterprise);
    }

    /** Both settings in one transaction; null leaves a setting unchanged. */
    public EnterpriseView changeSettings(Actor actor, ProvisioningMode mode, IdentifierRule rule) {
        EnterpriseView view = null;
        if (mode != null) {
            view = changeProvisioningMode(actor, mode);
        }
        if (rule != null) {
            view = changeIdentifierRule(actor, rule);
        }
        return view != null ? view : EnterpriseView.of(require(actor.enterpriseId()));
    }

    private Enterprise require(long enterpriseId) {
        return enterprises.find(enterpriseId)
                .orElseThrow(() -> ScimException.notFound("Enterprise " + enterpriseId + " not found."));
    }

    private static JsonObject setting(String name, String value) {
        return ScimJson.object().add(name, value).build();
    }

    public Optional<EnterpriseView> find(long enterpriseId) {
        return enterprises.find(enterpriseId).map(EnterpriseView::of);
    }

    /**
     * The enterprise's identifier rule (rule 2), read as one value: every SCIM create asks it, so no
     * entity is built, registered and compared at commit for it.
     */
    public IdentifierRule identifierRule(long enterpriseId) {
        return enterprises.identifierRule(enterpriseId)
                .orElseThrow(() -> ScimException.notFound("Enterprise " + enterpriseId + " not found."));
    }

    public Optional<EnterpriseView> findByName(String name) {
        return enterprises.findByName(name).map(EnterpriseView::of);
    }
}
