package com.rollcall.console;

import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.EnterpriseView;
import com.rollcall.enterprise.IdentifierRule;
import com.rollcall.enterprise.ProvisioningMode;
import com.rollcall.licensing.LicenseService;
import com.rollcall.licensing.LicenseUsage;
import com.rollcall.readiness.MigrationReadinessService;
import com.rollcall.readiness.ReadinessReport;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * /console/settings.xhtml: provisioning mode (PRODUCT.md rule 1) through an explicit confirmation in both
 * directions, the identifier rule (rule 2), and the license limit (read-only: the operator's setting).
 */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private LicenseService licenses;

    @Inject
    private MigrationReadinessService readiness;

    @Inject
    private ConsoleSession session;

    private EnterpriseView enterprise;
    private LicenseUsage usage;
    private ReadinessReport readinessReport;
    /** The mode the admin asked to switch to, while the confirmation is open; null otherwise. */
    private ProvisioningMode pendingMode;
    private IdentifierRule identifierRule;

    @PostConstruct
    void load() {
        enterprise = enterprises.find(session.enterpriseId()).orElseThrow();
        usage = licenses.usage(session.enterpriseId());
        identifierRule = enterprise.identifierRule();
    }

    /** First step: opens the confirmation for the other mode. */
    public void askSwitch() {
        pendingMode = enterprise.provisioningMode() == ProvisioningMode.MANAGED_IN_PLATFORM
                ? ProvisioningMode.MANAGED_IN_CONNECTED_SYSTEM : ProvisioningMode.MANAGED_IN_PLATFORM;
        if (pendingMode == ProvisioningMode.MANAGED_IN_CONNECTED_SYSTEM) {
            readinessReport = readiness.report(session.enterpriseId());
        }
    }

    /** Second step: Continue. */
    public void confirmSwitch() {
        ProvisioningMode target = pendingMode;
        pendingMode = null;
        if (target == null) {
            return;
        }
        EnterpriseView changed = Feedback.attempt(() -> enterprises.changeProvisioningMode(session.actor(), target));
        if (changed != null) {
            enterprise = changed;
            Feedback.info(target == ProvisioningMode.MANAGED_IN_CONNECTED_SYSTEM
                    ? "Provisioning is now Managed in Connected System: your identity provider manages users, and "
                            + "they cannot be added or edited here. Groups and their mappings are unchanged."
                    : "Provisioning is now Managed in Platform: users can be added and edited here again. Your "
                            + "identity provider may still overwrite those edits until it is turned off there.");
        }
    }

    /** Second step: Cancel; nothing changes. */
    public void cancelSwitch() {
        pendingMode = null;
        Feedback.info("Nothing was changed.");
    }

    public void saveIdentifierRule() {
        IdentifierRule rule = identifierRule;
        EnterpriseView changed = Feedback.attempt(() -> enterprises.changeIdentifierRule(session.actor(), rule));
        if (changed != null) {
            enterprise = changed;
            Feedback.info("Identifier rule saved: users from your identity provider are now matched by "
                    + label(rule) + ".");
        }
    }

    public static String modeLabel(ProvisioningMode mode) {
        return switch (mode) {
            case MANAGED_IN_PLATFORM -> "Managed in Platform";
            case MANAGED_IN_CONNECTED_SYSTEM -> "Managed in Connected System";
        };
    }

    static String label(IdentifierRule rule) {
        return rule == IdentifierRule.EMAIL ? "email" : "employee ID";
    }

    public EnterpriseView getEnterprise() { return enterprise; }
    public LicenseUsage getUsage() { return usage; }
    public ReadinessReport getReadiness() { return readinessReport; }
    public ProvisioningMode getPendingMode() { return pendingMode; }
    public boolean isConfirming() { return pendingMode != null; }
    public boolean isConnected() { return enterprise.provisioningMode() == ProvisioningMode.MANAGED_IN_CONNECTED_SYSTEM; }
    public String getModeLabel() { return modeLabel(enterprise.provisioningMode()); }
    public IdentifierRule getIdentifierRule() { return identifierRule; }
    public void setIdentifierRule(IdentifierRule identifierRule) { this.identifierRule = identifierRule; }
}
