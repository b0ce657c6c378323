package com.rollcall.licensing;

/** A license limit before and after a change, and the seats in use when it was made. */
public record LimitChange(int before, int limit, int used) {
    /** Whether the new limit is below the seats in use: nobody loses a seat, but none can be taken. */
    public boolean belowUsage() {
        return limit < used;
    }

    /** The operator's notice about a limit under the seats in use; null otherwise. */
    public String notice() {
        if (limit >= used) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "The limit (%,d) is below the %,d seats in use: nobody is deactivated, "
                + "and no new seat can be taken until fewer than %,d users hold one.", limit, used, limit);
    }
}
