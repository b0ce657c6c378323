package com.rollcall.console;

import com.rollcall.activity.ActivityBucket;
import com.rollcall.activity.ActivityService;
import com.rollcall.apiclients.ApiClientService;
import com.rollcall.apiclients.ApiClientView;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.EnterpriseView;
import com.rollcall.licensing.LicenseService;
import com.rollcall.licensing.LicenseUsage;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * /console/dashboard.xhtml: provisioning mode, license usage (and the banner once the limit is hit), SCIM
 * activity of the last 24 hours and 30 days, and the last call of each API client.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private transient EnterpriseService enterprises;

    @Inject
    private transient LicenseService licenses;

    @Inject
    private transient ActivityService activity;

    @Inject
    private transient ApiClientService apiClients;

    @Inject
    private transient ConsoleSession session;

    private EnterpriseView enterprise;
    private LicenseUsage usage;
    private String hoursChart;
    private String daysChart;
    private ActivityBucket hoursTotal;
    private ActivityBucket daysTotal;
    private List<ApiClientView> clients;

    @PostConstruct
    void load() {
        long enterpriseId = session.enterpriseId();
        enterprise = enterprises.find(enterpriseId).orElse(null);
        usage = licenses.usage(enterpriseId);
        Instant now = Instant.now();
        List<ActivityBucket> hours = activity.series(enterpriseId, ActivityService.Resolution.HOUR, 24, now);
        List<ActivityBucket> days = activity.series(enterpriseId, ActivityService.Resolution.DAY, 30, now);
        hoursChart = ActivityChart.svg("activity-24h", "SCIM activity, last 24 hours", hours, 3, "HH:mm");
        daysChart = ActivityChart.svg("activity-30d", "SCIM activity, last 30 days", days, 5, "MMM d");
        hoursTotal = sum(hours);
        daysTotal = sum(days);
        clients = apiClients.list(enterpriseId);
    }

    public EnterpriseView getEnterprise() {
        return enterprise;
    }

    public String getProvisioningModeLabel() {
        return enterprise == null ? "" : SettingsBacking.modeLabel(enterprise.provisioningMode());
    }

    public LicenseUsage getUsage() {
        return usage;
    }

    /** Usage as a percentage of the limit for the bar (0–100). */
    public int getUsagePercent() {
        if (usage.limit() <= 0) {
            return 100;
        }
        return (int) Math.min(100, Math.round(100.0 * usage.used() / usage.limit()));
    }

    /** The bar's style: normal, "warning" from 90 %, "danger" at the limit. */
    public String getUsageLevel() {
        if (usage.limitReached()) {
            return "danger";
        }
        return getUsagePercent() >= 90 ? "warning" : "";
    }

    public String getHoursChart() {
        return hoursChart;
    }

    public String getDaysChart() {
        return daysChart;
    }

    public ActivityBucket getHoursTotal() {
        return hoursTotal;
    }

    public ActivityBucket getDaysTotal() {
        return daysTotal;
    }

    public List<ApiClientView> getClients() {
        return clients;
    }

    private static ActivityBucket sum(List<ActivityBucket> series) {
        long c = 0;
        long u = 0;
        long d = 0;
        long r = 0;
        for (ActivityBucket b : series) {
            c += b.creates();
            u += b.updates();
            d += b.deactivations();
            r += b.refusals();
        }
        return new ActivityBucket(series.isEmpty() ? Instant.now() : series.get(0).start(), c, u, d, r);
    }
}
