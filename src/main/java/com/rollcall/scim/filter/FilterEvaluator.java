package com.rollcall.scim.filter;

import com.rollcall.scim.filter.Literal.BooleanLiteral;
import com.rollcall.scim.filter.Literal.NullLiteral;
import com.rollcall.scim.filter.Literal.NumberLiteral;
import com.rollcall.scim.filter.Literal.StringLiteral;
import com.rollcall.scim.json.BoundedNumbers;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.path.AttributePath;
import com.rollcall.scim.quirks.BooleanStrings;
import jakarta.json.JsonNumber;
import com.rollcall.scim.schema.JsonAttributes;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates a {@link Filter} against a SCIM resource held as JSON (RFC 7644 §3.4.2.2), in memory:
 * for PATCH value filters and tests; list queries are translated to SQL instead.
 *
 * <ul>
 * <li>Attribute names and URNs match ignoring case; a URN-qualified path looks inside the extension
 *     object named by the URN ({@code resource["urn:...:enterprise:2.0:User"]}), a core-schema URN at
 *     the resource itself.</li>
 * <li>A multi-valued attribute matches when any of its values matches, for every operator
 *     ({@code ne} included); an absent attribute matches only {@code eq null} (and {@code not (...)}).
 *     A complex value compared without a sub-attribute is compared through its {@code value}.</li>
 * <li>{@code pr}: some value that is not null, not an empty string, not an empty array or object.</li>
 * <li>Strings compare ignoring case unless {@link CaseExactness} says otherwise; two strings that
 *     both parse as ISO-8601 date-times compare as instants. A string attribute compares with a
 *     number literal as text. Numbers compare numerically. Booleans (also Entra's "True"/"False"
 *     strings) support only {@code eq} and {@code ne}; other operators are {@code 400 invalidFilter},
 *     as are ordering against {@code null} and {@code co}/{@code sw}/{@code ew} on numbers.</li>
 * </ul>
 */
public final class FilterEvaluator {
    private static final String CORE_SCHEMA_PREFIX = "urn:ietf:params:scim:schemas:core:";

    private final CaseExactness caseExactness;

    public FilterEvaluator(CaseExactness caseExactness) {
        this.caseExactness = Objects.requireNonNull(caseExactness, "caseExactness");
    }

    /** True when the resource matches the filter. */
    public boolean matches(Filter filter, JsonObject resource) {
        return filter.accept(new Scope(resource, null));
    }

    /**
     * True when one value of the multi-valued {@code attribute} matches a value filter whose paths
     * are relative to that value: the selection step of PATCH paths such as
     * {@code members[value eq "2819c223"]}. Values that are not JSON objects never match.
     */
    public boolean matchesValue(AttributePath attribute, Filter valueFilter, JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT
                && valueFilter.accept(new Scope(value.asJsonObject(), attribute));
    }

    /** Evaluation within one JSON object: the resource, or one value of a multi-valued attribute ({@code parent}). */
    private final class Scope implements FilterVisitor<Boolean> {
        private final JsonObject object;
        private final AttributePath parent;

        Scope(JsonObject object, AttributePath parent) {
            this.object = object;
            this.parent = parent;
        }

        @Override
        public Boolean visitAnd(Filter.And and) {
            return and.left().accept(this) && and.right().accept(this);
        }

        @Override
        public Boolean visitOr(Filter.Or or) {
            return or.left().accept(this) || or.right().accept(this);
        }

        @Override
        public Boolean visitNot(Filter.Not not) {
            return !not.filter().accept(this);
        }

        @Override
        public Boolean visitPresent(Filter.Present present) {
            for (JsonValue value : values(present.path())) {
                if (isPresent(value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Boolean visitValuePath(Filter.ValuePath valuePath) {
            JsonValue value = member(container(valuePath.attribute()), valuePath.attribute().name());
            if (value == null) {
                return false;
            }
            AttributePath attribute = absolute(valuePath.attribute());
            List<JsonValue> elements = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
            for (JsonValue element : elements) {
                if (element.getValueType() == JsonValue.ValueType.OBJECT
                        && valuePath.filter().accept(new Scope(element.asJsonObject(), attribute))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Boolean visitComparison(Filter.Comparison comparison) {
            List<JsonValue> values = values(comparison.path());
            Operator operator = comparison.operator();
            if (comparison.value() == NullLiteral.INSTANCE) {
                return switch (operator) {
                    case EQ -> values.isEmpty();
                    case NE -> !values.isEmpty();
                    default -> throw unsupported(operator, "null", comparison.path());
                };
            }
            AttributePath path = absolute(comparison.path());
            boolean caseExact = caseExactness.isCaseExact(path);
            for (JsonValue value : values) {
                JsonValue simple = value.getValueType() == JsonValue.ValueType.OBJECT ? member(value.asJsonObject(), "value") : value;
                if (simple != null && compare(simple, operator, comparison.value(), caseExact, path)) {
                    return true;
                }
            }
            return false;
        }

        /** The attribute's non-null values, arrays flattened, sub-attributes collected from every value. */
        private List<JsonValue> values(AttributePath path) {
            List<JsonValue> values = new ArrayList<>();
            JsonValue value = member(container(path), path.name());
            if (value == null) {
                return values;
            }
            if (path.subAttribute() == null) {
                addFlattened(values, value);
                return values;
            }
            List<JsonValue> parents = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
            for (JsonValue element : parents) {
                if (element.getValueType() == JsonValue.ValueType.OBJECT) {
                    JsonValue sub = member(element.asJsonObject(), path.subAttribute());
                    if (sub != null) {
                        addFlattened(values, sub);
                    }
                }
            }
            return values;
        }

        private JsonObject container(AttributePath path) {
            String urn = path.schemaUrn();
            if (urn == null) {
                return object;
            }
            if (parent != null) {
                return null;
            }
            JsonValue extension = member(object, urn);
            if (extension != null && extension.getValueType() == JsonValue.ValueType.OBJECT) {
                return extension.asJsonObject();
            }
            return urn.regionMatches(true, 0, CORE_SCHEMA_PREFIX, 0, CORE_SCHEMA_PREFIX.length()) ? object : null;
        }

        /** The path as the schema knows it: {@code type} inside {@code emails[...]} is {@code emails.type}. */
        private AttributePath absolute(AttributePath path) {
            return parent == null ? path : new AttributePath(parent.schemaUrn(), parent.name(), path.name());
        }
    }

    private static void addFlattened(List<JsonValue> values, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue element : value.asJsonArray()) {
                if (element.getValueType() != JsonValue.ValueType.NULL) {
                    values.add(element);
                }
            }
        } else if (value.getValueType() != JsonValue.ValueType.NULL) {
            values.add(value);
        }
    }

    /** The member whose name equals {@code name} ignoring case; null when absent or JSON null. */
    private static JsonValue member(JsonObject object, String name) {
        return JsonAttributes.get(object, name).orElse(null);
    }

    private static boolean isPresent(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> !((JsonString) value).getString().isEmpty();
            case ARRAY -> !value.asJsonArray().isEmpty();
            case OBJECT -> !value.asJsonObject().isEmpty();
            case NULL -> false;
            default -> true;
        };
    }

    private static boolean compare(JsonValue actual, Operator operator, Literal literal, boolean caseExact, AttributePath path) {
        return switch (actual.getValueType()) {
            case STRING -> compareString(((JsonString) actual).getString(), operator, literal, caseExact, path);
            case NUMBER -> BoundedNumbers.isBounded(((JsonNumber) actual).bigDecimalValue())
                    && compareNumber(((JsonNumber) actual).bigDecimalValue(), operator, literal, path);
            case TRUE -> compareBoolean(true, operator, literal, path);
            case FALSE -> compareBoolean(false, operator, literal, path);
            default -> false;
        };
    }

    private static boolean compareString(String actual, Operator operator, Literal literal, boolean caseExact, AttributePath path) {
        if (literal instanceof BooleanLiteral) {
            Optional<Boolean> bool = BooleanStrings.parse(actual);
            if (bool.isPresent()) {
                return compareBoolean(bool.get(), operator, literal, path);
            }
            if (operator.isOrdering()) {
                throw unsupported(operator, "a boolean", path);
            }
            return operator == Operator.NE;
        }
        String expected = literal instanceof StringLiteral string ? string.value() : literal.toString();
        Optional<Instant> actualInstant = instant(actual);
        Optional<Instant> expectedInstant = actualInstant.isPresent() ? instant(expected) : Optional.empty();
        if (expectedInstant.isPresent() && (operator.isOrdering() || operator == Operator.EQ || operator == Operator.NE)) {
            return holds(operator, actualInstant.get().compareTo(expectedInstant.get()));
        }
        String a = caseExact ? actual : fold(actual);
        String e = caseExact ? expected : fold(expected);
        return switch (operator) {
            case CO -> a.contains(e);
            case SW -> a.startsWith(e);
            case EW -> a.endsWith(e);
            default -> holds(operator, a.compareTo(e));
        };
    }

    private static boolean compareNumber(BigDecimal actual, Operator operator, Literal literal, AttributePath path) {
        if (operator == Operator.CO || operator == Operator.SW || operator == Operator.EW) {
            throw unsupported(operator, "a number", path);
        }
        BigDecimal expected = null;
        if (literal instanceof NumberLiteral number) {
            expected = number.value();
        } else if (literal instanceof StringLiteral string) {
            expected = number(string.value());
        }
        if (expected == null) {
            if (literal instanceof BooleanLiteral && operator.isOrdering()) {
                throw unsupported(operator, "a boolean", path);
            }
            return operator == Operator.NE;
        }
        return holds(operator, actual.compareTo(expected));
    }

    private static boolean compareBoolean(boolean actual, Operator operator, Literal literal, AttributePath path) {
        if (operator != Operator.EQ && operator != Operator.NE) {
            throw unsupported(operator, "a boolean", path);
        }
        Optional<Boolean> expected = Optional.empty();
        if (literal instanceof BooleanLiteral bool) {
            expected = Optional.of(bool.value());
        } else if (literal instanceof StringLiteral string) {
            expected = BooleanStrings.parse(string.value());
        }
        boolean equal = expected.isPresent() && expected.get() == actual;
        return operator == Operator.EQ ? equal : !equal;
    }

    /** Whether {@code comparison} (the sign of actual compared with expected) satisfies the operator. */
    private static boolean holds(Operator operator, int comparison) {
        return switch (operator) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> throw new IllegalArgumentException(operator.keyword());
        };
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static BigDecimal number(String text) {
        return BoundedNumbers.parse(text).orElse(null);
    }

    /** The instant of an ISO-8601 date-time with offset (or without, taken as UTC), or empty. */
    private static Optional<Instant> instant(String text) {
        if (text.length() < 19 || text.charAt(4) != '-' || (text.charAt(10) != 'T' && text.charAt(10) != 't')) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        try {
            return Optional.of(OffsetDateTime.parse(upper).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(upper).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADateTime) {
                return Optional.empty();
            }
        }
    }

    private static ScimException unsupported(Operator operator, String operand, AttributePath path) {
        return ScimException.invalidFilter("The operator '" + operator.keyword() + "' cannot compare " + operand
                + " (attribute '" + path + "').");
    }
}
