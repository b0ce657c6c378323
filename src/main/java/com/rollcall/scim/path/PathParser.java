package com.rollcall.scim.path;

import com.rollcall.scim.message.ScimException;
import java.util.Objects;

/**
 * Parses attribute paths (RFC 7644 §3.10) as {@link AttributeGrammar} defines them. PATCH paths, which
 * embed value filters, are parsed by {@code com.rollcall.scim.patch.PatchPathParser}, so that this package
 * depends on no other SCIM kernel package ({@code filter} depends on {@code path}, {@code patch} on both).
 *
 * <p>Malformed input is {@code 400 invalidPath} with a detail naming the 0-based position and what
 * was expected there. Surrounding whitespace is ignored.
 *
 * <p>A URN-qualified path's URN is everything up to the last {@code ':'} before the attribute name.
 * The URN {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0User} (a known typo, ENTRA.md
 * Q8) is accepted and normalised to the enterprise user URN.
 */
public final class PathParser {
    /** Longest path accepted, in characters. */
    public static final int MAX_LENGTH = 4096;

    private static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String ENTERPRISE_USER_TYPO_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0User";

    private PathParser() {
    }

    /** Parses {@code [urn:]name[.subAttribute]}. */
    public static AttributePath parseAttributePath(String path) {
        int start = start(path);
        return parseAttributePath(path, start, end(path, start));
    }

    /**
     * Parses the attribute path {@code text[start, end)}; error positions are indexes into
     * {@code text}. For parsers that embed attribute paths (the filter parser).
     */
    public static AttributePath parseAttributePath(String text, int start, int end) {
        Objects.checkFromToIndex(start, end, text.length());
        int colon = text.lastIndexOf(':', end - 1);
        String schemaUrn = null;
        int nameStart = start;
        if (colon >= start) {
            schemaUrn = schemaUrn(text, start, colon);
            nameStart = colon + 1;
        }
        int nameEnd = scanName(text, nameStart, end, "an attribute name");
        String subAttribute = null;
        if (nameEnd < end) {
            if (text.charAt(nameEnd) != '.') {
                throw unexpected(text, nameEnd);
            }
            int subEnd = scanName(text, nameEnd + 1, end, "a sub-attribute name");
            if (subEnd < end) {
                if (text.charAt(subEnd) == '.') {
                    throw error("Expected the end of the attribute path", subEnd);
                }
                throw unexpected(text, subEnd);
            }
            subAttribute = text.substring(nameEnd + 1, subEnd);
        }
        return new AttributePath(schemaUrn, text.substring(nameStart, nameEnd), subAttribute);
    }

    /** Where a path's text begins after leading blanks; invalidPath for an empty or over-long path. */
    public static int start(String path) {
        if (path == null || path.isBlank()) {
            throw error("The path is empty", 0);
        }
        if (path.length() > MAX_LENGTH) {
            throw error("The path is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        int start = 0;
        while (Character.isWhitespace(path.charAt(start))) {
            start++;
        }
        return start;
    }

    /** Where a path's text ends before trailing blanks. */
    public static int end(String path, int start) {
        int end = path.length();
        while (end > start && Character.isWhitespace(path.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static String schemaUrn(String text, int start, int colon) {
        int fault = AttributeGrammar.urnFault(text, start, colon);
        if (fault == start) {
            throw error("Expected an attribute name or a schema URN starting with 'urn:'", start);
        }
        if (fault >= 0 && text.charAt(fault) == ':') {
            throw error("Expected a URN segment", fault);
        }
        if (fault >= 0) {
            throw unexpected(text, fault);
        }
        String urn = text.substring(start, colon);
        return urn.equalsIgnoreCase(ENTERPRISE_USER_TYPO_URN) ? ENTERPRISE_USER_URN : urn;
    }

    /** The end of the attribute name starting at {@code from}; invalidPath naming what was expected when none does. */
    private static int scanName(String text, int from, int end, String expected) {
        int nameEnd = AttributeGrammar.nameEnd(text, from, end);
        if (nameEnd == from) {
            throw error("Expected " + expected, from);
        }
        return nameEnd;
    }

    private static ScimException unexpected(String text, int at) {
        return error("Unexpected character '" + text.charAt(at) + "'", at);
    }

    private static ScimException error(String what, int at) {
        return ScimException.invalidPath(what + " at position " + at);
    }
}
