package com.rollcall.console;

import com.rollcall.readiness.MigrationReadinessService;
import com.rollcall.readiness.ReadinessReport;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** /console/readiness.xhtml: the migration checklist of PRODUCT.md rule 10, computed, with drill-down lists. */
@Named
@ViewScoped
public class ReadinessBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private MigrationReadinessService readiness;

    @Inject
    private ConsoleSession session;

    private ReadinessReport report;

    @PostConstruct
    void load() {
        report = readiness.report(session.enterpriseId());
    }

    public ReadinessReport getReport() {
        return report;
    }

    public boolean isEmployeeIdRule() {
        return "EMPLOYEE_ID".equals(report.identifierRule());
    }

    /** The open items of the checklist: the same count as the settings dialog's ({@link ReadinessReport#openItems}). */
    public int getOpenItems() {
        return report.openItems().size();
    }

    public int getListLimit() {
        return MigrationReadinessService.LIST_LIMIT;
    }
}
