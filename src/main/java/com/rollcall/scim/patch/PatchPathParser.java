package com.rollcall.scim.patch;

import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.FilterParser;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributeGrammar;
import com.rollcall.scim.path.AttributePath;
import com.rollcall.scim.path.PathParser;
import com.rollcall.scim.quirks.EnterpriseUrnTypo;

/**
 * Parses the {@code path} of a PATCH operation (RFC 7644 §3.5.2, Figure 7):
 * {@code attrPath} or {@code attrPath "[" valFilter "]" ["." subAttr]}.
 *
 * <p>Malformed input is {@code 400 invalidPath} with a detail naming the 0-based position and what
 * was expected there; a syntax error inside {@code [...]} is {@code 400 invalidFilter} (RFC 7644
 * Table 9 lists invalidFilter for "PATCH (Path Filter)"), positioned in the whole path. Surrounding
 * whitespace is ignored. The attribute part is parsed by {@link PathParser}, which also normalises the
 * enterprise URN typo of ENTRA.md Q8; a path that is only that misspelt URN is normalised here.
 */
public final class PatchPathParser {
    /** Longest path accepted, in characters. */
    public static final int MAX_LENGTH = PathParser.MAX_LENGTH;

    private PatchPathParser() {
    }

    /** Parses a PATCH operation's {@code path}. */
    public static PatchPath parse(String path) {
        int start = PathParser.start(path);
        int end = PathParser.end(path, start);
        if (EnterpriseUrnTypo.isTypo(path.substring(start, end))) {
            return parse(EnterpriseUrnTypo.normalise(path.substring(start, end)));
        }
        int i = AttributeGrammar.pathEnd(path, start, end);
        AttributePath attribute = PathParser.parseAttributePath(path, start, i);
        if (i == end) {
            return PatchPath.of(attribute);
        }
        if (path.charAt(i) != '[') {
            throw error("Expected '[' or the end of the path", i);
        }
        if (attribute.subAttribute() != null) {
            throw error("A value filter cannot follow a sub-attribute", i);
        }
        int close = closingBracket(path, i + 1, end);
        if (close < 0) {
            FilterParser.parseValueFilter(path, i + 1, end);
            throw error("Expected ']'", end);
        }
        Filter valueFilter = FilterParser.parseValueFilter(path, i + 1, close);
        int after = close + 1;
        if (after == end) {
            return new PatchPath(attribute, valueFilter, null);
        }
        if (path.charAt(after) != '.') {
            throw error("Expected '.' or the end of the path", after);
        }
        int subEnd = scanName(path, after + 1, end);
        if (subEnd < end) {
            throw error("Expected the end of the path", subEnd);
        }
        return new PatchPath(attribute, valueFilter, path.substring(after + 1, subEnd));
    }

    /** The end of the sub-attribute name ({@link AttributeGrammar}) starting at {@code from}. */
    private static int scanName(String text, int from, int end) {
        int nameEnd = AttributeGrammar.nameEnd(text, from, end);
        if (nameEnd == from) {
            throw error("Expected a sub-attribute name", from);
        }
        return nameEnd;
    }

    /** The index of the ']' closing a value filter, skipping string literals, or -1. */
    private static int closingBracket(String text, int from, int end) {
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ']') {
                return i;
            }
            if (c == '"') {
                i++;
                while (i < end && text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
            }
            i++;
        }
        return -1;
    }

    private static ScimException error(String what, int at) {
        return ScimException.invalidPath(what + " at position " + at);
    }
}
