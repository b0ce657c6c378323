package com.rollcall.groups;

import com.rollcall.users.UserRepository;
import com.rollcall.users.UserSummary;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's read side of user groups: a paged group list with member counts and what each group is
 * mapped to, one group's summary, and its user members paged. Every query is a page or a COUNT in the
 * database (a group can have 100,000 members); nothing here writes.
 */
@Stateless
public class GroupDirectoryService {
    /** Largest page the console asks for. */
    public static final int MAX_PAGE = 200;

    /** A group in the list: its mappings in plain words, e.g. "Editor in EMEA", "Enterprise Admin (enterprise level)". */
    public record GroupRow(String scimId, String displayName, String externalId, int memberCount, List<String> mappings)
            implements Serializable {
        public boolean mapped() {
            return !mappings.isEmpty();
        }
    }

    /**
     * One group's header: user members and group members counted in the database, and the other live groups with
     * the same name (displayNames need not be unique), each told apart as "external id X, N members".
     */
    public record GroupSummary(String scimId, String displayName, String externalId, long userMembers, long groupMembers,
            List<String> namesakes) implements Serializable {
    }

    /** Most namesakes a group's header lists. */
    static final int NAMESAKES = 10;

    /** A user as a group's member list shows it. */
    public record MemberRow(String scimId, String userName, String displayName, boolean active, String source)
            implements Serializable {
        /** The display name, or the userName when there is none. */
        public String label() {
            return displayName == null || displayName.isBlank() ? userName : displayName;
        }
    }

    /** A page of rows: {@code offset} is zero-based, {@code total} counts every match. */
    public record Page<T>(List<T> rows, long total, int offset, int limit) implements Serializable {
    }

    @Inject
    private GroupRepository groups;

    @Inject
    private UserRepository users;

    @Inject
    private MappingSummaries mappings;

    /** The enterprise's groups whose name contains {@code nameContains} (any case; null or blank = all), by name. */
    public Page<GroupRow> groups(long enterpriseId, String nameContains, int offset, int limit) {
        int first = Math.max(0, offset);
        int size = pageSize(limit);
        GroupRepository.ListingPage page = groups.listing(enterpriseId, blank(nameContains) ? null : nameContains.trim(),
                first, size);
        Map<Long, List<String>> mapped = mappings.of(enterpriseId,
                page.groups().stream().map(UserGroup::id).toList());
        List<GroupRow> rows = page.groups().stream().map(g -> new GroupRow(g.scimId(), g.displayName(), g.externalId(),
                g.memberCount(), mapped.getOrDefault(g.id(), List.of()))).toList();
        return new Page<>(rows, page.total(), first, size);
    }

    public Optional<GroupSummary> group(long enterpriseId, String groupScimId) {
        if (blank(groupScimId)) {
            return Optional.empty();
        }
        return groups.find(enterpriseId, groupScimId).map(g -> {
            long[] counts = groups.memberCounts(enterpriseId, g.id());
            List<String> namesakes = groups.findByDisplayName(enterpriseId, g.displayName(), NAMESAKES + 1).stream()
                    .filter(other -> !other.id().equals(g.id())).limit(NAMESAKES).map(GroupDirectoryService::tellApart)
                    .toList();
            return new GroupSummary(g.scimId(), g.displayName(), g.externalId(), counts[0], counts[1], namesakes);
        });
    }

    /** How same-named groups are told apart: "external id 8aa1a0c0, 12 members". */
    static String tellApart(UserGroup group) {
        return (group.externalId() == null ? "no external id" : "external id " + group.externalId()) + ", "
                + com.rollcall.platform.text.Plural.count(group.memberCount(), "member");
    }

    /** The live groups a live user of the enterprise belongs to, by name, each with its mappings in words. */
    public List<GroupRow> groupsOfUser(long enterpriseId, String userScimId) {
        Optional<UserSummary> user = users.liveSummary(enterpriseId, userScimId);
        if (user.isEmpty()) {
            return List.of();
        }
        List<UserGroup> memberOf = groups.groupsOfUser(enterpriseId, user.get().id());
        Map<Long, List<String>> mapped = mappings.of(enterpriseId, memberOf.stream().map(UserGroup::id).toList());
        return memberOf.stream().map(g -> new GroupRow(g.scimId(), g.displayName(), g.externalId(), g.memberCount(),
                mapped.getOrDefault(g.id(), List.of()))).toList();
    }

    /** A page of the group's user members, in the order they were added (empty page for an unknown group). */
    public Page<MemberRow> members(long enterpriseId, String groupScimId, int offset, int limit) {
        int first = Math.max(0, offset);
        int size = pageSize(limit);
        Optional<UserGroup> group = blank(groupScimId) ? Optional.empty() : groups.find(enterpriseId, groupScimId);
        if (group.isEmpty()) {
            return new Page<>(List.of(), 0, first, size);
        }
        long total = groups.memberCounts(enterpriseId, group.get().id())[0];
        List<Long> ids = groups.memberUserIdsPage(enterpriseId, group.get().id(), first, size);
        Map<Long, UserSummary> byId = users.summaries(enterpriseId, ids);
        List<MemberRow> rows = new ArrayList<>();
        for (Long id : ids) {
            UserSummary user = byId.get(id);
            if (user != null) {
                rows.add(member(user));
            }
        }
        return new Page<>(rows, total, first, size);
    }

    /** A live user of the enterprise, as a member row (for the effective-access page's heading). */
    public Optional<MemberRow> user(long enterpriseId, String userScimId) {
        return users.liveSummary(enterpriseId, userScimId).map(GroupDirectoryService::member);
    }

    /** Live users of the enterprise whose userName or display name contains the text: a short list to pick from. */
    public List<MemberRow> findUsers(long enterpriseId, String text, int limit) {
        if (blank(text)) {
            return List.of();
        }
        return users.pick(enterpriseId, text, pageSize(limit)).stream().map(GroupDirectoryService::member).toList();
    }

    private static MemberRow member(UserSummary user) {
        return new MemberRow(user.scimId(), user.userName(), user.displayName(), user.active(), user.source().name());
    }

    private static int pageSize(int limit) {
        return Math.max(1, Math.min(MAX_PAGE, limit));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
