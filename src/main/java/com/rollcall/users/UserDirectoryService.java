package com.rollcall.users;

import com.rollcall.platform.persistence.DatabaseOutage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's user directory: a free-text search over the enterprise's live users (userName, names,
 * employee ID, any email), counted and paged in the database, one row per user with its first email.
 */
@Stateless
public class UserDirectoryService {
    /**
     * One page of users; how many match, counted up to a bound ({@code more}: more than {@code total} match);
     * {@code contains}: nothing started with the text, these contain it; {@code problem}: why there is no page (the
     * search took too long), or null.
     */
    public record UserPage(long total, boolean more, List<UserRow> rows, boolean contains, String problem) {
    }

    /** Matches are counted up to this many past the page's start: a count never reads the whole enterprise. */
    public static final int COUNT_BOUND = 1000;

    /** MP Config: seconds a console search (each of its statements) may take before the page says so. */
    static final String TIMEOUT_PROPERTY = "rollcall.console.search.timeout.seconds";

    @Inject
    private UserRepository users;

    @Inject
    private UserDirectoryRepository directory;

    /**
     * The enterprise's live users by userName (all when {@code text} is blank): those whose userName, employee ID or
     * an email starts with the text (case-insensitive; index reads), or, when none does, those whose userName, name,
     * employee ID or an email contains it. Counted up to {@link #COUNT_BOUND} past the page's start. A search that
     * takes longer than the timeout gives an empty page with a message, never an error.
     */
    public UserPage search(long enterpriseId, String text, int startIndex, int count) {
        int timeout = timeoutSeconds();
        try {
            return directory.page(enterpriseId, text, startIndex, count, COUNT_BOUND, timeout);
        } catch (RuntimeException e) {
            if (DatabaseOutage.of(e) != DatabaseOutage.Kind.TIMEOUT) {
                throw e;
            }
            String many;
            try {
                many = String.format("%,d", directory.liveCount(enterpriseId, timeout));
            } catch (RuntimeException again) {
                if (DatabaseOutage.of(again) != DatabaseOutage.Kind.TIMEOUT) {
                    throw again;
                }
                many = "so many";
            }
            String what = text == null || text.isBlank() ? "The list of users" : "This search";
            return new UserPage(0, false, List.of(), false, what + " took too long on " + many
                    + " users; search for the start of a user name, email or employee number.");
        }
    }

    private static int timeoutSeconds() {
        return ConfigProvider.getConfig().getOptionalValue(TIMEOUT_PROPERTY, Integer.class).orElse(10);
    }

    /** One live user of the enterprise; empty for unknown, deleted or another enterprise's ids. */
    public Optional<UserRow> find(long enterpriseId, String scimId) {
        return directory.row(enterpriseId, scimId);
    }

    /** Live users whose userName or display name contains the text: a short list to pick from. */
    public List<UserSummary> pick(long enterpriseId, String text, int limit) {
        return text == null || text.isBlank() ? List.of() : users.pick(enterpriseId, text, limit);
    }

    /** A live user of the enterprise by SCIM id. */
    public Optional<UserSummary> summary(long enterpriseId, String scimId) {
        return users.liveSummary(enterpriseId, scimId);
    }

    /**
     * The lower-cased emails of a live user of the enterprise (its email values, and its userName when that is an
     * email): what links it to a console login. Empty for unknown, deleted or another enterprise's ids.
     */
    public java.util.Set<String> emailKeys(long enterpriseId, String scimId) {
        return users.findLive(enterpriseId, scimId).map(user -> user.attributes().emailKeys())
                .orElse(java.util.Set.of());
    }

    /**
     * Live users who already hold this email (as an email or an email userName) or this employee ID: a second user
     * with either would be a clash on the readiness checklist, so the console warns before creating one.
     */
    public Holders holdersOf(long enterpriseId, String email, String employeeNumber) {
        String emailKey = email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
        UserSummary byEmail = emailKey == null ? null : users.byEmailKeys(enterpriseId, List.of(emailKey)).get(emailKey);
        return new Holders(byEmail, users.liveByEmployeeNumber(enterpriseId, UserAccount.employeeNumberKey(employeeNumber), 1)
                .stream().findFirst().orElse(null));
    }

    /** Who already holds an email and an employee ID (null when nobody). */
    public record Holders(UserSummary email, UserSummary employeeNumber) implements java.io.Serializable {
        public boolean any() {
            return email != null || employeeNumber != null;
        }
    }

    /**
     * Live users holding one of these emails (lower-cased; an email value or an email userName), by email: how a
     * console login (an email) is linked to the user of the same enterprise.
     */
    public Map<String, UserSummary> byEmails(long enterpriseId, Collection<String> emailKeys) {
        return emailKeys.isEmpty() ? Map.of() : users.byEmailKeys(enterpriseId, emailKeys);
    }
}
