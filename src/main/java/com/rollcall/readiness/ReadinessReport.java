package com.rollcall.readiness;

import com.rollcall.platform.text.Plural;
import java.util.List;

/**
 * The migration checklist of PRODUCT.md rule 10, computed: each list is capped (its count is exact).
 */
public record ReadinessReport(String identifierRule, Section<UserRef> unmatchableManualUsers,
        Section<Clash> emailClashes, Section<Clash> employeeNumberClashes, Licenses licenses,
        Section<GroupRef> unmappedGroups) implements java.io.Serializable {

    /** An exact count, the first items, and what an administrator does about them, in words. */
    public record Section<T>(long count, List<T> items, String advice) implements java.io.Serializable {
    }

    public record UserRef(String id, String userName) implements java.io.Serializable {
    }

    /** One identifier value shared by several live users. */
    public record Clash(String value, long userCount, List<UserRef> users) implements java.io.Serializable {
    }

    public record GroupRef(String id, String displayName, long memberCount) implements java.io.Serializable {
    }

    /**
     * {@code activeUsers} counts active live users; {@code seatsUsed} is the enterprise's seat counter (what
     * the license guard enforces; it excludes users who consume no license).
     */
    public record Licenses(int limit, long activeUsers, long seatsUsed) implements java.io.Serializable {
        public long headroom() {
            return limit - activeUsers;
        }

        public long seatsHeadroom() {
            return limit - seatsUsed;
        }
    }

    /**
     * The checklist's open items, one sentence each, in the page's order: the readiness page and the settings
     * dialog both count and show these, so they always say the same number. Unmapped groups are an item (their
     * members get no role yet) although they do not block a switch ({@link #ready()}).
     */
    public List<String> openItems() {
        List<String> open = new java.util.ArrayList<>();
        if (unmatchableManualUsers.count() > 0) {
            open.add(Plural.count(unmatchableManualUsers.count(), "manual user") + " cannot be matched by your "
                    + "identity provider.");
        }
        if (emailClashes.count() > 0) {
            open.add(Plural.countIs(emailClashes.count(), "email") + " shared by several users.");
        }
        if (employeeNumberClashes.count() > 0) {
            open.add(Plural.countIs(employeeNumberClashes.count(), "employee ID") + " shared by several users.");
        }
        if (licenses.headroom() < 0 || licenses.seatsHeadroom() < 0) {
            open.add("More users are active than the license limit allows.");
        }
        if (unmappedGroups.count() > 0) {
            open.add(Plural.countHas(unmappedGroups.count(), "group") + (unmappedGroups.count() == 1
                    ? " no mapping: its members get no role from it." : " no mapping: their members get no role from them."));
        }
        return open;
    }

    /** Nothing stands in the way of switching to the connected system. */
    public boolean ready() {
        return unmatchableManualUsers.count() == 0 && emailClashes.count() == 0 && employeeNumberClashes.count() == 0
                && licenses.headroom() >= 0 && licenses.seatsHeadroom() >= 0;
    }
}
