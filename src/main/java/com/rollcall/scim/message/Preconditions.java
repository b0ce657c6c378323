package com.rollcall.scim.message;

/**
 * RFC 7644 §3.14 / RFC 7232 {@code If-Match} on PUT, PATCH and DELETE: {@code *} or a list of
 * (weak or strong) entity tags; the request proceeds only if one names the current version.
 */
public final class Preconditions {
    private Preconditions() {
    }

    /** The weak ETag of a resource version, as sent in meta.version and the ETag header. */
    public static String etag(int version) {
        return "W/\"" + version + "\"";
    }

    /** Throws 412 when {@code ifMatch} is given and does not name this version of the resource. */
    public static void checkIfMatch(String ifMatch, int version) {
        checkIfMatch(ifMatch, etag(version));
    }

    /** Throws 412 when {@code ifMatch} is given and does not match the resource's current ETag. */
    public static void checkIfMatch(String ifMatch, String currentEtag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = opaque(currentEtag);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(current)) {
                return;
            }
        }
        throw ScimException.preconditionFailed("The resource has changed (its version is " + currentEtag
                + "); read it again and retry.");
    }

    /** The quoted value of an entity tag without its weakness marker: W/"3" and "3" both give 3. */
    static String opaque(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/") || t.startsWith("w/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }
}
