package com.rollcall.scim.message;

import java.util.Locale;

/**
 * How much work one SCIM request may ask for, beyond its size in bytes (the JSON provider's 1 MB, 8 MB for groups):
 * well above what Entra (member batches of a few dozen values per PATCH) and Okta (a group's whole member list in a
 * PUT) send, low enough that no request holds a group's lock for long. Over a limit: 400 invalidValue naming it.
 */
public final class RequestLimits {
    /** Operations in one PATCH. */
    public static final int MAX_PATCH_OPERATIONS = 1_000;
    /** Member values in one group request (a POST's or PUT's members, all of a PATCH's operations together). */
    public static final int MAX_MEMBER_VALUES = 50_000;

    private RequestLimits() {
    }

    public static void requirePatchOperations(int count) {
        if (count > MAX_PATCH_OPERATIONS) {
            throw ScimException.invalidValue(String.format(Locale.ROOT, "A PATCH request may carry at most %,d operations "
                    + "(this one has %,d): send them in several requests.", MAX_PATCH_OPERATIONS, count));
        }
    }

    public static void requireMemberValues(long count) {
        if (count > MAX_MEMBER_VALUES) {
            throw ScimException.invalidValue(String.format(Locale.ROOT, "A group request may carry at most %,d member "
                    + "values (this one has %,d): send them in several PATCH requests.", MAX_MEMBER_VALUES, count));
        }
    }
}
