package com.rollcall.access;

/**
 * Why users' effective roles are being recomputed, as their role history will say: in words ("membership of
 * group 'Sales' changed", "mapping added to group 'Sales': Editor in EMEA"), and the remap job when a background
 * job does it (the actor and request id come with the {@code Actor}).
 */
public record RoleChangeCause(String text, Long remapJobId) {
    public RoleChangeCause {
        text = text == null || text.isBlank() ? "effective roles recomputed" : text.strip();
        if (text.length() > 500) {
            text = text.substring(0, 499) + "…";
        }
    }

    public static RoleChangeCause of(String text) {
        return new RoleChangeCause(text, null);
    }
}
