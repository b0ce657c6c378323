package com.rollcall.access;

import java.util.List;

/**
 * What a mapping change would do before it is made: which of the group's members would get a different effective
 * role where (the first {@link #LISTED} of them named), and the licenses that takes or frees. {@code exact} is false
 * for groups too large to simulate, where the count is the member count (an upper bound) and nothing is listed;
 * {@code runsInBackground} says the change will run as a remap job.
 *
 * @param seatsTaken members who would need a license they do not hold now
 * @param seatsFreed members who hold a license they would no longer need
 * @param seatsFree  licenses free now (limit − used; 0 when at or over the limit)
 */
public record MappingPreview(int groupMembers, int usersWhoseRoleChanges, boolean exact, boolean runsInBackground,
        List<RoleChange> changes, int seatsTaken, int seatsFreed, int seatsFree) {
    /** How many role changes a preview names (the count is exact beyond it). */
    public static final int LISTED = 50;

    public MappingPreview {
        changes = List.copyOf(changes);
    }

    /**
     * One user's role changing at one level.
     *
     * @param where  "at the enterprise level", "in EMEA", or "in every sub-account without its own mapping"
     * @param before the role before (null: none)
     * @param after  the role after (null: none)
     */
    public record RoleChange(String userId, String userName, String where, String before, String after) {
        /** e.g. "ann@example.com: Editor → no role in EMEA". */
        public String describe() {
            return userName + ": " + (before == null ? "no role" : before) + " → " + (after == null ? "no role" : after)
                    + " " + where;
        }
    }

    /** Licenses the change needs beyond the free ones; 0 when it fits (then it will not be refused for licenses). */
    public int licenseShortfall() {
        return Math.max(0, seatsTaken - seatsFreed - seatsFree);
    }
}
