package com.rollcall.console;

import com.rollcall.submissions.FormSubmissionService;
import com.rollcall.submissions.FormSubmissionService.Submitted;
import com.rollcall.activity.ActivityBucket;
import com.rollcall.activity.ActivityService;
import com.rollcall.apiclients.ApiClientService;
import com.rollcall.apiclients.ApiClientView;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.EnterpriseView;
import com.rollcall.licensing.LicenseRequestService;
import com.rollcall.licensing.LicenseRequestView;
import com.rollcall.licensing.LicenseService;
import com.rollcall.licensing.LicenseUsage;
import com.rollcall.users.UserSeatService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * /console/dashboard.xhtml: provisioning mode, license usage (and the banner once the limit is hit), SCIM
 * activity of the last 24 hours and 30 days, and the last call of each API client. The license card offers an
 * Enterprise Admin "Request more licenses" when usage is near the limit ({@link #nearLimit}) and no request is open,
 * says while one is open, and shows the outcome of the latest one the operator decided.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    private String submission = Submission.fresh();

    @Inject
    private FormSubmissionService submissions;

    /** The create form's one-time submission token ({@link Submission}). */
    public String getSubmission() {
        return submission;
    }

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private LicenseService licenses;

    @Inject
    private LicenseRequestService licenseRequests;

    @Inject
    private UserSeatService userSeats;

    @Inject
    private ActivityService activity;

    @Inject
    private ApiClientService apiClients;

    @Inject
    private ConsoleSession session;

    private EnterpriseView enterprise;
    private LicenseUsage usage;
    private long unlicensed;
    private String hoursChart;
    private String daysChart;
    private ActivityBucket hoursTotal;
    private ActivityBucket daysTotal;
    private List<ApiClientView> clients;
    private LicenseRequestView openRequest;
    private LicenseRequestView decidedRequest;
    private boolean admin;
    private boolean nearLimit;
    private Integer seats;
    private String note;

    /** How near the limit usage must be for the card to offer more licenses: 90 %, or a refusal in the last days. */
    static final int NEAR_LIMIT_PERCENT = 90;
    static final java.time.Duration RECENT_REFUSAL = java.time.Duration.ofDays(7);

    @PostConstruct
    void load() {
        long enterpriseId = session.enterpriseId();
        admin = session.isAdmin();
        enterprise = enterprises.find(enterpriseId).orElse(null);
        loadLicenses(enterpriseId);
        Instant now = Instant.now();
        List<ActivityBucket> hours = activity.series(enterpriseId, ActivityService.Resolution.HOUR, 24, now);
        List<ActivityBucket> days = activity.series(enterpriseId, ActivityService.Resolution.DAY, 30, now);
        hoursChart = ActivityChart.svg("activity-24h", "SCIM activity, last 24 hours", hours, 3, "HH:mm");
        daysChart = ActivityChart.svg("activity-30d", "SCIM activity, last 30 days", days, 5, "MMM d");
        hoursTotal = sum(hours);
        daysTotal = sum(days);
        clients = apiClients.list(enterpriseId);
    }

    private void loadLicenses(long enterpriseId) {
        usage = licenses.usage(enterpriseId);
        unlicensed = userSeats.unlicensedCount(enterpriseId);
        List<LicenseRequestView> recent = licenseRequests.ofEnterprise(enterpriseId, 10);
        openRequest = recent.stream().filter(LicenseRequestView::open).findFirst().orElse(null);
        decidedRequest = recent.stream().filter(r -> !r.open()).findFirst().orElse(null);
        nearLimit = nearLimit(usage, Instant.now());
    }

    /** An Enterprise Admin gives the users left without a license the licenses free now. */
    public void assignLicenses() {
        Integer assigned = Feedback.attempt(() -> userSeats.assignFreeLicenses(session.actor()));
        if (assigned != null) {
            loadLicenses(session.enterpriseId());
            Feedback.info(assigned == 0 ? "No license is free: none was assigned."
                    : ConsoleFormat.plural(assigned, "user") + " got a license" + (unlicensed > 0
                            ? "; " + ConsoleFormat.plural(unlicensed, "user") + " still have none." : "."));
        }
    }

    public long getUnlicensed() {
        return unlicensed;
    }

    /** An Enterprise Admin asks the operator for more licenses (how many, and a note). */
    public void requestLicenses() {
        int wanted = seats;
        String text = note == null || note.isBlank() ? null : note.strip();
        Submitted sent = Feedback.attempt("license-request:seats", () -> submissions.once(session.actor(),
                "license-request", Submission.sent(),
                () -> Integer.toString(licenseRequests.request(session.actor(), wanted, text).seatsRequested())));
        if (sent != null) {
            seats = null;
            note = null;
            submission = Submission.fresh();
            Feedback.info("Your request for " + ConsoleFormat.plural(Integer.parseInt(sent.outcome()), "more license")
                    + " was sent to your Rollcall operator. This card shows their answer."
                    + (sent.replayed() ? Submission.TWICE : ""));
        }
        loadLicenses(session.enterpriseId());
    }

    /**
     * Whether usage is at or near the limit: {@value #NEAR_LIMIT_PERCENT} % of it or more, or a provisioning request
     * refused at the limit within {@link #RECENT_REFUSAL} of {@code now}.
     */
    static boolean nearLimit(LicenseUsage usage, Instant now) {
        boolean high = usage.limit() <= 0 || (long) usage.used() * 100 >= (long) usage.limit() * NEAR_LIMIT_PERCENT;
        boolean refusedLately = usage.lastRefusedAt() != null && usage.lastRefusedAt().isAfter(now.minus(RECENT_REFUSAL));
        return high || refusedLately;
    }

    /** Whether the card offers the request form: to an Enterprise Admin, near the limit, with no request open. */
    public boolean isRequestOffered() {
        return admin && openRequest == null && nearLimit;
    }

    public boolean isNearLimit() {
        return nearLimit;
    }

    public boolean isAdmin() {
        return admin;
    }

    public LicenseRequestView getOpenRequest() {
        return openRequest;
    }

    public LicenseRequestView getDecidedRequest() {
        return decidedRequest;
    }

    public Integer getSeats() { return seats; }
    public void setSeats(Integer seats) { this.seats = seats; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }

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
