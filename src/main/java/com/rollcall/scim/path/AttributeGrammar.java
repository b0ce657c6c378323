package com.rollcall.scim.path;

/**
 * The one definition of what attribute names and attribute paths look like, shared by {@link PathParser},
 * the filter parser and the PATCH path parser:
 * <ul>
 * <li>an attribute or sub-attribute name is ATTRNAME of RFC 7643 §2.1 ({@code ALPHA *(nameChar)}, nameChar
 *     being {@code ALPHA / DIGIT / "_" / "-"}), which may also start with {@code '$'} for {@code $ref};</li>
 * <li>a schema URN is {@code "urn:"} (any case) followed by non-empty segments of name characters and
 *     {@code '.'}, separated by {@code ':'};</li>
 * <li>an attribute path ({@code [urn:]name[.subAttribute]}, RFC 7644 §3.10) is a run of path characters:
 *     name characters, {@code '$'}, {@code ':'} and {@code '.'}.</li>
 * </ul>
 * This class only scans and answers positions; each parser turns a position into its own error
 * ({@code invalidPath} or {@code invalidFilter}) with its own wording.
 */
public final class AttributeGrammar {
    /** The prefix every schema URN starts with, compared ignoring case. */
    public static final String URN_PREFIX = "urn:";

    private AttributeGrammar() {
    }

    /** Whether {@code c} may start an attribute name: a letter, or {@code '$'} (for {@code $ref}). */
    public static boolean isNameStart(char c) {
        return isLetter(c) || c == '$';
    }

    /** Whether {@code c} may follow the first character of an attribute name. */
    public static boolean isNameChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Whether {@code c} may stand in an attribute path: a name character, {@code '$'}, {@code ':'} or {@code '.'}. */
    public static boolean isPathChar(char c) {
        return isNameChar(c) || c == '$' || c == ':' || c == '.';
    }

    /**
     * The end of the attribute name starting at {@code from} in {@code text[from, end)}; {@code from} itself
     * when no name starts there.
     */
    public static int nameEnd(String text, int from, int end) {
        if (from >= end || !isNameStart(text.charAt(from))) {
            return from;
        }
        int i = from + 1;
        while (i < end && isNameChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the run of path characters starting at {@code from} in {@code text[from, end)}. */
    public static int pathEnd(String text, int from, int end) {
        int i = from;
        while (i < end && isPathChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Where the schema URN {@code text[start, end)} breaks the grammar, or -1 when it is well formed: {@code start}
     * when it does not begin with {@code "urn:"}, the position of a {@code ':'} that opens an empty segment
     * (the end counts as one), or the position of a character that no segment may hold.
     */
    public static int urnFault(String text, int start, int end) {
        if (end - start < URN_PREFIX.length() || !text.regionMatches(true, start, URN_PREFIX, 0, URN_PREFIX.length())) {
            return start;
        }
        int segmentStart = start + URN_PREFIX.length();
        for (int i = segmentStart; i <= end; i++) {
            char c = i == end ? ':' : text.charAt(i);
            if (c == ':') {
                if (i == segmentStart) {
                    return i;
                }
                segmentStart = i + 1;
            } else if (!isNameChar(c) && c != '.') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
