package com.rollcall.console;

import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.EnterpriseView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** /console/dashboard.xhtml. */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private transient EnterpriseService enterprises;

    @Inject
    private transient ConsoleSession session;

    private EnterpriseView enterprise;

    @PostConstruct
    void load() {
        enterprise = enterprises.find(session.enterpriseId()).orElse(null);
    }

    public EnterpriseView getEnterprise() {
        return enterprise;
    }

    public String getProvisioningModeLabel() {
        if (enterprise == null) {
            return "";
        }
        return switch (enterprise.provisioningMode()) {
            case MANAGED_IN_PLATFORM -> "Managed in Platform";
            case MANAGED_IN_CONNECTED_SYSTEM -> "Managed in Connected System";
        };
    }
}
