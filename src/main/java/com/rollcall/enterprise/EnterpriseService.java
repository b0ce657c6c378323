package com.rollcall.enterprise;

import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;

/** Enterprise (tenant) use cases. */
@Stateless
public class EnterpriseService {
    @Inject
    private EnterpriseRepository enterprises;

    @Inject
    private AuditTrail audit;

    /** Creates a tenant (its licenses are opened by licensing, {@code LicenseService.open}). */
    public EnterpriseView create(String name) {
        Enterprise enterprise = new Enterprise(name);
        enterprises.add(enterprise);
        return EnterpriseView.of(enterprise);
    }

    /**
     * PRODUCT.md rule 1: switches who manages users. SCIM keeps working in both modes; switching to the
     * connected system locks SCIM-sourced users in the console (rule 6), switching back unlocks them.
     */
    public EnterpriseView changeProvisioningMode(Actor actor, ProvisioningMode mode) {
        Enterprise enterprise = require(actor.enterpriseId());
        if (enterprise.provisioningMode() != mode) {
            ProvisioningMode before = enterprise.provisioningMode();
            enterprise.changeProvisioningMode(mode);
            audit.record(actor, "PROVISIONING_MODE_CHANGED", "Enterprise", enterprise.id().toString(), enterprise.name(),
                    setting("provisioningMode", before.name()), setting("provisioningMode", mode.name()));
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
