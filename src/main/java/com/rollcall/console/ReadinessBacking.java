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

    /** Items that stand in the way (unmapped groups do not block a switch; they only map nobody yet). */
    public int getOpenItems() {
        int open = 0;
        open += report.unmatchableManualUsers().count() > 0 ? 1 : 0;
        open += report.emailClashes().count() > 0 ? 1 : 0;
        open += report.employeeNumberClashes().count() > 0 ? 1 : 0;
        open += report.licenses().headroom() < 0 || report.licenses().seatsHeadroom() < 0 ? 1 : 0;
        return open;
    }

    public int getListLimit() {
        return MigrationReadinessService.LIST_LIMIT;
    }
}
