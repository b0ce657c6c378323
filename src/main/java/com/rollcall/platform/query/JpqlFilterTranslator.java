package com.rollcall.platform.query;

import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.scim.filter.Filter;
import com.rollcall.scim.filter.FilterVisitor;
import com.rollcall.scim.filter.Literal;
import com.rollcall.scim.filter.Operator;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import com.rollcall.scim.quirks.BooleanStrings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles a SCIM filter into ONE JPQL condition with bound parameters (never concatenated values),
 * so that filtering, paging and {@code totalResults} all happen in the database. Semantics follow the
 * in-memory FilterEvaluator: case-insensitive unless case-exact, an absent attribute only matches
 * {@code eq null} or a {@code not (...)}, a multi-valued attribute matches when any element does, and
 * the conditions of a value path ({@code emails[type eq "work" and value eq "x"]}) hold for the same
 * element. Equality on keyed attributes uses their indexed key column (Entra's matching filters).
 * {@code LIKE} wildcards in values are escaped with {@code '!'} (portable, unlike backslash on MySQL).
 * Anything the mapping does not know is {@code 400 invalidFilter}, never an unfiltered list.
 */
public final class JpqlFilterTranslator implements FilterVisitor<String> {
    private final FilterMapping mapping;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private FilterMapping.MultiValued element;

    private JpqlFilterTranslator(FilterMapping mapping) {
        this.mapping = mapping;
    }

    public static JpqlQuery translate(Filter filter, FilterMapping mapping) {
        JpqlFilterTranslator translator = new JpqlFilterTranslator(mapping);
        String condition = filter.accept(translator);
        return new JpqlQuery(condition, translator.parameters);
    }

    @Override
    public String visitComparison(Filter.Comparison comparison) {
        return on(comparison.path(), field -> compare(field, comparison.operator(), comparison.value(), comparison.path()));
    }

    @Override
    public String visitPresent(Filter.Present present) {
        return on(present.path(), field -> field.kind() == FieldKind.STRING
                ? "(" + field.path() + " IS NOT NULL AND " + field.path() + " <> '')"
                : field.path() + " IS NOT NULL");
    }

    @Override
    public String visitAnd(Filter.And and) {
        return "(" + and.left().accept(this) + " AND " + and.right().accept(this) + ")";
    }

    @Override
    public String visitOr(Filter.Or or) {
        return "(" + or.left().accept(this) + " OR " + or.right().accept(this) + ")";
    }

    @Override
    public String visitNot(Filter.Not not) {
        return "(NOT " + not.filter().accept(this) + ")";
    }

    @Override
    public String visitValuePath(Filter.ValuePath valuePath) {
        if (element != null) {
            throw ScimException.invalidFilter("Value paths cannot be nested.");
        }
        FilterMapping.MultiValued multi = mapping.multiValued(key(valuePath.attribute()))
                .orElseThrow(() -> unsupported(valuePath.attribute()));
        element = multi;
        try {
            return multi.subquery().formatted(valuePath.filter().accept(this));
        } finally {
            element = null;
        }
    }

    /** Resolves a path to a column (directly, inside a value path, or through a multi-valued subquery). */
    private String on(AttributePath path, java.util.function.Function<Field, String> condition) {
        if (element != null) {
            if (path.schemaUrn() != null || path.subAttribute() != null) {
                throw ScimException.invalidFilter("Inside [ ] only sub-attributes of the multi-valued attribute can be used: '"
                        + path + "'.");
            }
            return condition.apply(subField(element, path.name(), path));
        }
        var field = mapping.field(key(path));
        if (field.isPresent()) {
            return condition.apply(field.get());
        }
        AttributePath attribute = new AttributePath(path.schemaUrn(), path.name(), null);
        var multi = mapping.multiValued(key(attribute));
        if (multi.isPresent()) {
            String sub = path.subAttribute() == null ? multi.get().defaultSub() : path.subAttribute();
            return multi.get().subquery().formatted(condition.apply(subField(multi.get(), sub, path)));
        }
        throw unsupported(path);
    }

    private static Field subField(FilterMapping.MultiValued multi, String sub, AttributePath path) {
        Field field = multi.subFields().get(sub.toLowerCase(Locale.ROOT));
        if (field == null) {
            throw unsupported(path);
        }
        return field;
    }

    private String key(AttributePath path) {
        String name = path.subAttribute() == null ? path.name() : path.name() + "." + path.subAttribute();
        if (path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(mapping.coreSchemaUrn())) {
            return name.toLowerCase(Locale.ROOT);
        }
        return (path.schemaUrn() + ":" + name).toLowerCase(Locale.ROOT);
    }

    private String compare(Field field, Operator operator, Literal literal, AttributePath path) {
        if (literal instanceof Literal.NullLiteral) {
            return switch (operator) {
                case EQ -> field.path() + " IS NULL";
                case NE -> field.path() + " IS NOT NULL";
                default -> throw ScimException.invalidFilter("Only eq and ne can compare '" + path + "' with null.");
            };
        }
        return switch (field.kind()) {
            case BOOLEAN -> compareBoolean(field, operator, literal, path);
            case DATE_TIME -> compareDateTime(field, operator, literal, path);
            case STRING -> compareText(field, operator, literal, path);
        };
    }

    private String compareBoolean(Field field, Operator operator, Literal literal, AttributePath path) {
        Boolean value = null;
        if (literal instanceof Literal.BooleanLiteral b) {
            value = b.value();
        } else if (literal instanceof Literal.StringLiteral s) {
            value = BooleanStrings.parse(s.value()).orElse(null);
        }
        if (value == null) {
            throw ScimException.invalidFilter("'" + path + "' is a boolean: compare it with true or false.");
        }
        return switch (operator) {
            case EQ -> field.path() + " = " + parameter(value);
            case NE -> field.path() + " <> " + parameter(value);
            default -> throw ScimException.invalidFilter("'" + path + "' is a boolean: only eq and ne apply.");
        };
    }

    private String compareDateTime(Field field, Operator operator, Literal literal, AttributePath path) {
        if (!(literal instanceof Literal.StringLiteral text)) {
            throw ScimException.invalidFilter("'" + path + "' is a dateTime: compare it with a quoted ISO-8601 value.");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.value()).toInstant();
        } catch (DateTimeParseException e) {
            throw ScimException.invalidFilter("'" + text.value() + "' is not an ISO-8601 dateTime such as 2026-01-31T12:00:00Z.");
        }
        String op = ordering(operator, path);
        return "(" + field.path() + " IS NOT NULL AND " + field.path() + " " + op + " " + parameter(instant) + ")";
    }

    private String compareText(Field field, Operator operator, Literal literal, AttributePath path) {
        String text;
        if (literal instanceof Literal.StringLiteral s) {
            text = s.value();
        } else if (literal instanceof Literal.NumberLiteral n) {
            text = n.text();
        } else {
            throw ScimException.invalidFilter("'" + path + "' is text: compare it with a quoted string.");
        }
        boolean useKey = field.keyPath() != null && operator == Operator.EQ;
        String column = useKey ? field.keyPath() : field.path();
        String lhs = useKey || field.caseExact() ? column : "LOWER(" + column + ")";
        String value = useKey ? field.key(text) : field.caseExact() ? text : text.toLowerCase(Locale.ROOT);
        String condition = switch (operator) {
            case CO -> lhs + " LIKE " + parameter("%" + escapeLike(value) + "%") + " ESCAPE '!'";
            case SW -> lhs + " LIKE " + parameter(escapeLike(value) + "%") + " ESCAPE '!'";
            case EW -> lhs + " LIKE " + parameter("%" + escapeLike(value)) + " ESCAPE '!'";
            default -> lhs + " " + ordering(operator, path) + " " + parameter(value);
        };
        return "(" + column + " IS NOT NULL AND " + condition + ")";
    }

    private static String ordering(Operator operator, AttributePath path) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            default -> throw ScimException.invalidFilter("Operator " + operator.keyword() + " does not apply to '" + path + "'.");
        };
    }

    static String escapeLike(String value) {
        return NativeSql.likeEscaped(value);
    }

    private String parameter(Object value) {
        String name = "f" + (parameters.size() + 1);
        parameters.put(name, value);
        return ":" + name;
    }

    private static ScimException unsupported(AttributePath path) {
        return ScimException.invalidFilter("Filtering on '" + path + "' is not supported.");
    }
}
