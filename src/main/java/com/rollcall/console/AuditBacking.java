package com.rollcall.console;

import com.rollcall.audit.AuditEventView;
import com.rollcall.audit.AuditPage;
import com.rollcall.audit.AuditQuery;
import com.rollcall.audit.AuditQueryService;
import com.rollcall.platform.security.Actor;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * /console/audit.xhtml: the audit log filtered by time range (UTC), actor, action and resource, newest first,
 * paged in the database; each entry shows its change as before → after per field.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    /** Every action the product records, for the filter: from {@link AuditActions}, the one list with their words. */
    public static final List<String> ACTIONS = AuditActions.CODES;

    public static final List<String> RESOURCE_TYPES = List.of("User", "Group", "ApiClient", "ConsoleUser", "Enterprise",
            "LicenseRequest", "Role", "SubAccount");

    /** One entry of the log with its readable change. */
    public record Entry(AuditEventView event, List<AuditChanges.Change> changes) {
    }

    @Inject
    private transient AuditQueryService audit;

    @Inject
    private transient ConsoleSession session;

    private final Pager pager = new Pager(PAGE_SIZE, this::reload);
    private String from;
    private String to;
    private String actorType;
    private String actorId;
    private String action;
    private String resourceType;
    private String resourceId;
    private String userId;
    private AuditQuery query = emptyQuery();
    private List<Entry> entries = List.of();

    @PostConstruct
    void load() {
        reload();
    }

    public void filter() {
        Instant fromTime = time(from, false, "filters:from");
        Instant toTime = time(to, true, "filters:to");
        if (fromTime == Instant.MIN || toTime == Instant.MIN) {
            return;
        }
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            Feedback.fieldError("filters:to", "The end must be after the start.");
            return;
        }
        query = new AuditQuery(fromTime, toTime, blank(actorType) ? null : Actor.ActorType.valueOf(actorType),
                trim(actorId), blank(action) ? null : action, blank(resourceType) ? null : resourceType, trim(resourceId),
                trim(userId), 1, PAGE_SIZE);
        pager.reset();
        reload();
    }

    void reload() {
        AuditQuery q = query;
        AuditPage page = audit.query(session.enterpriseId(), new AuditQuery(q.from(), q.to(), q.actorType(), q.actorId(),
                q.action(), q.resourceType(), q.resourceId(), q.userId(), pager.start(), pager.size()));
        pager.total(page.totalResults());
        entries = page.events().stream().map(e -> new Entry(e, AuditChanges.of(e.before(), e.after()))).toList();
    }

    /**
     * "2026-03-01" or "2026-03-01 14:05" (or with a T), UTC; a date alone means its start, or for the end of a
     * range the start of the next day. Null when blank; Instant.MIN (after a field message) when not a real time.
     */
    private static Instant time(String text, boolean end, String clientId) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip().replace('T', ' ');
        try {
            if (t.length() == 10) {
                LocalDate date = LocalDate.parse(t);
                return (end ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            Feedback.fieldError(clientId, "There is no such date or time.");
            return Instant.MIN;
        }
    }

    private static AuditQuery emptyQuery() {
        return new AuditQuery(null, null, null, null, null, null, null, null, 1, PAGE_SIZE);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    public String actorLabel(AuditEventView e) {
        return switch (e.actorType()) {
            case API_CLIENT -> "API client";
            case CONSOLE_USER -> "Console user";
            case SYSTEM -> "System";
            case OPERATOR -> "Rollcall operator";
        };
    }

    public List<String> getActions() { return ACTIONS; }
    public List<String> getResourceTypes() { return RESOURCE_TYPES; }
    public Pager getPager() { return pager; }
    public List<Entry> getEntries() { return entries; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getActorType() { return actorType; }
    public void setActorType(String actorType) { this.actorType = actorType; }
    public String getActorId() { return actorId; }
    public void setActorId(String actorId) { this.actorId = actorId; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getResourceType() { return resourceType; }
    public void setResourceType(String resourceType) { this.resourceType = resourceType; }
    public String getResourceId() { return resourceId; }
    public void setResourceId(String resourceId) { this.resourceId = resourceId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
}
