package com.rollcall.console;

import com.rollcall.audit.AuditEventView;
import com.rollcall.audit.AuditPage;
import com.rollcall.audit.AuditQuery;
import com.rollcall.audit.AuditQueryService;
import com.rollcall.platform.security.Actor;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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
            "LicenseRequest", "Role", "SubAccount", "Webhook");

    /** One entry of the log with its readable change. */
    public record Entry(AuditEventView event, List<AuditChanges.Change> changes) implements java.io.Serializable {
        /** The action in words ("Group mapping added"); the code is shown on hover. */
        public String actionWords() {
            return AuditActions.words(event.action());
        }

        /** One line: which fields changed ("active, name"), or nothing to expand. */
        public String summary() {
            if (changes.isEmpty()) {
                return "";
            }
            return String.join(", ", changes.stream().map(AuditChanges.Change::field).distinct().toList());
        }
    }

    /** Longest filter value taken from the address. */
    static final int MAX_FILTER = 200;

    @Inject
    private AuditQueryService audit;

    @Inject
    private ConsoleSession session;

    private final Pager pager = new Pager(PAGE_SIZE, this::reload);
    private String from;
    private String to;
    private String actorType;
    private String actorId;
    private String action;
    private String resourceType;
    private String resourceId;
    private String userId;
    private final Map<String, String> fieldErrors = new HashMap<>();
    private AuditQuery query = emptyQuery();
    private List<Entry> entries = List.of();

    /**
     * f:viewAction: the filters come from the address (a GET form), so a filtered view can be bookmarked and shared.
     * A value that is not a date or not a known actor type is a message on its field, never an error page.
     */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        Instant fromTime = time(from, false, "from");
        Instant toTime = time(to, true, "to");
        if (fromTime != null && toTime != null && fromTime != Instant.MIN && toTime != Instant.MIN
                && !fromTime.isBefore(toTime)) {
            fieldErrors.put("to", "The end must be after the start.");
        }
        Actor.ActorType type = null;
        if (!blank(actorType)) {
            try {
                type = Actor.ActorType.valueOf(actorType.strip());
            } catch (IllegalArgumentException unknown) {
                fieldErrors.put("actorType", "Choose an actor from the list.");
            }
        }
        if (!fieldErrors.isEmpty()) {
            Feedback.error("Check the filters marked below.");
            return;
        }
        query = new AuditQuery(fromTime, toTime, type, trim(actorId), blank(action) ? null : trim(action),
                blank(resourceType) ? null : trim(resourceType), trim(resourceId), trim(userId), 1, PAGE_SIZE);
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
    private Instant time(String text, boolean end, String field) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip().replace('T', ' ');
        if (!DATE.matcher(t).matches()) {
            fieldErrors.put(field, "Enter a date like 2026-03-01, or a time like 2026-03-01 09:00.");
            return Instant.MIN;
        }
        try {
            if (t.length() == 10) {
                LocalDate date = LocalDate.parse(t);
                return (end ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            fieldErrors.put(field, "There is no such date or time.");
            return Instant.MIN;
        }
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?");

    private static AuditQuery emptyQuery() {
        return new AuditQuery(null, null, null, null, null, null, null, null, 1, PAGE_SIZE);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    /** A filter value from the address, bounded (a longer one cannot match anything anyway). */
    private static String bounded(String s) {
        return s == null || s.length() <= MAX_FILTER ? s : s.substring(0, MAX_FILTER);
    }

    /** The message of a filter field (from, to, actorType), or null. */
    public String fieldError(String field) {
        return fieldErrors.get(field);
    }

    /** The console page of an event's resource, or null when it has none (or the resource is no more). */
    public String resourceLink(AuditEventView e) {
        String id = e.resourceId();
        if (id == null || e.resourceType() == null) {
            return null;
        }
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
        return switch (e.resourceType()) {
            case "User" -> e.action().equals("USER_DELETED") ? null : "/console/users/detail.xhtml?id=" + encoded;
            case "Group" -> e.action().equals("GROUP_DELETED") ? "/console/groups/deleted.xhtml?id=" + encoded
                    : "/console/groups/detail.xhtml?id=" + encoded;
            case "Role" -> e.action().equals("ROLE_DELETED") ? null : "/console/roles/edit.xhtml?id=" + encoded;
            case "SubAccount" -> e.action().equals("SUB_ACCOUNT_DELETED") ? null : "/console/sub-accounts.xhtml";
            case "ConsoleUser" -> e.action().equals("CONSOLE_USER_REMOVED") ? null : "/console/people.xhtml?id=" + encoded;
            default -> null;
        };
    }

    /** The address of this view with one more filter (e.g. every event of this request, or of this actor). */
    public String filterLink(String name, String value) {
        return "/console/audit.xhtml?" + name + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    public String actorLabel(AuditEventView e) {
        return switch (e.actorType()) {
            case API_CLIENT -> "API client";
            case CONSOLE_USER -> "Console user";
            case SYSTEM -> "System";
            case OPERATOR -> "Rollcall operator";
        };
    }

    /** An actor type choice of the filter. */
    public record Choice(String value, String label) {
    }

    /** The actor types offered after "Anyone" (whose value, the empty one, the page writes itself). */
    private static final List<Choice> ACTOR_TYPES = List.of(new Choice("API_CLIENT", "API clients"),
            new Choice("CONSOLE_USER", "Console users"), new Choice("SYSTEM", "System"),
            new Choice("OPERATOR", "Rollcall operator"));

    public List<Choice> getActorTypes() { return ACTOR_TYPES; }

    /** An action in words. */
    public String words(String action) { return AuditActions.words(action); }

    public List<String> getActions() { return ACTIONS; }
    public List<String> getResourceTypes() { return RESOURCE_TYPES; }
    public Pager getPager() { return pager; }
    public List<Entry> getEntries() { return entries; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = bounded(from); }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = bounded(to); }
    public String getActorType() { return actorType; }
    public void setActorType(String actorType) { this.actorType = bounded(actorType); }
    public String getActorId() { return actorId; }
    public void setActorId(String actorId) { this.actorId = bounded(actorId); }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = bounded(action); }
    public String getResourceType() { return resourceType; }
    public void setResourceType(String resourceType) { this.resourceType = bounded(resourceType); }
    public String getResourceId() { return resourceId; }
    public void setResourceId(String resourceId) { this.resourceId = bounded(resourceId); }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = bounded(userId); }
}
