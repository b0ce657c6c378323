package com.rollcall.testing.fuzz;

import static com.rollcall.testing.fuzz.Texts.anyCase;
import static com.rollcall.testing.fuzz.Texts.blank;
import static com.rollcall.testing.fuzz.Texts.chance;
import static com.rollcall.testing.fuzz.Texts.pick;

import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.Literal;
import com.rollcall.scim.filter.Operator;
import com.rollcall.scim.json.BoundedNumbers;
import com.rollcall.scim.patch.PatchPath;
import com.rollcall.scim.path.AttributePath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Grammar-driven generation of SCIM attribute paths and filters (RFC 7644 §3.4.2.2, §3.10): random trees, written
 * in any of the forms the parser accepts for the same tree (blank space, letter case of keywords, redundant
 * parentheses, unquoted values, JSON escapes, Entra's {@code emails[type eq "work"].value eq "x"}), and hostile text
 * made from them.
 *
 * <p>Names the grammar allows but no filter can start with are left out of generated trees: an unqualified
 * attribute named {@code and}, {@code or} or {@code not} reads as the keyword (RFC 7644's grammar is ambiguous
 * there, and no SCIM schema has such an attribute).
 */
public final class Filters {
    public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_TYPO = "urn:ietf:params:scim:schemas:extension:enterprise:2.0User";

    /** Attribute and sub-attribute names of Rollcall's schemas, and a few that are names only to the grammar. */
    public static final List<String> NAMES = List.of("userName", "name", "givenName", "familyName", "formatted",
            "displayName", "nickName", "title", "userType", "active", "externalId", "id", "meta", "lastModified",
            "created", "version", "resourceType", "emails", "phoneNumbers", "ims", "photos", "addresses", "locality",
            "country", "value", "type", "primary", "display", "$ref", "groups", "members", "manager", "employeeNumber",
            "department", "costCenter", "password", "roles", "schemas", "x", "pr", "eq", "true", "null", "urn", "a-b_9",
            "Z");
    /** URNs in generated trees: Rollcall's (in any case) and unknown ones. */
    public static final List<String> URNS = List.of(CORE_USER, ENTERPRISE, CORE_GROUP,
            "URN:IETF:params:scim:schemas:core:2.0:user", "urn:x", "urn:a.b:c-d_1",
            "urn:ietf:params:scim:schemas:extension:other:2.0:User");
    private static final List<String> KEYWORDS = List.of("and", "or", "not");

    private Filters() {
    }

    /** An attribute name of the grammar: mostly Rollcall's, in any case; sometimes a random one. */
    public static String name(Random random) {
        if (random.nextInt(5) > 0) {
            String name = pick(random, NAMES);
            return name.startsWith("$") || random.nextInt(3) > 0 ? name : anyCase(random, name);
        }
        StringBuilder name = new StringBuilder();
        name.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 'A' + random.nextInt(26)));
        int length = random.nextInt(random.nextInt(20) == 0 ? 200 : 8);
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        for (int i = 0; i < length; i++) {
            name.append(chars.charAt(random.nextInt(chars.length())));
        }
        return name.toString();
    }

    /** A URN the grammar accepts: Rollcall's, unknown ones, and sometimes the enterprise typo (ENTRA.md Q8). */
    public static String urn(Random random) {
        return random.nextInt(10) == 0 ? ENTERPRISE_TYPO : pick(random, URNS);
    }

    /**
     * A well-formed attribute path as the parser gives it back: never an unqualified {@code and}, {@code or} or
     * {@code not}, never the enterprise typo (which the parser normalises).
     */
    public static AttributePath path(Random random, boolean allowSubAttribute) {
        String urn = random.nextInt(5) == 0 ? pick(random, URNS) : null;
        String name = name(random);
        while (urn == null && KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
            name = name(random);
        }
        String sub = allowSubAttribute && random.nextInt(3) == 0 ? name(random) : null;
        return new AttributePath(urn, name, sub);
    }

    /** A random filter tree that the parser can read back, at most {@code depth} levels of operators deep. */
    public static Filter filter(Random random, int depth) {
        return filter(random, depth, false);
    }

    /** A random filter for inside brackets ({@code emails[...]}): no value paths in it. */
    public static Filter valueFilter(Random random, int depth) {
        return filter(random, depth, true);
    }

    private static Filter filter(Random random, int depth, boolean insideValuePath) {
        int choice = depth <= 0 ? random.nextInt(2) : random.nextInt(insideValuePath ? 6 : 7);
        return switch (choice) {
            case 0 -> comparison(random, path(random, true));
            case 1 -> new Filter.Present(path(random, true));
            case 2, 3 -> new Filter.And(filter(random, depth - 1, insideValuePath), filter(random, depth - 1, insideValuePath));
            case 4 -> new Filter.Or(filter(random, depth - 1, insideValuePath), filter(random, depth - 1, insideValuePath));
            case 5 -> new Filter.Not(filter(random, depth - 1, insideValuePath));
            default -> new Filter.ValuePath(path(random, false), filter(random, Math.min(depth - 1, 3), true));
        };
    }

    private static Filter.Comparison comparison(Random random, AttributePath path) {
        Operator operator = pick(random, Operator.values());
        return new Filter.Comparison(path, operator, literal(random, operator));
    }

    /** A value the operator may compare with: {@code true}, {@code false} and {@code null} only for eq and ne. */
    public static Literal literal(Random random, Operator operator) {
        int kinds = operator == Operator.EQ || operator == Operator.NE ? 5 : 3;
        return switch (random.nextInt(kinds)) {
            case 0, 1 -> new Literal.StringLiteral(Texts.content(random));
            case 2 -> number(random);
            case 3 -> new Literal.BooleanLiteral(random.nextBoolean());
            default -> Literal.NullLiteral.INSTANCE;
        };
    }

    private static Literal.NumberLiteral number(Random random) {
        String text = Texts.number(random);
        BigDecimal value = BoundedNumbers.parse(text).orElse(null);
        return value == null ? new Literal.NumberLiteral("42", BigDecimal.valueOf(42)) : new Literal.NumberLiteral(text, value);
    }

    /**
     * The filter written the way a client might: random blank space, keyword case, redundant parentheses (within
     * the parser's nesting limit), JSON escapes, unquoted values where they read the same, and Entra's
     * {@code attr[...].sub op value} for a value path ending in a comparison of a plain name. Parses to
     * {@code filter}.
     */
    public static String write(Random random, Filter filter) {
        return new Writer(random).write(filter, 0);
    }

    private static final class Writer {
        private static final int MAX_LEVELS = 24;
        private final Random random;

        Writer(Random random) {
            this.random = random;
        }

        String write(Filter filter, int levels) {
            if (levels < MAX_LEVELS && random.nextInt(12) == 0) {
                return "(" + space(true) + write(filter, levels + 1) + space(true) + ")";
            }
            if (filter instanceof Filter.Comparison comparison) {
                return comparison.path() + space(false) + anyCase(random, comparison.operator().keyword())
                        + value(comparison.value());
            }
            if (filter instanceof Filter.Present present) {
                return present.path() + space(false) + anyCase(random, "pr");
            }
            if (filter instanceof Filter.And and) {
                return operand(and.left(), and.left() instanceof Filter.Or, levels) + space(false) + anyCase(random, "and")
                        + space(false) + operand(and.right(), and.right() instanceof Filter.Or || and.right() instanceof Filter.And, levels);
            }
            if (filter instanceof Filter.Or or) {
                return operand(or.left(), false, levels) + space(false) + anyCase(random, "or") + space(false)
                        + operand(or.right(), or.right() instanceof Filter.Or, levels);
            }
            if (filter instanceof Filter.Not not) {
                return anyCase(random, "not") + space(true) + "(" + space(true) + write(not.filter(), levels + 1) + space(true) + ")";
            }
            Filter.ValuePath valuePath = (Filter.ValuePath) filter;
            if (valuePath.filter() instanceof Filter.And and && entraForm(and.right()) && random.nextBoolean()) {
                Filter last = and.right();
                AttributePath sub = last instanceof Filter.Comparison c ? c.path() : ((Filter.Present) last).path();
                String inner = and.left() instanceof Filter.Or ? "(" + write(and.left(), levels + 2) + ")" : write(and.left(), levels + 1);
                String tail = last instanceof Filter.Comparison c
                        ? space(false) + anyCase(random, c.operator().keyword()) + value(c.value())
                        : space(false) + anyCase(random, "pr");
                return valuePath.attribute() + "[" + space(true) + inner + space(true) + "]." + sub.name() + tail;
            }
            return valuePath.attribute() + "[" + space(true) + write(valuePath.filter(), levels + 1) + space(true) + "]";
        }

        /** Whether the last part of a value path's filter can follow its brackets ({@code ].sub op value}). */
        private static boolean entraForm(Filter filter) {
            AttributePath path = filter instanceof Filter.Comparison c ? c.path()
                    : filter instanceof Filter.Present p ? p.path() : null;
            return path != null && path.schemaUrn() == null && path.subAttribute() == null && !path.name().startsWith("$");
        }

        private String operand(Filter filter, boolean group, int levels) {
            return group ? "(" + space(true) + write(filter, levels + 1) + space(true) + ")" : write(filter, levels);
        }

        private String space(boolean optional) {
            return optional && random.nextInt(3) > 0 ? "" : blank(random);
        }

        private String value(Literal literal) {
            String before = blank(random);
            if (literal instanceof Literal.StringLiteral string) {
                String text = string.value();
                if (bareSafe(text) && random.nextInt(3) == 0) {
                    return before + text;
                }
                return (random.nextInt(4) == 0 ? "" : before) + quote(text);
            }
            if (literal instanceof Literal.NumberLiteral number) {
                return before + number.text();
            }
            return before + anyCase(random, literal.toString());
        }

        /** The string in JSON quotes, each character escaped or not at random where JSON allows both. */
        private String quote(String text) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    quoted.append('\\').append(c);
                } else if (random.nextInt(8) == 0) {
                    quoted.append(switch (c) {
                        case '/' -> "\\/";
                        case '\n' -> "\\n";
                        case '\t' -> "\\t";
                        default -> String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c);
                    });
                } else {
                    quoted.append(c);
                }
            }
            return quoted.append('"').toString();
        }

        /** Whether the text, written without quotes, reads as this string (Entra's unquoted values). */
        private static boolean bareSafe(String text) {
            if (text.isEmpty() || text.charAt(0) == '\'' || text.equalsIgnoreCase("and") || text.equalsIgnoreCase("or")
                    || text.equalsIgnoreCase("not") || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                    || text.equalsIgnoreCase("null") || text.matches("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")) {
                return false;
            }
            for (char c : text.toCharArray()) {
                if (Character.isWhitespace(c) || "()[]\"".indexOf(c) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Filter text as a hostile client might send it: written trees, mutated trees, token soup, deep nesting, extreme
     * numbers, texts at the length limit, random characters.
     */
    public static String hostile(Random random) {
        return switch (random.nextInt(22)) {
            case 0, 1, 2 -> write(random, filter(random, random.nextInt(5)));
            case 20, 21 -> pick(random, "meta.lastModified", "meta.created", "urn:ietf:params:scim:schemas:core:2.0:Group:meta.created",
                    "meta.lastmodified") + " " + pick(random, "gt", "ge", "lt", "le", "eq", "ne", "co", "pr x") + " \""
                    + pick(random, DATES) + "\"";
            case 3, 4, 5, 6, 7, 8 -> Texts.mutate(random, write(random, filter(random, random.nextInt(4))), 4);
            case 9, 10 -> soup(random);
            case 11, 12 -> nested(random);
            case 13, 14 -> path(random, true) + " " + pick(random, "eq", "gt", "le", "co", "ne") + " "
                    + Texts.extremeNumber(random) + (random.nextBoolean() ? "" : " and " + write(random, filter(random, 1)));
            case 15 -> long4096(random);
            case 16 -> pick(random, "emails", "members", "addresses") + "[" + write(random, filter(random, 2))
                    + pick(random, "", "]", "].value", "].value eq", "]]", "].", "][", "].value eq \"x\"");
            case 17 -> random(random);
            default -> Texts.mutate(random, pick(random, ENTRA), 2);
        };
    }

    /** Date-times at and past the edges of what a database column holds, and not quite date-times. */
    public static final List<String> DATES = List.of("2011-05-13T04:42:34Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "10000-01-01T00:00:00Z", "1000-01-01T00:00:00+14:00", "1970-01-01T00:00:00-18:00", "2016-12-31T23:59:60Z",
            "2011-02-30T00:00:00Z", "2011-05-13T04:42:34", "2011-05-13", "2011-05-13t04:42:34z", "2038-01-19T03:14:08Z",
            "1969-12-31T23:59:59.999Z", "");

    /** The filters Entra, Okta and the RFC examples really send. */
    public static final List<String> ENTRA = List.of("userName eq \"d7b7b3a0-8f5e-4e6b-b0f5-000000000000\"",
            "externalId eq \"jyoung\"", "externalId eq jyoung", "emails[type eq \"work\"].value eq \"a@example.com\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
            "displayName eq \"Sales\"", "userName eq \"a\" and externalId eq \"b\"", "members[value eq \"x\"]",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"", "title pr or userType eq \"Intern\"",
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
            "active eq \"True\"", "active eq false", "groups.value eq \"g1\"", "id eq \"x\"",
            ENTERPRISE_TYPO + ":employeeNumber eq \"1\"");

    private static String soup(Random random) {
        StringBuilder text = new StringBuilder();
        int tokens = 1 + random.nextInt(30);
        for (int i = 0; i < tokens; i++) {
            text.append(switch (random.nextInt(6)) {
                case 0 -> path(random, true).toString();
                case 1 -> Texts.number(random);
                case 2 -> "\"" + Texts.content(random) + "\"";
                default -> pick(random, Texts.TOKENS);
            });
            if (random.nextBoolean()) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static String nested(Random random) {
        int depth = pick(random, 30, 31, 32, 33, 34, 100, 1_000, 2_000);
        return switch (random.nextInt(5)) {
            case 0 -> "(".repeat(depth) + "userName pr" + ")".repeat(depth);
            case 1 -> "not (".repeat(depth) + "title pr" + ")".repeat(depth);
            case 2 -> "(".repeat(depth) + "a pr";
            case 3 -> "emails[".repeat(Math.min(depth, 5)) + "value pr" + "]".repeat(Math.min(depth, 5));
            default -> "a pr" + " and a pr".repeat(Math.min(depth, 400)) + (random.nextBoolean() ? "" : " or (b pr)");
        };
    }

    private static String long4096(Random random) {
        String head = "userName eq \"";
        int length = 4_096 - head.length() - 1 + random.nextInt(5) - 2;
        return head + "x".repeat(Math.max(0, length)) + "\"";
    }

    private static String random(Random random) {
        char[] chars = new char[random.nextInt(60)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000);
        }
        return new String(chars);
    }

    /** Attribute-path text (RFC 7644 §3.10) as a hostile client might send it. */
    public static String hostilePath(Random random) {
        String written = blank(random).trim() + path(random, true) + (random.nextBoolean() ? "" : blank(random));
        return switch (random.nextInt(12)) {
            case 0, 1, 2, 3 -> written;
            case 4, 5, 6, 7, 8 -> Texts.mutate(random, written, 3);
            case 9 -> pick(random, ENTERPRISE_TYPO + ":" + name(random), ENTERPRISE_TYPO, "urn::x", "urn:x:", ":x", "x:",
                    "urn", "urn:", "URN:a:b.c.d", "a.b.c", "a..b", ".a", "a.", "$", "$ref", "$ref.$ref", "9a", "-a", "a b",
                    "urn:a b:c", "urn:a:b:c:d:e:f:g.h", "urn:ietf:params:scim:schemas:core:2.0:User:", "İd");
            case 10 -> random.nextBoolean() ? "a".repeat(4_094 + random.nextInt(5))
                    : "urn:" + "x".repeat(4_090 + random.nextInt(5)) + ":y";
            default -> soup(random);
        };
    }

    /** A PATCH path (RFC 7644 §3.5.2): attribute, or attribute with a value filter and perhaps a sub-attribute. */
    public static PatchPath patchPath(Random random) {
        if (random.nextInt(3) == 0) {
            return PatchPath.of(path(random, true));
        }
        AttributePath attribute = path(random, false);
        String sub = random.nextBoolean() ? name(random) : null;
        return new PatchPath(attribute, valueFilter(random, random.nextInt(4)), sub);
    }

    /** The PATCH path written any way the parser reads as the same path. */
    public static String write(Random random, PatchPath path) {
        String padding = random.nextInt(4) == 0 ? blank(random) : "";
        if (path.valueFilter() == null) {
            return padding + path.attribute() + padding;
        }
        return padding + path.attribute() + "[" + write(random, path.valueFilter()) + "]"
                + (path.subAttribute() == null ? "" : "." + path.subAttribute()) + padding;
    }

    /** PATCH-path text as a hostile client might send it. */
    public static String hostilePatchPath(Random random) {
        String written = write(random, patchPath(random));
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> written;
            case 3, 4, 5, 6, 7 -> Texts.mutate(random, written, 3);
            case 8 -> pick(random, "emails[", "emails[]", "emails[type eq \"work\"]x", "emails[type eq \"work\"].",
                    "emails.value[type eq \"x\"]", "emails[value eq \"a]\"]", "emails[value eq \"a\\\"]\"]", "emails[x[y pr]]",
                    "emails [type eq \"work\"]", "emails[type eq \"work\"] .value", "emails[type eq \"work\"].value.x",
                    "emails[type eq \"work\"][value pr]", "members[value eq \"", "members[value eq \"x\\", "[value pr]", "]",
                    ENTERPRISE_TYPO, ENTERPRISE_TYPO + ":manager.value", ENTERPRISE + ":manager[value pr]",
                    "urn:ietf:params:scim:schemas:core:2.0:User", "emails[(((((((((((((((((((((((((((((((((value pr]");
            case 9 -> "emails[value eq \"" + "x".repeat(4_070 + random.nextInt(30)) + "\"]";
            case 10 -> path(random, false) + "[" + hostile(random) + "]" + (random.nextBoolean() ? "" : "." + name(random));
            default -> soup(random);
        };
    }
}
