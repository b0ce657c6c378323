package com.rollcall.scim.filter;

import com.rollcall.scim.filter.Literal.BooleanLiteral;
import com.rollcall.scim.filter.Literal.NullLiteral;
import com.rollcall.scim.filter.Literal.NumberLiteral;
import com.rollcall.scim.filter.Literal.StringLiteral;
import com.rollcall.scim.json.BoundedNumbers;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributeGrammar;
import com.rollcall.scim.path.AttributePath;
import com.rollcall.scim.path.PathParser;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the complete filter grammar of RFC 7644 §3.4.2.2 (Figure 1).
 *
 * <p>Precedence: grouping, then attribute operators, then {@code not} over {@code and} over
 * {@code or}; {@code and} and {@code or} associate to the left. Operators, {@code pr},
 * {@code and}, {@code or}, {@code not}, {@code true}, {@code false} and {@code null} are
 * case-insensitive; any whitespace may separate tokens. Value filters ({@code emails[...]}) may
 * hold and/or/not but no further brackets.
 *
 * <p>Accepted beyond the RFC (ENTRA.md Q10): Entra's {@code emails[type eq "work"].value eq "x"},
 * parsed as {@code emails[type eq "work" and value eq "x"]}; and unquoted values
 * ({@code externalId eq jyoung}), parsed as strings unless they are {@code true}, {@code false},
 * {@code null} or a JSON number.
 *
 * <p>Every error is {@code 400 invalidFilter} with a detail that says what is wrong or expected and
 * the 0-based position, e.g. {@code Expected an operator at position 9}. Filters longer than
 * {@value #MAX_LENGTH} characters or nested (parentheses, {@code not}, brackets) deeper than
 * {@value #MAX_DEPTH} levels are rejected.
 */
public final class FilterParser {
    /** Longest filter accepted, in characters. */
    public static final int MAX_LENGTH = 4096;
    /** Deepest nesting of parentheses, {@code not} and brackets accepted. */
    public static final int MAX_DEPTH = 32;

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
    private static final String START_OF_EXPRESSION = "Expected an attribute name, '(' or 'not'";

    private final String text;
    private final int end;
    private int pos;
    private int depth;
    private boolean insideValueFilter;

    private FilterParser(String text, int start, int end, int depth, boolean insideValueFilter) {
        this.text = text;
        this.pos = start;
        this.end = end;
        this.depth = depth;
        this.insideValueFilter = insideValueFilter;
    }

    /** Parses a {@code filter} query parameter (or SearchRequest attribute). */
    public static Filter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw ScimException.invalidFilter("The filter is empty at position 0");
        }
        if (filter.length() > MAX_LENGTH) {
            throw ScimException.invalidFilter("The filter is longer than " + MAX_LENGTH + " characters at position " + MAX_LENGTH);
        }
        FilterParser parser = new FilterParser(filter, 0, filter.length(), 0, false);
        Filter result = parser.parseOr();
        parser.expectEnd("the end of the filter");
        return result;
    }

    /**
     * Parses the value filter {@code text[start, end)} found between the brackets of a PATCH path:
     * paths inside are relative to the multi-valued attribute and no brackets are allowed. Error
     * positions are indexes into {@code text}.
     */
    public static Filter parseValueFilter(String text, int start, int end) {
        Objects.checkFromToIndex(start, end, text.length());
        FilterParser parser = new FilterParser(text, start, end, 1, true);
        Filter result = parser.parseOr();
        parser.expectEnd("']'");
        return result;
    }

    private Filter parseOr() {
        Filter left = parseAnd();
        while (skipWhitespace() && keywordAt("or")) {
            pos += 2;
            left = new Filter.Or(left, parseAnd());
        }
        return left;
    }

    private Filter parseAnd() {
        Filter left = parseUnary();
        while (skipWhitespace() && keywordAt("and")) {
            pos += 3;
            left = new Filter.And(left, parseUnary());
        }
        return left;
    }

    private Filter parseUnary() {
        skipWhitespace();
        int start = pos;
        if (pos == end) {
            throw error(START_OF_EXPRESSION, pos);
        }
        if (keywordAt("not")) {
            pos += 3;
            skipWhitespace();
            if (pos == end || text.charAt(pos) != '(') {
                throw error("Expected '(' after 'not'", pos);
            }
            return new Filter.Not(parseGroup(start));
        }
        char c = text.charAt(pos);
        if (c == '(') {
            return parseGroup(start);
        }
        if (!AttributeGrammar.isNameStart(c) || keywordAt("and") || keywordAt("or")) {
            throw error(START_OF_EXPRESSION, pos);
        }
        return parseAttributeExpression();
    }

    /** Parses {@code "(" FILTER ")"} with {@code pos} at the parenthesis; {@code nestingAt} is where the level opened. */
    private Filter parseGroup(int nestingAt) {
        enterLevel(nestingAt);
        pos++;
        Filter inner = parseOr();
        expectClosing(')', "')'");
        leaveLevel();
        return inner;
    }

    private Filter parseAttributeExpression() {
        int pathStart = pos;
        pos = AttributeGrammar.pathEnd(text, pos, end);
        AttributePath path = attributePath(pathStart, pos);
        skipWhitespace();
        if (pos < end && text.charAt(pos) == '[') {
            return parseValuePath(path);
        }
        return parseOperation(path);
    }

    private Filter parseValuePath(AttributePath attribute) {
        int open = pos;
        if (insideValueFilter) {
            throw error("Value filters cannot be nested", open);
        }
        if (attribute.subAttribute() != null) {
            throw error("A value filter cannot follow a sub-attribute", open);
        }
        enterLevel(open);
        pos++;
        insideValueFilter = true;
        Filter inner = parseOr();
        expectClosing(']', "']'");
        insideValueFilter = false;
        leaveLevel();
        if (pos < end && text.charAt(pos) == '.') {
            pos++;
            int subStart = pos;
            pos = AttributeGrammar.nameEnd(text, subStart, end);
            if (pos == subStart) {
                throw error("Expected a sub-attribute name", pos);
            }
            AttributePath sub = AttributePath.of(text.substring(subStart, pos));
            return new Filter.ValuePath(attribute, new Filter.And(inner, parseOperation(sub)));
        }
        return new Filter.ValuePath(attribute, inner);
    }

    /** Parses {@code pr} or {@code compareOp compValue} after an attribute path. */
    private Filter parseOperation(AttributePath path) {
        skipWhitespace();
        int operatorStart = pos;
        while (pos < end && AttributeGrammar.isNameChar(text.charAt(pos))) {
            pos++;
        }
        String keyword = text.substring(operatorStart, pos);
        if (keyword.equalsIgnoreCase("pr")) {
            return new Filter.Present(path);
        }
        Operator operator = Operator.fromKeyword(keyword).orElseThrow(() -> error("Expected an operator", operatorStart));
        Literal value = parseValue();
        if ((value instanceof BooleanLiteral || value instanceof NullLiteral)
                && operator != Operator.EQ && operator != Operator.NE) {
            throw error("The operator '" + operator.keyword() + "' cannot compare with " + value, operatorStart);
        }
        return new Filter.Comparison(path, operator, value);
    }

    private Literal parseValue() {
        skipWhitespace();
        int start = pos;
        if (pos < end && text.charAt(pos) == '"') {
            return new StringLiteral(parseString());
        }
        int wordEnd = pos;
        while (wordEnd < end && !endsBareValue(text.charAt(wordEnd))) {
            wordEnd++;
        }
        String word = text.substring(start, wordEnd);
        if (word.isEmpty() || word.charAt(0) == '\''
                || word.equalsIgnoreCase("and") || word.equalsIgnoreCase("or") || word.equalsIgnoreCase("not")) {
            throw error("Expected a value", start);
        }
        pos = wordEnd;
        if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
            return new BooleanLiteral(word.equalsIgnoreCase("true"));
        }
        if (word.equalsIgnoreCase("null")) {
            return NullLiteral.INSTANCE;
        }
        if (JSON_NUMBER.matcher(word).matches()) {
            String number = word;
            return BoundedNumbers.parse(word).map(value -> new NumberLiteral(number, value))
                    .orElseThrow(() -> error(BoundedNumbers.refusal(number), start));
        }
        return new StringLiteral(word);
    }

    /** Parses a JSON string literal with {@code pos} at its opening quote. */
    private String parseString() {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                pos++;
                continue;
            }
            if (pos + 1 == end) {
                break;
            }
            char escaped = text.charAt(pos + 1);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    value.append(unicodeEscape(pos));
                    pos += 4;
                }
                default -> throw error("Invalid escape sequence", pos);
            }
            pos += 2;
        }
        throw error("Unterminated string starting", start);
    }

    private char unicodeEscape(int backslash) {
        int digits = backslash + 2;
        if (digits + 4 > end) {
            throw error("Invalid \\u escape sequence", backslash);
        }
        int code = 0;
        for (int i = digits; i < digits + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw error("Invalid \\u escape sequence", backslash);
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private AttributePath attributePath(int start, int pathEnd) {
        try {
            return PathParser.parseAttributePath(text, start, pathEnd);
        } catch (ScimException e) {
            throw ScimException.invalidFilter(e.detail());
        }
    }

    private void expectClosing(char closing, String expected) {
        skipWhitespace();
        if (pos == end || text.charAt(pos) != closing) {
            throw unexpectedAfterExpression(expected);
        }
        pos++;
    }

    private void expectEnd(String expected) {
        skipWhitespace();
        if (pos < end) {
            throw unexpectedAfterExpression(expected);
        }
    }

    private ScimException unexpectedAfterExpression(String expected) {
        if (pos < end) {
            char c = text.charAt(pos);
            if ((c == ')' || c == ']') && !expected.equals("'" + c + "'")) {
                return error("Unexpected '" + c + "'", pos);
            }
        }
        return error("Expected 'and', 'or' or " + expected, pos);
    }

    private void enterLevel(int at) {
        if (++depth > MAX_DEPTH) {
            throw error("The filter is nested deeper than " + MAX_DEPTH + " levels", at);
        }
    }

    private void leaveLevel() {
        depth--;
    }

    /** Skips whitespace; true when more input follows. */
    private boolean skipWhitespace() {
        while (pos < end && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos < end;
    }

    /** True when the keyword, in any case, starts at {@code pos} and is not the start of a longer name. */
    private boolean keywordAt(String keyword) {
        int after = pos + keyword.length();
        return after <= end
                && text.regionMatches(true, pos, keyword, 0, keyword.length())
                && (after == end || !AttributeGrammar.isPathChar(text.charAt(after)));
    }

    private static boolean endsBareValue(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
    }

    private static ScimException error(String what, int at) {
        return ScimException.invalidFilter(what + " at position " + at);
    }
}
